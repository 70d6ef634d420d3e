import ExerciseKit
import Foundation

let testCommand = Command(
  name: "test", summary: "runs a chapter's tests, or one exercise's, on your exercises",
  help: """
    usage: companion test CHAPTER [--timeout SECONDS]
           companion test EXERCISE [--timeout SECONDS]

    With a chapter: runs its tests on your exercises (Exercises/) and prints them as
    `swift test` does, every failure with what was expected and what was computed.

    With an exercise: runs the tests of its chapter and prints only those that ran that
    exercise: each failure with its expected | computed grid, the passing ones in one line, and
    those that also run exercises not written yet.

    Both share their build with `companion check` (.build-exercises/), so alternating them
    rebuilds only what you changed; `swift test` itself tests the reference in .build/.

    --timeout SECONDS  stop the tests after this long (default 60): an endless loop

    """
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--timeout"])
  let timeout = try parsed.seconds("--timeout", default: 60)
  guard parsed.positional.count == 1 else {
    throw UsageError("test takes one chapter or one exercise")
  }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  noteTrackVariable()
  let tree = ExerciseTree(root: root)
  let all = try chapterNames(in: tree)
  let exercises = (try? tree.exercises()) ?? []
  let name = try resolve(
    parsed.positional[0], among: all + exercises.map(\.name), kind: "chapter or exercise",
    listing: "the chapters are \(listed(all))")
  let exercise = exercises.first { $0.name == name }
  let chapter = exercise?.chapter ?? name
  try buildForTests(chapter, root: root, tree: tree, all: all)
  let runner = ChapterTestRun(root: root, timeout: timeout)
  if let exercise { return try testsOf(exercise, runner: runner, tree: tree) }
  switch runner.passThrough(chapter) {
  case .exited(0): return ""
  case .timedOut:
    throw UsageError.finished(
      status: 1, output: "\ncompanion test: stopped: \(runner.timeLimitMessage)\n")
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
    say("companion test: building your exercises in \(CheckBuild.scratch)/ ...")
    let build = CheckBuild(root: root).build(toBuild, dependencies: try tree.chapterDependencies())
    if let failure = build.failure {
      throw UsageError("the exercises could not be built: \(failure)")
    }
    if let errors = build.errors[chapter] {
      let lines = errors.prefix(20).map { "  \($0)\n" }.joined()
      let more = errors.count > 20 ? "  ... and \(errors.count - 20) more\n" : ""
      throw UsageError.finished(status: 1, output: "\(chapter) does not compile:\n\(lines)\(more)")
    }
    if let missing = build.blocked[chapter] {
      throw UsageError.finished(
        status: 1,
        output: "\(chapter) builds on \(missing), which does not compile:\n"
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
  say("companion test: testing \(exercise.chapter) ...")
  let run = runner.run(exercise.chapter)
  let unwritten = (try? StudentExercises(tree: tree, chapters: [exercise.chapter]))?.unwritten ?? []
  let mine = run.tests.filter { $0.reached.contains(exercise.name) }
  let waiting = mine.filter {
    !$0.reached.intersection(unwritten).subtracting([exercise.name]).isEmpty
  }
  let judged = mine.filter { test in !waiting.contains { $0.id == test.id } }
  var text = ""
  if unwritten.contains(exercise.name) {
    text += "\(exercise.name) is not written yet: Exercises/\(exercise.file):\(exercise.line)\n\n"
  }
  if let problem = run.problem { text += "! \(problem)\n\n" }
  let failed = judged.filter(\.failed)
  for test in failed {
    text += "✘ \(test.name) (\(suite(of: test.id)))\n"
    let lines = (test.firstFailure ?? "failed").split(
      separator: "\n", omittingEmptySubsequences: false)
    text += lines.prefix(24).map { "    \($0)\n" }.joined()
    if test.issues.count > 1 {
      text += "    ... and \(counted(test.issues.count - 1, "more issue", "more issues"))\n"
    }
  }
  let passed = judged.filter { $0.verdict == .passed }.count
  if passed > 0 {
    text +=
      "✔ \(counted(passed, "test", "tests")) that \(passed == 1 ? "runs" : "run") \(exercise.name) "
    text += "\(passed == 1 ? "passes" : "pass")\n"
  }
  if !waiting.isEmpty {
    let names = waiting.reduce(into: Set<String>()) {
      $0.formUnion($1.reached.intersection(unwritten))
    }
    .subtracting([exercise.name]).sorted()
    text +=
      "… \(counted(waiting.count, "test", "tests")) also \(waiting.count == 1 ? "runs" : "run") "
    text += "\(listed(names)), not written yet\n"
  }
  if mine.isEmpty { text += "No test ran \(exercise.name).\n" }
  guard failed.isEmpty, passed > 0, waiting.isEmpty else {
    throw UsageError.finished(status: 1, output: text)
  }
  return text
}
