import ExerciseKit
import Foundation

let checkCommand = Command(
  name: "check", summary: "where you stand: tests your exercises, chapter by chapter",
  help: """
    usage: companion check [CHAPTER] [--format text|json] [--timeout SECONDS]

    Builds your exercises (Exercises/) in .build-exercises/, a folder of their own, runs each
    chapter's tests, and prints per exercise: done, passing so far (its other tests wait for
    exercises not written yet), failing with the test and its first failure, or not written
    yet; then what to do next. A chapter that does not compile is reported under its name and
    the others are still checked. The first run builds everything (about a minute); after an
    edit, a chapter takes a few seconds.

    --timeout SECONDS  the time limit of each chapter's tests (default 60); tests still running
                       then fail with "did not finish" and the others are still reported
    --format json      the report in the shape of Gradescope's results.json

    Exit status: 0 when every exercise checked is done, 1 when any is not, 2 for a usage error
    (with --format json: 0 whenever the report was written).

    """
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--format", "--timeout"])
  let format = parsed.values["--format"] ?? "text"
  guard format == "text" || format == "json" else {
    throw UsageError("--format takes text or json, not '\(format)'")
  }
  let timeout = try parsed.seconds("--timeout", default: 60)
  guard parsed.positional.count <= 1 else { throw UsageError("check takes at most one chapter") }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  noteTrackVariable()
  let tree = ExerciseTree(root: root)
  let all = try chapterNames(in: tree)
  var chapters = all
  if let name = parsed.positional.first { chapters = [try chapter(named: name, among: all)] }
  let start = Date()
  let reports: [ChapterReport]
  do {
    reports = try Checker(root: root, timeout: timeout).run(chapters: chapters)
  } catch let error as UsageError {
    throw error
  } catch {
    throw UsageError("\(error)")
  }
  let seconds = Date().timeIntervalSince(start)
  let student = try? StudentExercises(tree: tree, chapters: all)
  let chapterOf = Dictionary(
    ((try? tree.exercises()) ?? []).map { ($0.name, $0.chapter) }
  ) { first, _ in first }
  let text = CheckText(
    chapters: reports, chapterOf: chapterOf,
    unfinishedChapters: all.filter { chapter in
      student?.exercises[chapter]?.contains { student!.unwritten.contains($0.name) } ?? false
    }, seconds: seconds
  ).text
  if format == "json" { return checkJSON(reports, text: text, seconds: seconds) }
  let done = reports.allSatisfy { $0.done == $0.exercises.count }
  if !done { throw UsageError.finished(status: 1, output: text) }
  return text
}

/// The chapters in teaching order.
func chapterNames(in tree: ExerciseTree) throws(UsageError) -> [String] {
  do { return Curriculum.read(from: tree).teachingOrder(of: try tree.chapters()) } catch {
    throw UsageError("cannot read Solutions/: \(error)")
  }
}

/// The chapter a student named.
func chapter(named name: String, among all: [String]) throws(UsageError) -> String {
  try resolve(name, among: all, kind: "chapter", listing: "the chapters are \(listed(all))")
}

extension ParsedArguments {
  /// A positive number of seconds, or `default` when the option is absent.
  func seconds(_ option: String, default value: Double) throws(UsageError) -> Double {
    guard let text = values[option] else { return value }
    guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
      throw UsageError("\(option) takes a positive number of seconds, not '\(text)'")
    }
    return seconds
  }
}

extension UsageError {
  /// Not a mistake: a command that ran and reports with another exit status than 0, printing
  /// no error line.
  static func finished(status: Int32, output: String) -> UsageError {
    var error = UsageError("")
    error.status = status
    error.output = output
    return error
  }
}

/// `check` and `test` build the exercises on their own: a COMPANION_TRACK set in the shell only
/// makes `swift run` build the tool itself from the student's code, and stop when that does not
/// compile. Said once, on standard error.
func noteTrackVariable() {
  guard ProcessInfo.processInfo.environment["COMPANION_TRACK"] != nil else { return }
  say(
    "companion: note: COMPANION_TRACK is set in this shell; check and test do not need it, and "
      + "`swift run` then builds the tool from your exercises: `unset COMPANION_TRACK`")
}
