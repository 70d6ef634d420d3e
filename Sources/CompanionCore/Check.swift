import ExerciseKit
import Foundation

/// `companion check`: builds the student's exercises in a scratch folder of their own
/// (`.build-exercises`, so that `swift test` and `check` never rebuild each other's track), runs
/// each chapter's tests in a process of its own (a trap in one chapter never hides the others),
/// and reports per chapter and per exercise.
struct Checker {
  let root: URL
  let tree: ExerciseTree
  static let scratch = ".build-exercises"

  init(root: URL) {
    self.root = root
    self.tree = ExerciseTree(root: root)
  }

  /// Builds the exercises track and runs the tests of `chapters`.
  func run(chapters: [String]) throws -> [ChapterReport] {
    let (exercises, unwritten) = try tree.studentExercises()
    let chapterOf = Dictionary(exercises.map { ($0.name, $0.chapter) }) { first, _ in first }
    say("companion check: building your exercises in \(Checker.scratch)/ ...")
    let build = runProgram(
      ["swift", "build", "--build-tests", "--scratch-path", Checker.scratch], in: root,
      environment: ["COMPANION_TRACK": "exercises"])
    let errors = build.status == 0 ? [] : compileErrors(in: build.output, root: root.path)
    if build.status != 0 && errors.isEmpty {
      throw UsageError(
        "the exercises track did not build:\n" + build.output.suffix(2000))
    }
    return try chapters.map { chapter in
      let mine = teachingOrder(of: exercises.filter { $0.chapter == chapter })
      let run: ChapterRun
      if build.status != 0 {
        run = notCompiling(chapter: chapter, errors: errors, exercises: mine)
      } else {
        say("companion check: testing \(chapter) ...")
        run = testRun(chapter: chapter, exercises: mine)
      }
      return chapterReport(
        chapter: chapter, exercises: mine, unwritten: unwritten, run: run,
        coverage: try Coverage.read(chapter: chapter, in: tree), chapterOf: chapterOf)
    }
  }

  private func notCompiling(
    chapter: String, errors: [SourceProblem], exercises: [Exercise]
  ) -> ChapterRun {
    if let error = errors.first(where: { $0.file.hasPrefix("Exercises/\(chapter)/") }) {
      return .doesNotCompile(
        message: "does not compile: \(error)", exercise: exercise(at: error, in: exercises))
    }
    let first = errors.first.map { " (\($0))" } ?? ""
    return .doesNotCompile(message: "the exercises track does not compile\(first)", exercise: nil)
  }

  private func testRun(chapter: String, exercises: [Exercise]) -> ChapterRun {
    let base = "\(Checker.scratch)/check-\(chapter)"
    let xunit = root.appendingPathComponent(base + "-swift-testing.xml")
    try? FileManager.default.removeItem(at: xunit)
    let test = runProgram(
      [
        "swift", "test", "--skip-build", "--scratch-path", Checker.scratch,
        "--filter", "^\(chapter)Tests\\.", "--xunit-output", base + ".xml",
      ], in: root, environment: ["COMPANION_TRACK": "exercises"])
    // A test process that traps may still leave an xunit file behind, with no tests in it:
    // only a run that printed its closing line and recorded its tests finished.
    if test.output.contains("Test run with"), let data = try? Data(contentsOf: xunit),
      let outcomes = try? readXUnit(data), !outcomes.isEmpty
    {
      return .finished(outcomes)
    }
    let trap = trapReport(in: test.output, root: root.path)
    return .stopped(
      message: "the tests stopped: \(trap.message)",
      exercise: trap.location.flatMap { exercise(at: $0, in: exercises) })
  }
}

/// A place in a source file of the package, and what is wrong there.
struct SourceProblem: Equatable, CustomStringConvertible {
  /// The path from the package root.
  let file: String
  let line: Int
  let message: String

  var description: String { "\(message) at \(file):\(line)" }
}

/// The compiler's errors in a build's output: `/path/File.swift:12:5: error: message`.
func compileErrors(in output: String, root: String) -> [SourceProblem] {
  output.split(separator: "\n").compactMap { line in
    let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
    guard parts.count == 5, parts[3].trimmingCharacters(in: .whitespaces) == "error",
      let number = Int(parts[1])
    else { return nil }
    return SourceProblem(
      file: relative(String(parts[0]), to: root), line: number,
      message: parts[4].trimmingCharacters(in: .whitespaces))
  }
}

/// What stopped a test process: the fatal error's message, and the first place in
/// `Exercises/` that its backtrace names.
func trapReport(in output: String, root: String) -> (message: String, location: SourceProblem?) {
  let lines = output.split(separator: "\n").map(String.init)
  let fatal =
    lines.first { $0.contains("Fatal error") || $0.contains("Precondition failed") }
    .map { $0.trimmingCharacters(in: .whitespaces) } ?? "the test process crashed"
  var location: SourceProblem?
  for line in lines {
    guard let at = line.range(of: " at /", options: .backwards),
      line.contains("/Exercises/")
    else { continue }
    let place = line[line.index(after: at.lowerBound)...].dropFirst(3)
    let parts = place.split(separator: ":")
    guard parts.count >= 2, let number = Int(parts[1]) else { continue }
    location = SourceProblem(
      file: relative(String(parts[0]), to: root), line: number, message: fatal)
    break
  }
  let message = location.map { "\(fatal) (\($0.file):\($0.line))" } ?? fatal
  return (message, location)
}

/// The exercise whose markers enclose a place, if any.
func exercise(at place: SourceProblem, in exercises: [Exercise]) -> String? {
  exercises.first { exercise in
    "Exercises/" + exercise.file == place.file && place.line >= exercise.line
      && place.line <= exercise.line + exercise.body.count + 1
  }?.name
}

private func relative(_ path: String, to root: String) -> String {
  let prefix = root.hasSuffix("/") ? root : root + "/"
  return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}
