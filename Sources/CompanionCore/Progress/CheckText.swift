import ExerciseKit

/// The report of `companion check` as text for a student: per chapter a line of counts, per
/// exercise its state (a failing one with its test and its first failure as `swift test` shows
/// it), and what to do next with the commands to type.
struct CheckText {
  let chapters: [ChapterReport]
  /// The chapter of every exercise of the package.
  let chapterOf: [String: String]
  /// The chapters, in teaching order, that still have exercises not written: where to go when
  /// those checked are done.
  let unfinishedChapters: [String]
  let seconds: Double

  var text: String {
    var text = tr("check.header", ["seconds": formatted(seconds)]) + "\n"
    for chapter in chapters { text += "\n" + section(chapter) }
    let all = chapters.flatMap(\.exercises)
    if chapters.count > 1 {
      text +=
        "\n"
        + tr(
          "check.courseCount",
          ["done": "\(all.filter(\.status.isDone).count)", "total": "\(all.count)"])
        + "\n"
    }
    return text + "\n" + next()
  }

  /// The lines of the report that belong to one exercise: its line and the failure under it.
  func block(of name: String) -> String {
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if lines.isEmpty {
        let status = line.dropFirst(4)
        if line.hasPrefix("  ") && status.hasPrefix(name + " ") { lines.append(line) }
      } else if line.hasPrefix("      ") {
        lines.append(line)
      } else {
        break
      }
    }
    return lines.joined(separator: "\n")
  }

  private func section(_ chapter: ChapterReport) -> String {
    var text = counts(chapter) + "\n"
    if let problem = chapter.problem { text += "  ! \(problem)\n" }
    for failure in chapter.together {
      text +=
        "  ✘ " + testLine(failure) + " "
        + tr("check.together", ["names": spokenList(failure.alsoReached)]) + "\n"
      text += failureLines(failure, of: chapter.chapter).dropFirst().map { "      " + $0 + "\n" }
        .joined()
    }
    let width = chapter.exercises.map(\.name.count).max() ?? 0
    for exercise in chapter.exercises {
      let name = exercise.name.padding(toLength: width, withPad: " ", startingAt: 0)
      text += "  \(symbol(exercise.status)) \(name)  \(phrase(exercise.status))"
      text += exercise.status.isDone ? "\n" : "  \(exercise.file):\(exercise.line)\n"
      if case .failing(let failure) = exercise.status {
        text += failureLines(failure, of: exercise.name).map { "      " + $0 + "\n" }.joined()
      }
    }
    return text
  }

  /// "Convolution: 3 of 13 done, 1 failing, 9 not written yet".
  private func counts(_ chapter: ChapterReport) -> String {
    var line = tr(
      "check.chapterCount",
      [
        "chapter": chapter.chapter, "done": "\(chapter.done)",
        "total": "\(chapter.exercises.count)",
      ])
    var failing = 0
    var unreached = 0
    var unwritten = 0
    var notChecked = 0
    for exercise in chapter.exercises {
      switch exercise.status {
      case .failing: failing += 1
      case .unreached: unreached += 1
      case .notWritten: unwritten += 1
      case .broken: notChecked += 1
      case .done: break
      }
    }
    if failing > 0 { line += tr("check.countFailing", ["count": "\(failing)"]) }
    if unreached > 0 { line += tr("check.countUnreached", ["count": "\(unreached)"]) }
    if unwritten > 0 { line += tr("check.countNotWritten", ["count": "\(unwritten)"]) }
    if notChecked > 0 { line += tr("check.countNotChecked", ["count": "\(notChecked)"]) }
    if chapter.problem == nil && chapter.testsRun > 0 {
      line += tr(
        "check.countTests", ["passed": "\(chapter.testsPassed)", "run": "\(chapter.testsRun)"])
    }
    return line
  }

  /// The failing test and its most telling failure: about 12 lines (see ``shownFailure``).
  private func failureLines(_ failure: TestFailure, of name: String) -> [String] {
    shownFailure(failure, of: name)
  }

  /// What to do next: the first exercise, in teaching order, that fails or does not compile;
  /// else a chapter whose exercises fail together; else the first not written; else the next
  /// chapter. An exercise named here is always one that is wrong or not written.
  private func next() -> String {
    let all = chapters.flatMap { chapter in chapter.exercises.map { (chapter.chapter, $0) } }
    let culprit = all.first { _, exercise in
      switch exercise.status {
      case .failing: true
      case .broken(let why): pointsAtCompileError(why)
      default: false
      }
    }
    if culprit == nil, let together = chapters.first(where: { !$0.together.isEmpty }) {
      let names = Set(together.together.flatMap(\.alsoReached))
      let ordered = together.exercises.map(\.name).filter(names.contains)
      let next = tr(
        "check.nextTogether", ["chapter": together.chapter, "names": spokenList(ordered)])
      return """
        \(next)
          swift run companion test \(together.chapter)

        """
    }
    if let (chapter, exercise) = culprit ?? all.first(where: { $0.1.status == .notWritten }) {
      let next = tr(
        "check.next", ["name": exercise.name, "place": "\(exercise.file):\(exercise.line)"])
      return """
        \(next)
          swift run companion hint \(exercise.name)
          swift run companion test \(chapter)

        """
    }
    if let broken = chapters.first(where: { $0.problem != nil && $0.done < $0.exercises.count }) {
      return tr("check.nextProblem", ["chapter": broken.chapter, "problem": broken.problem!])
        + "\n"
    }
    let checked = Set(chapters.map(\.chapter))
    let done = chapters.allSatisfy(\.isDone)
    guard done else { return "" }
    let finished =
      chapters.count == 1
      ? tr("check.chapterDone", ["chapter": chapters[0].chapter]) : tr("check.chaptersDone")
    if let after = unfinishedChapters.first(where: { !checked.contains($0) }) {
      let next = tr("check.doneNext", ["finished": finished, "chapter": after])
      return """
        \(next)
          swift run companion check \(after)

        """
    }
    return tr("check.doneAll", ["finished": finished]) + "\n"
  }
}

/// How `check` and `watch` show a failure: the test, its most telling issue cut to 10 lines, and,
/// when there is more, the command that shows all of it: about 12 lines for an exercise.
func shownFailure(_ failure: TestFailure, of name: String) -> [String] {
  var lines = [testLine(failure)]
  let message = localizedFailure(failure.message).split(
    separator: "\n", omittingEmptySubsequences: false)
  lines += message.prefix(10).map(String.init)
  if message.count > 10 {
    lines.append(tr("check.moreLines", ["count": "\(message.count - 10)"]))
  }
  if failure.moreIssues > 0 {
    lines.append(
      tr(
        "check.allIssues",
        [
          "issues": "\(failure.moreIssues + 1)", "tests": "\(failure.moreTests + 1)",
          "name": name,
        ]))
  }
  return lines
}

/// `test "E4.1 stride 2" (ConvolutionTests.CorrelationTests)`: a failing test as `check`,
/// `test` and `watch` name it.
func testLine(_ failure: TestFailure) -> String {
  tr("check.testLine", ["test": failure.test, "suite": suite(of: failure.testID)])
}

/// Whether the reason an exercise was not checked is that its chapter's compiler error lies in
/// it (see ``Checker``): then it is the exercise to mend first.
func pointsAtCompileError(_ why: String) -> Bool {
  why == tr("check.brokenHere")
}

/// `ConvolutionTests.StrideTests` from a test id.
func suite(of testID: String) -> String {
  String(testID.prefix { $0 != "/" })
}

/// "a", "a and b", "a, b and c" (always in English).
func listed(_ items: [String]) -> String {
  items.count <= 1
    ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
}

/// ``listed(_:)`` in the current language: "a, b and c", "a、b 和 c".
func spokenList(_ items: [String]) -> String {
  items.count <= 1
    ? items.joined()
    : tr("check.listLast", ["items": joined(items.dropLast()), "last": items.last!])
}

/// "a, b, c", "a、b、c": names in a row, without a conjunction.
func joined(_ items: some Sequence<String>) -> String {
  items.joined(separator: tr(Text(", ", "、")))
}

func formatted(_ seconds: Double) -> String {
  String(Double(Int((seconds * 10).rounded())) / 10)
}

private func symbol(_ status: ExerciseStatus) -> String {
  switch status {
  case .done: "✔"
  case .notWritten: "·"
  case .unreached: "…"
  case .failing, .broken: "✘"
  }
}

/// The state of an exercise in a few words.
func phrase(_ status: ExerciseStatus) -> String {
  switch status {
  case .done: tr("check.done")
  case .notWritten: tr("check.notWritten")
  case .failing: tr("check.failing")
  case .unreached: tr("check.unreached")
  case .broken(let why): why
  }
}
