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
  if let exercise { return try testsOf(exercise, runner: runner, tree: tree) }
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

/// The tests that ran `exercise`, failures first with their grids; status 1 unless every one
/// of them passed.
func testsOf(
  _ exercise: Exercise, runner: ChapterTestRun, tree: ExerciseTree
) throws(UsageError) -> String {
  say(tr("check.testing", ["command": "test", "chapter": exercise.chapter]))
  let run = runner.run(exercise.chapter)
  let unwritten = (try? StudentExercises(tree: tree, chapters: [exercise.chapter]))?.unwritten ?? []
  let mine = run.tests.filter { $0.reached.contains(exercise.name) }
  let waiting = mine.filter {
    !$0.reached.intersection(unwritten).subtracting([exercise.name]).isEmpty
  }
  let judged = mine.filter { test in !waiting.contains { $0.id == test.id } }
  var text = ""
  if unwritten.contains(exercise.name) {
    text +=
      tr(
        "test.notWritten",
        ["name": exercise.name, "place": "Exercises/\(exercise.file):\(exercise.line)"])
      + "\n\n"
  }
  if let problem = run.problem { text += "! \(problem)\n\n" }
  let failed = judged.filter(\.failed)
  for test in failed {
    text += "✘ \(test.name) (\(suite(of: test.id)))\n"
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
  }
  let passed = judged.filter { $0.verdict == .passed }.count
  if passed > 0 {
    let arguments = ["count": "\(passed)", "name": exercise.name]
    text +=
      "✔ "
      + (passed == 1 ? tr("test.passedOne", arguments) : tr("test.passedMany", arguments)) + "\n"
  }
  if !waiting.isEmpty {
    let names = waiting.reduce(into: Set<String>()) {
      $0.formUnion($1.reached.intersection(unwritten))
    }
    .subtracting([exercise.name]).sorted()
    let arguments = ["count": "\(waiting.count)", "names": spokenList(names)]
    text +=
      "… "
      + (waiting.count == 1 ? tr("test.waitingOne", arguments) : tr("test.waitingMany", arguments))
      + "\n"
  }
  if mine.isEmpty { text += tr("test.noneRan", ["name": exercise.name]) + "\n" }
  guard failed.isEmpty, passed > 0, waiting.isEmpty else {
    throw UsageError.finished(status: 1, output: text)
  }
  return text
}
