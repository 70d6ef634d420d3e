import ExerciseKit
import Foundation

let testCommand = Command(
  name: "test", summary: tr("test.summary"), help: tr("test.help")
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(
    arguments, valued: ["--timeout"], flags: ["--all", "--verbose"])
  let every = parsed.flags.contains("--all")
  let timeout = try parsed.seconds("--timeout", default: 60)
  guard parsed.positional.count == 1 else {
    throw UsageError(tr("test.oneName"))
  }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  noteTrackVariable()
  let tree = ExerciseTree(root: root)
  let all = try chapterNames(in: tree)
  let exercises = (try? tree.exercises()) ?? []
  let name = try resolve(
    parsed.positional[0], among: all + exercises.map(\.name), kind: "chapter or exercise",
    listing: tr("check.chapters", ["names": spokenList(all)]))
  let exercise = exercises.first { $0.name == name }
  let chapter = exercise?.chapter ?? name
  try buildForTests(chapter, root: root, tree: tree, all: all)
  if let exercise {
    return try testsOf(exercise, root: root, timeout: timeout, tree: tree, all: all, every: every)
  }
  say(tr("check.testing", ["command": "test", "chapter": chapter]))
  let run = ChapterTestRun(root: root, timeout: timeout).run(chapter)
  let text = chapterTests(
    run.tests, problem: run.problem, chapter: chapter, every: every,
    verbose: parsed.flags.contains("--verbose"), diagnoses: catalogDiagnoses(tree))
  guard run.tests.allSatisfy({ !$0.failed }), run.problem == nil else {
    throw UsageError.finished(status: 1, output: text)
  }
  return text
}

/// The report of `test CHAPTER`: the chapter's tests run on the student's code as it is (every
/// body the student's, stubs included), as few lines as tell it: a line per suite, then each
/// failing test with its most telling issue (every issue with `every`); with `verbose`, a line
/// per test as well.
func chapterTests(
  _ tests: [TestRecord], problem: String?, chapter: String, every: Bool, verbose: Bool,
  diagnoses: [String] = []
) -> String {
  var text = ""
  if let problem { text += "! \(problem)\n\n" }
  var suites: [(name: String, tests: [TestRecord])] = []
  for test in tests where test.verdict != .notRun && test.verdict != .skipped {
    let name = suite(of: test.id)
    if let index = suites.firstIndex(where: { $0.name == name }) {
      suites[index].tests.append(test)
    } else {
      suites.append((name, [test]))
    }
  }
  for (name, members) in suites {
    let passed = members.filter { $0.verdict == .passed }.count
    let arguments = ["suite": name, "passed": "\(passed)", "count": "\(members.count)"]
    text +=
      passed == members.count
      ? "✔ " + tr("test.suitePasses", arguments) + "\n"
      : "✘ " + tr("test.suiteFails", arguments) + "\n"
    if verbose {
      for test in members { text += "    \(test.verdict == .passed ? "✔" : "✘") \(test.name)\n" }
    }
  }
  // A test that names a mistake first, then the others in the order they were declared.
  let failing = tests.filter(\.failed).enumerated().sorted { a, b in
    let named = [a.element, b.element].map { test in
      test.issues.contains { names($0) || diagnoses.contains(where: $0.contains) }
    }
    return named[0] != named[1] ? named[0] : a.offset < b.offset
  }.map(\.element)
  // Tests that fail only on a stub say so in a line per unwritten exercise.
  var stubs: [(name: String, count: Int)] = []
  for test in failing {
    guard !every, let name = stubOnly(test) else {
      text += "\n" + failureBlock(test, every: every, diagnoses: diagnoses)
      continue
    }
    if let index = stubs.firstIndex(where: { $0.name == name }) {
      stubs[index].count += 1
    } else {
      stubs.append((name, 1))
    }
  }
  if !stubs.isEmpty { text += "\n" }
  for (name, count) in stubs {
    text += "· " + tr("test.stubTests", ["count": "\(count)", "name": name]) + "\n"
  }
  let ran = suites.map(\.tests.count).reduce(0, +)
  let passed = ran - failing.count
  text +=
    "\n"
    + (failing.isEmpty
      ? "✔ " + tr("test.chapterPasses", ["chapter": chapter, "count": "\(ran)"])
      : "✘ "
        + tr("test.chapterFails", ["chapter": chapter, "passed": "\(passed)", "count": "\(ran)"]))
    + "\n"
  if !failing.isEmpty && !every && failing.contains(where: { $0.issues.count > 1 }) {
    text += "  swift run companion test \(chapter) --all\n"
  }
  return text
}

/// Builds `chapter` and what it imports on the check build; a compile error ends the command
/// with every error of the chapter.
private func buildForTests(
  _ chapter: String, root: URL, tree: ExerciseTree, all: [String]
) throws(UsageError) {
  do {
    let needed = try tree.withDependencies([chapter])
    let toBuild = all.filter { needed.contains($0) }
    try TracedTree(root: root).update(chapters: toBuild)
    say(tr("check.building", ["command": "test", "folder": CheckBuild.scratch]))
    let build = CheckBuild(root: root).build(toBuild, dependencies: try tree.chapterDependencies())
    if let failure = build.failure {
      throw UsageError(tr("check.buildFailed", ["why": failure]))
    }
    if let errors = build.errors[chapter] {
      let lines = errors.prefix(20).map { "  \($0)\n" }.joined()
      let more =
        errors.count > 20
        ? "  " + tr("test.moreErrors", ["count": "\(errors.count - 20)"]) + "\n" : ""
      throw UsageError.finished(
        status: 1, output: tr("test.doesNotCompile", ["chapter": chapter]) + "\n\(lines)\(more)")
    }
    if let missing = build.blocked[chapter] {
      throw UsageError.finished(
        status: 1,
        output: tr("test.blocked", ["chapter": chapter, "missing": missing]) + "\n"
          + "  swift run companion test \(missing)\n")
    }
  } catch let error as UsageError {
    throw error
  } catch {
    throw UsageError("\(error)")
  }
}

/// The tests that run `exercise`, with the reference standing in for every other exercise, as
/// `check` judges it: failures first with their grids, then the passing ones in a line, then any
/// test that fails with the chapter's exercises together; status 1 unless every one passed.
func testsOf(
  _ exercise: Exercise, root: URL, timeout: Double, tree: ExerciseTree, all: [String],
  every: Bool = false
) throws(UsageError) -> String {
  say(tr("check.testing", ["command": "test", "chapter": exercise.chapter]))
  let verdicts: Judge.Verdicts
  let unwritten: Set<String>
  do {
    let student = try StudentExercises(tree: tree, chapters: all)
    var closure: [String: [String]] = [:]
    closure[exercise.chapter] = try tree.withDependencies([exercise.chapter]).sorted()
    unwritten = student.unwritten
    var judge = Judge(root: root, timeout: timeout, student: student, chapters: closure)
    // An unwritten exercise is run too, so that its failures show what is asked.
    judge.alsoRun = [exercise.name]
    verdicts = judge.judge(exercise.chapter)
  } catch {
    throw UsageError("\(error)")
  }
  let mine = verdicts.alone[exercise.name] ?? []
  var text = ""
  if unwritten.contains(exercise.name) {
    text +=
      tr(
        "test.notWritten",
        ["name": exercise.name, "place": "Exercises/\(exercise.file):\(exercise.line)"])
      + "\n\n"
  }
  if let problem = verdicts.problem { text += "! \(problem)\n\n" }
  let judged = mine.filter { $0.verdict != .skipped && $0.verdict != .notRun }
  // The most telling failures first: a named mistake, then the test that runs the fewest
  // exercises.
  let diagnoses = catalogDiagnoses(tree)
  var failed = judged.filter(\.failed)
  var ordered: [TestRecord] = []
  while let (test, _) = mostTelling(failed, reach: verdicts.reach, diagnoses: diagnoses) {
    ordered.append(test)
    failed.removeAll { $0.id == test.id }
  }
  for test in ordered { text += failureBlock(test, every: every, diagnoses: diagnoses) }
  let passed = judged.filter { $0.verdict == .passed }.count
  let arguments = ["passed": "\(passed)", "count": "\(judged.count)", "name": exercise.name]
  if !judged.isEmpty {
    text +=
      ordered.isEmpty
      ? "✔ " + tr("test.allPass", arguments) + "\n"
      : "✘ " + tr("test.somePass", arguments) + "\n"
  }
  if !every && ordered.contains(where: { $0.issues.count > 1 }) {
    text += "  swift run companion test \(exercise.name) --all\n"
  }
  let together = verdicts.together.filter { $0.failed && $0.reached.contains(exercise.name) }
  for test in together {
    let names = test.reached.subtracting(unwritten).sorted()
    text +=
      "\n✘ "
      + tr(
        "test.togetherFails",
        ["test": "\(test.name) (\(suite(of: test.id)))", "names": spokenList(names)])
      + "\n"
    text += failureBlock(test, every: every).split(separator: "\n").dropFirst().map { "\($0)\n" }
      .joined()
  }
  if judged.isEmpty { text += tr("test.noneRan", ["name": exercise.name]) + "\n" }
  guard ordered.isEmpty, passed > 0, together.isEmpty else {
    throw UsageError.finished(status: 1, output: text)
  }
  return text
}

/// The unwritten exercise a failing test stopped on, when each of its issues is a stub's
/// "`name` in FILE is not written yet".
private func stubOnly(_ test: TestRecord) -> String? {
  var found: String?
  for issue in test.issues {
    guard let end = issue.range(of: "` in Exercises/"), issue.contains(" is not written yet"),
      let start = issue[..<end.lowerBound].lastIndex(of: "`")
    else { return nil }
    found = found ?? String(issue[issue.index(after: start)..<end.lowerBound])
  }
  return found
}

/// A failing test: its name, then its most telling issue (a named mistake first) cut to 24 lines
/// and how many more it had, or with `every` each of its issues whole.
private func failureBlock(
  _ test: TestRecord, every: Bool = false, diagnoses: [String] = []
) -> String {
  var text = "✘ \(test.name) (\(suite(of: test.id)))\n"
  let issues = test.issues.isEmpty ? [test.firstFailure ?? tr("test.failed")] : test.issues
  if every {
    for issue in issues {
      text += localizedFailure(issue).split(separator: "\n", omittingEmptySubsequences: false)
        .map { "    \($0)\n" }.joined()
    }
    return text
  }
  let first = mostTelling([test], diagnoses: diagnoses)?.issue ?? issues[0]
  let lines = localizedFailure(first).split(separator: "\n", omittingEmptySubsequences: false)
  text += lines.prefix(24).map { "    \($0)\n" }.joined()
  if issues.count > 1 {
    let more = issues.count - 1
    text +=
      "    "
      + (more == 1
        ? tr("test.moreIssue", ["count": "\(more)"])
        : tr("test.moreIssues", ["count": "\(more)"]))
      + "\n"
  }
  return text
}
