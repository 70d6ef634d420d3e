import ExerciseKit
import Foundation

let checkCommand = Command(
  name: "check", summary: tr("check.summary"), help: tr("check.help")
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(
    arguments, valued: ["--format", "--timeout"], flags: ["--grade"])
  let grading = parsed.flags.contains("--grade")
  let format = parsed.values["--format"] ?? "text"
  guard format == "text" || format == "json" else {
    throw UsageError(tr("check.formatValue", ["value": format]))
  }
  let timeout = try parsed.seconds("--timeout", default: 60)
  guard parsed.positional.count <= 1 else { throw UsageError(tr("check.oneChapter")) }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  noteTrackVariable()
  let tree = ExerciseTree(root: root)
  let all = try chapterNames(in: tree)
  var chapters = all
  if let name = parsed.positional.first { chapters = [try chapter(named: name, among: all)] }
  // The JSON is read by Gradescope and by instructors: it is in English whatever the language.
  guard format == "text" else {
    return try Language.$current.withValue(.en) {
      Result { () throws(UsageError) -> String in
        try checkReport(
          chapters, all: all, tree: tree, root: root, timeout: timeout, json: true,
          grading: grading)
      }
    }.get()
  }
  return try checkReport(
    chapters, all: all, tree: tree, root: root, timeout: timeout, json: false, grading: grading)
}

/// Checks `chapters` of the package at `root` and reports: as text, with status 1 unless every
/// exercise checked is done, or as Gradescope's JSON.
private func checkReport(
  _ chapters: [String], all: [String], tree: ExerciseTree, root: URL, timeout: Double, json: Bool,
  grading: Bool
) throws(UsageError) -> String {
  let start = Date()
  let reports: [ChapterReport]
  do {
    var checker = Checker(root: root, timeout: timeout)
    checker.grading = grading
    reports = try checker.run(chapters: chapters)
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
  if json {
    return checkJSON(reports, text: text, seconds: seconds, catalog: catalogMistakes(tree))
  }
  let done = reports.allSatisfy(\.isDone)
  if !done { throw UsageError.finished(status: 1, output: text) }
  return text
}

/// The chapters in teaching order.
func chapterNames(in tree: ExerciseTree) throws(UsageError) -> [String] {
  do { return Curriculum.read(from: tree).teachingOrder(of: try tree.chapters()) } catch {
    throw UsageError(tr("check.cannotReadSolutions", ["error": "\(error)"]))
  }
}

/// The chapter a student named.
func chapter(named name: String, among all: [String]) throws(UsageError) -> String {
  try resolve(
    name, among: all, kind: "chapter", listing: tr("check.chapters", ["names": spokenList(all)]))
}

extension ParsedArguments {
  /// A positive number of seconds, or `default` when the option is absent.
  func seconds(_ option: String, default value: Double) throws(UsageError) -> Double {
    guard let text = values[option] else { return value }
    guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
      throw UsageError(tr("check.secondsValue", ["option": option, "value": text]))
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
  say(tr("check.trackNote"))
}
