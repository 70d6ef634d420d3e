import ExerciseKit
import Foundation

/// The version of the JSON that `check --format json` writes, in its `extra_data.format`: a
/// reader refuses results of another.
let checkJSONFormat = "deep-learning-companion-results/1"

/// The report of `companion check` in the shape of Gradescope's `results.json`: one entry per
/// exercise under `tests` (a point when it is done; `passed` or `failed`; the first failure as
/// `output`; under `extra_data` its `Chapter/name`, its status and the ids of the catalog's
/// mistakes its failure names, see ``exerciseExtra(_:in:catalog:)``), the total `score` and the
/// `execution_time`, and under `extra_data` the format's version, the chapters with their scores
/// and the tests that fail only with their exercises together.
///
/// - Parameter catalog: the catalog of mistakes (``catalogMistakes(_:)``): an entry whose
///   diagnosis the failure shown for an exercise holds is listed with that exercise.
/// Gradescope's `results.json` as this package writes it: `check --format json`, the
/// autograder, and the made-up classes of `grade --simulate`.
struct ResultsDocument: Encodable {
  struct Test: Encodable {
    let name: String
    let score: Int
    let maxScore: Int
    let status: String
    let output: String
    var visibility = "visible"
    let extraData: ExerciseExtra
  }
  struct Chapter: Encodable {
    let name: String
    let score: Int
    let maxScore: Int
    var testsPassed = 0
    var testsRun = 0
    let problem: String?
    var together: [Together] = []
  }
  struct Together: Encodable {
    let test: String
    let exercises: [String]
    let message: String
  }
  struct Extra: Encodable {
    var format = checkJSONFormat
    let maxScore: Int
    let chapters: [Chapter]
  }
  let score: Int
  let executionTime: Int
  let output: String
  let tests: [Test]
  let extraData: Extra

  /// The JSON text, keys sorted, in snake case.
  var text: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

func checkJSON(
  _ chapters: [ChapterReport], text: String, seconds: Double, catalog: [Mistake] = []
) -> String {
  typealias Test = ResultsDocument.Test
  typealias Chapter = ResultsDocument.Chapter
  typealias Together = ResultsDocument.Together
  typealias Extra = ResultsDocument.Extra
  let tests = chapters.flatMap { chapter in
    chapter.exercises.map { exercise in
      let earned = earnsPoint(exercise, in: chapter)
      return Test(
        name: "\(chapter.chapter): \(exercise.name)", score: earned ? 1 : 0,
        maxScore: 1, status: earned ? "passed" : "failed",
        output: output(of: exercise, chapter: chapter),
        extraData: exerciseExtra(exercise, in: chapter, catalog: catalog))
    }
  }
  let results = ResultsDocument(
    score: tests.map(\.score).reduce(0, +), executionTime: Int(seconds.rounded(.up)),
    output: text, tests: tests,
    extraData: Extra(
      maxScore: tests.count,
      chapters: chapters.map {
        Chapter(
          name: $0.chapter, score: points(in: $0), maxScore: $0.exercises.count,
          testsPassed: $0.testsPassed, testsRun: $0.testsRun, problem: $0.problem,
          together: $0.together.map {
            Together(test: $0.test, exercises: $0.alsoReached, message: $0.message)
          })
      }))
  return results.text
}

/// What the JSON says of one exercise for programs that read it (the `grade` command): its
/// `Chapter/name`, its status, and the ids (`Chapter/slug`) of the catalog's mistakes that the
/// failure shown for it names.
struct ExerciseExtra: Encodable, Equatable {
  let exercise: String
  /// `done` when it earns its point, `failing` when it is written and a test that runs it
  /// fails (alone or with the chapter's other exercises), `unwritten` when its body is the stub,
  /// `broken` when it was not checked: its chapter does not compile, or no test reached it.
  let status: String
  let mistakes: [String]
}

/// The JSON's `extra_data` of one exercise of `chapter`. Its mistakes are the catalog entries
/// whose diagnosis the failure shown for it holds: those of the exercise itself when one of
/// them matches, else those of its chapter; in the catalog's order.
func exerciseExtra(
  _ exercise: ExerciseReport, in chapter: ChapterReport, catalog: [Mistake]
) -> ExerciseExtra {
  let together = chapter.together.first { $0.alsoReached.contains(exercise.name) }
  let status: String
  var shown: String?
  switch exercise.status {
  case .done:
    // Done alone; failing when a test of it with the chapter's others together fails.
    status = earnsPoint(exercise, in: chapter) ? "done" : "failing"
    shown = together?.message
  case .failing(let failure):
    status = "failing"
    shown = failure.message
  case .notWritten:
    status = "unwritten"
  case .broken, .unreached:
    status = "broken"
  }
  var mistakes: [String] = []
  if let shown {
    let named = catalog.filter {
      $0.chapter == chapter.chapter && !$0.diagnosis.isEmpty && shown.contains($0.diagnosis)
    }
    let own = named.filter { $0.exercise == exercise.name }
    mistakes = (own.isEmpty ? named : own).map(\.id)
  }
  return ExerciseExtra(
    exercise: "\(chapter.chapter)/\(exercise.name)", status: status, mistakes: mistakes)
}

/// The catalog of mistakes, every chapter's entries in one list; none when it cannot be read
/// (`companion verify` says why).
func catalogMistakes(_ tree: ExerciseTree) -> [Mistake] {
  ((try? tree.mistakes()) ?? []).flatMap(\.mistakes)
}

/// Whether an exercise earns its point: done on its own, and no test that ran it with the
/// chapter's other exercises together failed.
func earnsPoint(_ exercise: ExerciseReport, in chapter: ChapterReport) -> Bool {
  exercise.status.isDone && !chapter.together.contains { $0.alsoReached.contains(exercise.name) }
}

/// The points a chapter's exercises earn.
func points(in chapter: ChapterReport) -> Int {
  chapter.exercises.filter { earnsPoint($0, in: chapter) }.count
}

/// What Gradescope shows under one exercise.
private func output(of exercise: ExerciseReport, chapter: ChapterReport) -> String {
  let place = "\(exercise.file):\(exercise.line)"
  if exercise.status.isDone,
    let failure = chapter.together.first(where: { $0.alsoReached.contains(exercise.name) })
  {
    let others = listed(failure.alsoReached.filter { $0 != exercise.name })
    return "passes its own tests, but test \"\(failure.test)\" (\(suite(of: failure.testID))) "
      + "fails with \(others) together:\n\(failure.message)"
  }
  switch exercise.status {
  case .failing(let failure):
    return "failing: test \"\(failure.test)\" (\(suite(of: failure.testID)))\n\(failure.message)"
  case .broken(let why):
    // Gradescope shows each exercise alone: the chapter's problem, not "see above".
    return "\(chapter.problem ?? why) (\(place))"
  default:
    return "\(phrase(exercise.status)) (\(place))"
  }
}
