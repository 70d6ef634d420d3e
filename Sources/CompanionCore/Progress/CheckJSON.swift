import ExerciseKit
import Foundation

/// The report of `companion check` in the shape of Gradescope's `results.json`: one entry per
/// exercise under `tests` (a point when it is done; `passed` or `failed`; the first failure as
/// `output`), the total `score` and the `execution_time`, and the chapters with their scores
/// and the tests that fail only with their exercises together under `extra_data`.
func checkJSON(_ chapters: [ChapterReport], text: String, seconds: Double) -> String {
  struct Test: Encodable {
    let name: String
    let score: Int
    let maxScore: Int
    let status: String
    let output: String
    let visibility = "visible"
  }
  struct Chapter: Encodable {
    let name: String
    let score: Int
    let maxScore: Int
    let testsPassed: Int
    let testsRun: Int
    let problem: String?
    let together: [Together]
  }
  struct Together: Encodable {
    let test: String
    let exercises: [String]
    let message: String
  }
  struct Extra: Encodable {
    let maxScore: Int
    let chapters: [Chapter]
  }
  struct Results: Encodable {
    let score: Int
    let executionTime: Int
    let output: String
    let tests: [Test]
    let extraData: Extra
  }
  let tests = chapters.flatMap { chapter in
    chapter.exercises.map { exercise in
      let earned = earnsPoint(exercise, in: chapter)
      return Test(
        name: "\(chapter.chapter): \(exercise.name)", score: earned ? 1 : 0,
        maxScore: 1, status: earned ? "passed" : "failed",
        output: output(of: exercise, chapter: chapter))
    }
  }
  let results = Results(
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
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  encoder.keyEncodingStrategy = .convertToSnakeCase
  let data = (try? encoder.encode(results)) ?? Data("{}".utf8)
  return String(decoding: data, as: UTF8.self) + "\n"
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
