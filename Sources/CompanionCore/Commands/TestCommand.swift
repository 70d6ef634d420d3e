import ExerciseKit
import Foundation

let testCommand = Command(
  name: "test", summary: "runs one chapter's tests on your exercises, as swift test shows them",
  help: """
    usage: companion test CHAPTER [--timeout SECONDS]

    Runs the tests of CHAPTER on your exercises (Exercises/) and prints them as `swift test`
    does, every failure with what was expected and what was computed. It shares its build with
    `companion check` (.build-exercises/), so alternating the two rebuilds only what you
    changed; `swift test` itself tests the reference implementation in .build/.

    --timeout SECONDS  stop the tests after this long (default 60): an endless loop

    """
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--timeout"])
  let timeout = try parsed.seconds("--timeout", default: 60)
  guard parsed.positional.count == 1 else { throw UsageError("test takes one chapter") }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  noteTrackVariable()
  let tree = ExerciseTree(root: root)
  let all = try chapterNames(in: tree)
  let chapter = try chapter(named: parsed.positional[0], among: all)
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
  let runner = ChapterTestRun(root: root, timeout: timeout)
  switch runner.passThrough(chapter) {
  case .exited(0): return ""
  case .timedOut:
    throw UsageError.finished(
      status: 1, output: "\ncompanion test: stopped: \(runner.timeLimitMessage)\n")
  default: throw UsageError.finished(status: 1, output: "")
  }
}
