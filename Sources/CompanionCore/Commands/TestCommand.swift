import ExerciseKit
import Foundation

let testCommand = Command(
  name: "test", summary: tr("test.summary"), help: tr("test.help")
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--timeout"])
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
  let runner = ChapterTestRun(root: root, timeout: timeout)
  if let exercise {
    return try testsOf(exercise, root: root, timeout: timeout, tree: tree, all: all)
  }
  switch runner.passThrough(chapter) {
  case .exited(0): return ""
  case .timedOut:
    throw UsageError.finished(
      status: 1, output: "\n" + tr("test.stopped", ["why": runner.timeLimitMessage]) + "\n")
  default: throw UsageError.finished(status: 1, output: "")
  }
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
  _ exercise: Exercise, root: URL, timeout: Double, tree: ExerciseTree, all: [String]
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
  let failed = judged.filter(\.failed)
  for test in failed { text += failureBlock(test) }
  let passed = judged.filter { $0.verdict == .passed }.count
  if passed > 0 {
    let arguments = ["count": "\(passed)", "name": exercise.name]
    text +=
      "✔ "
      + (passed == 1 ? tr("test.passedOne", arguments) : tr("test.passedMany", arguments)) + "\n"
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
    text += failureBlock(test).split(separator: "\n").dropFirst().map { "\($0)\n" }.joined()
  }
  if judged.isEmpty { text += tr("test.noneRan", ["name": exercise.name]) + "\n" }
  guard failed.isEmpty, passed > 0, together.isEmpty else {
    throw UsageError.finished(status: 1, output: text)
  }
  return text
}

/// A failing test: its name, its first failure (cut to 24 lines) and how many more issues it had.
private func failureBlock(_ test: TestRecord) -> String {
  var text = "✘ \(test.name) (\(suite(of: test.id)))\n"
  let lines = localizedFailure(test.firstFailure ?? tr("test.failed")).split(
    separator: "\n", omittingEmptySubsequences: false)
  text += lines.prefix(24).map { "    \($0)\n" }.joined()
  if test.issues.count > 1 {
    let more = test.issues.count - 1
    text +=
      "    "
      + (more == 1
        ? tr("test.moreIssue", ["count": "\(more)"])
        : tr("test.moreIssues", ["count": "\(more)"]))
      + "\n"
  }
  return text
}
