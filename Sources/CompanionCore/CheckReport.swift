import ExerciseKit
import Foundation

/// The progress report of `companion check`, as text for a student.
func renderText(_ chapters: [ChapterReport]) -> String {
  var text = "Your exercises (Exercises/, COMPANION_TRACK=exercises):\n"
  for chapter in chapters {
    text += "\n\(chapter.chapter): \(chapter.score) of \(chapter.exercises.count) exercises done"
    text +=
      chapter.problem == nil ? ", \(chapter.testsPassed) of \(chapter.testsRun) tests pass\n" : "\n"
    if let problem = chapter.problem { text += "  ! \(problem)\n" }
    if !chapter.waitsFor.isEmpty { text += "  … \(waitingLine(chapter.waitsFor))\n" }
    let width = chapter.exercises.map(\.name.count).max() ?? 0
    for exercise in chapter.exercises {
      let name = exercise.name + String(repeating: " ", count: width - exercise.name.count)
      text += "  \(symbol(exercise.status)) \(name)  \(phrase(exercise.status))\n"
      if exercise.status != .done {
        text +=
          "    " + String(repeating: " ", count: width) + "\(exercise.file):\(exercise.line)\n"
      }
    }
  }
  let total = chapters.flatMap(\.exercises)
  text += "\n\(total.filter { $0.status == .done }.count) of \(total.count) exercises done.\n"
  if let next = nextExercise(chapters) {
    text += """
      Next: \(next.exercise.name) in \(next.exercise.file):\(next.exercise.line)
        swift run companion hint \(next.exercise.name)
        COMPANION_TRACK=exercises swift test --filter '^\(next.chapter)Tests\\.'

      """
  } else if let wait = chapters.flatMap(\.waitsFor).first {
    text += """
      Next: the \(wait.chapter) chapter, which these exercises wait for
        swift run companion check \(wait.chapter)

      """
  } else if !total.isEmpty {
    text += "Every exercise is done. Read Solutions/ and compare.\n"
  }
  return text
}

/// "waits for Convolution (correlate2D, zeroPad) and Pooling (maxPool2D): its tests run their
/// exercises too".
func waitingLine(_ waits: [ChapterWait]) -> String {
  let parts = waits.map { "\($0.chapter) (\($0.exercises.joined(separator: ", ")))" }
  let list =
    parts.count <= 1
    ? parts.joined() : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
  return "waits for \(list): its tests run their exercises too, which are not written yet"
}

/// The exercise to do next: the first, in teaching order, that broke its chapter's tests;
/// otherwise the first that is neither done nor waiting.
func nextExercise(_ chapters: [ChapterReport]) -> (chapter: String, exercise: ExerciseReport)? {
  let all = chapters.flatMap { chapter in chapter.exercises.map { (chapter.chapter, $0) } }
  if let culprit = all.first(where: { entry in
    if case .broken(let message) = entry.1.status { return !message.hasPrefix("not checked") }
    return false
  }) {
    return culprit
  }
  return all.first { entry in
    switch entry.1.status {
    case .done, .waiting: false
    default: true
    }
  }
}

private func symbol(_ status: ExerciseStatus) -> String {
  switch status {
  case .done: "✔"
  case .notWritten: "·"
  case .waiting: "…"
  case .failing, .broken: "✘"
  }
}

private func phrase(_ status: ExerciseStatus) -> String {
  switch status {
  case .done: "done"
  case .notWritten: "not written yet"
  case .failing(let message): "failing: \(message)"
  case .waiting(let others): "written; its tests also need \(others.joined(separator: ", "))"
  case .broken(let message): message
  }
}

/// The report as JSON, in the shape of Gradescope's `results.json` (a score, and one entry per
/// exercise under `tests`), with the chapters and their scores under `extraData`.
func renderJSON(_ chapters: [ChapterReport]) -> String {
  struct Test: Encodable {
    let name: String
    let score: Int
    let maxScore: Int
    let status: String
    let output: String
  }
  struct Chapter: Encodable {
    let name: String
    let score: Int
    let maxScore: Int
    let testsPassed: Int
    let testsRun: Int
    let problem: String?
    let waitsFor: [String: [String]]
  }
  struct Extra: Encodable {
    let chapters: [Chapter]
    let next: String?
  }
  struct Results: Encodable {
    let score: Int
    let maxScore: Int
    let tests: [Test]
    let extraData: Extra
  }
  let tests = chapters.flatMap { chapter in
    chapter.exercises.map { exercise in
      Test(
        name: "\(chapter.chapter): \(exercise.name)", score: exercise.status == .done ? 1 : 0,
        maxScore: 1, status: exercise.status.keyword,
        output: "\(phrase(exercise.status)) (\(exercise.file):\(exercise.line))")
    }
  }
  let results = Results(
    score: tests.map(\.score).reduce(0, +), maxScore: tests.count, tests: tests,
    extraData: Extra(
      chapters: chapters.map {
        Chapter(
          name: $0.chapter, score: $0.score, maxScore: $0.exercises.count,
          testsPassed: $0.testsPassed, testsRun: $0.testsRun, problem: $0.problem,
          waitsFor: Dictionary(uniqueKeysWithValues: $0.waitsFor.map { ($0.chapter, $0.exercises) })
        )
      }, next: nextExercise(chapters)?.exercise.name))
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  encoder.keyEncodingStrategy = .convertToSnakeCase
  let data = (try? encoder.encode(results)) ?? Data("{}".utf8)
  return String(decoding: data, as: UTF8.self) + "\n"
}

let checkCommand = Command(
  name: "check", summary: "where you stand: tests your exercises, chapter by chapter",
  help: """
    usage: companion check [CHAPTER] [--format text|json]

    Builds your exercises (Exercises/) in .build-exercises/, a folder of their own, runs each
    chapter's tests, and prints per chapter and per exercise: done, not written yet, or failing
    with the first failing check; then which exercise to do next. You do not need to set
    COMPANION_TRACK. The first run builds everything (about a minute); later runs are quick.

    --format json  the same report as JSON, in the shape of Gradescope's results.json (one
                   entry per exercise under "tests", the chapters' scores under "extra_data")

    """
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--format"])
  let format = parsed.values["--format"] ?? "text"
  guard format == "text" || format == "json" else {
    throw UsageError("--format takes text or json, not '\(format)'")
  }
  guard parsed.positional.count <= 1 else { throw UsageError("check takes at most one chapter") }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  let tree = ExerciseTree(root: root)
  let all: [String]
  do { all = teachingOrder(of: try tree.chapters()) } catch {
    throw UsageError("cannot read Solutions/: \(error)")
  }
  var chapters = all
  if let wanted = parsed.positional.first {
    guard all.contains(wanted) else {
      throw UsageError(
        "no chapter named '\(wanted)': the chapters are \(all.joined(separator: ", "))")
    }
    chapters = [wanted]
  }
  let reports: [ChapterReport]
  do { reports = try Checker(root: root).run(chapters: chapters) } catch let error as UsageError {
    throw error
  } catch {
    throw UsageError("\(error)")
  }
  return format == "json" ? renderJSON(reports) : renderText(reports)
}
