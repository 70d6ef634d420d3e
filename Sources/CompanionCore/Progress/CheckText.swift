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
    var text = "Your exercises (Exercises/), checked in \(formatted(seconds)) s.\n"
    for chapter in chapters { text += "\n" + section(chapter) }
    let all = chapters.flatMap(\.exercises)
    if chapters.count > 1 {
      text += "\n\(all.filter(\.status.isDone).count) of \(all.count) exercises done.\n"
    }
    return text + "\n" + next()
  }

  private func section(_ chapter: ChapterReport) -> String {
    var text = "\(chapter.chapter): \(counts(chapter))\n"
    if let problem = chapter.problem { text += "  ! \(problem)\n" }
    if !chapter.waitsFor.isEmpty {
      text += "  … some of its tests also run \(byChapter(chapter.waitsFor)), not written yet\n"
    }
    let width = chapter.exercises.map(\.name.count).max() ?? 0
    for exercise in chapter.exercises {
      let name = exercise.name.padding(toLength: width, withPad: " ", startingAt: 0)
      text += "  \(symbol(exercise.status)) \(name)  \(phrase(exercise.status))"
      text += exercise.status.isDone ? "\n" : "  \(exercise.file):\(exercise.line)\n"
      if case .failing(let failure) = exercise.status {
        text += failureLines(failure).map { "      " + $0 + "\n" }.joined()
      }
    }
    return text
  }

  /// "3 of 13 done, 1 passing so far, 1 failing, 8 not written yet".
  private func counts(_ chapter: ChapterReport) -> String {
    var parts = ["\(chapter.done) of \(chapter.exercises.count) done"]
    var failing = 0
    var waiting = 0
    var unwritten = 0
    for exercise in chapter.exercises {
      switch exercise.status {
      case .failing: failing += 1
      case .waiting, .unreached: waiting += 1
      case .notWritten: unwritten += 1
      default: break
      }
    }
    if chapter.passingSoFar > 0 { parts.append("\(chapter.passingSoFar) passing so far") }
    if failing > 0 { parts.append("\(failing) failing") }
    if waiting > 0 { parts.append("\(waiting) waiting") }
    if unwritten > 0 { parts.append("\(unwritten) not written yet") }
    if chapter.problem == nil && chapter.testsRun > 0 {
      parts.append("\(chapter.testsPassed) of \(chapter.testsRun) tests pass")
    }
    return parts.joined(separator: ", ")
  }

  /// The failing test and its first failure, cut to 20 lines.
  private func failureLines(_ failure: TestFailure) -> [String] {
    var lines = ["test \"\(failure.test)\" (\(suite(of: failure.testID)))"]
    if !failure.alsoReached.isEmpty {
      lines[0] += ", which also runs \(failure.alsoReached.joined(separator: ", "))"
    }
    let message = failure.message.split(separator: "\n", omittingEmptySubsequences: false)
    lines += message.prefix(20).map(String.init)
    if message.count > 20 { lines.append("... (\(message.count - 20) more lines)") }
    return lines
  }

  /// What to do next: the first exercise, in teaching order, that fails or does not compile;
  /// else the first not written; else the next chapter.
  private func next() -> String {
    let all = chapters.flatMap { chapter in chapter.exercises.map { (chapter.chapter, $0) } }
    let culprit = all.first { _, exercise in
      switch exercise.status {
      case .failing: true
      case .broken(let why): why.hasPrefix("does not compile")
      default: false
      }
    }
    if let (chapter, exercise) = culprit ?? all.first(where: { $0.1.status == .notWritten }) {
      return """
        Next: \(exercise.name) in \(exercise.file):\(exercise.line)
          swift run companion hint \(exercise.name)
          swift run companion test \(chapter)

        """
    }
    if let broken = chapters.first(where: { $0.problem != nil && $0.done < $0.exercises.count }) {
      return "Next: \(broken.chapter): \(broken.problem!)\n"
    }
    if let waiting = chapters.first(where: { !$0.waitsFor.isEmpty }),
      let other = waiting.waitsFor.compactMap({ chapterOf[$0] }).first
    {
      return """
        Next: the \(other) chapter, whose exercises \(waiting.chapter)'s tests run too
          swift run companion check \(other)

        """
    }
    let checked = Set(chapters.map(\.chapter))
    let done = chapters.allSatisfy { $0.done == $0.exercises.count }
    guard done else { return "" }
    let finished =
      chapters.count == 1 ? "\(chapters[0].chapter) is done" : "These chapters are done"
    if let after = unfinishedChapters.first(where: { !checked.contains($0) }) {
      return """
        \(finished): every exercise passes its tests. Next: the \(after) chapter
          swift run companion check \(after)

        """
    }
    return "\(finished): every exercise passes its tests. Read Solutions/ and compare.\n"
  }

  /// "correlate2D, zeroPad (Convolution) and maxPool2D (Pooling)".
  private func byChapter(_ names: [String]) -> String {
    var groups: [(String, [String])] = []
    for name in names {
      let chapter = chapterOf[name] ?? "?"
      if let index = groups.firstIndex(where: { $0.0 == chapter }) {
        groups[index].1.append(name)
      } else {
        groups.append((chapter, [name]))
      }
    }
    return listed(groups.map { "\($0.1.joined(separator: ", ")) (\($0.0))" })
  }
}

/// `ConvolutionTests.StrideTests` from a test id.
func suite(of testID: String) -> String {
  String(testID.prefix { $0 != "/" })
}

/// "a", "a and b", "a, b and c".
func listed(_ items: [String]) -> String {
  items.count <= 1
    ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
}

func formatted(_ seconds: Double) -> String {
  String(Double(Int((seconds * 10).rounded())) / 10)
}

private func symbol(_ status: ExerciseStatus) -> String {
  switch status {
  case .done: "✔"
  case .passingSoFar: "◑"
  case .notWritten: "·"
  case .waiting, .unreached: "…"
  case .failing, .broken: "✘"
  }
}

/// The state of an exercise in a few words.
func phrase(_ status: ExerciseStatus) -> String {
  switch status {
  case .done: "done"
  case .passingSoFar(let passed, let waiting, let names):
    "passing so far: \(passed) \(passed == 1 ? "test passes" : "tests pass"), \(waiting) "
      + "\(waiting == 1 ? "waits" : "wait") for \(listed(names))"
  case .notWritten: "not written yet"
  case .failing: "failing"
  case .waiting(let names): "written; its tests wait for \(listed(names))"
  case .unreached: "written; no test reached it"
  case .broken(let why): why
  }
}
