import Foundation
import Testing

@testable import CompanionCore
@testable import ExerciseKit

@Suite("companion check, hint and verify")
struct CheckTests {
  @Test("compiler errors are read with their file and line")
  func compileErrorLines() {
    let output = """
      [3/9] Compiling Convolution Rectify.swift
      /home/s/p/Exercises/Convolution/Rectify.swift:11:33: error: expected ',' separator
      /home/s/p/Exercises/Convolution/Rectify.swift:12:1: warning: unused
      """
    #expect(
      compileErrors(in: output, root: "/home/s/p") == [
        SourceProblem(
          file: "Exercises/Convolution/Rectify.swift", line: 11, message: "expected ',' separator")
      ])
  }

  @Test("a trap is read from the backtrace, and placed in an exercise")
  func trap() {
    let output = """
      ◇ Test "E1.5 ReLU" started.
      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
      Thread 3 crashed:
        0 0x00007f _assertionFailure(_:_:file:line:flags:) + 225 in libswiftCore.so
        1 [ra] 0x000055 relu(_:) + 586 in Tests.xctest at /home/s/p/Exercises/Convolution/Rectify.swift:11:3
      """
    let report = trapReport(in: output, root: "/home/s/p")
    #expect(report.location?.file == "Exercises/Convolution/Rectify.swift")
    #expect(report.location?.line == 11)
    #expect(
      report.message.hasPrefix(
        "Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range"))
    let exercises = [
      Exercise(name: "relu", file: "Convolution/Rectify.swift", line: 10, body: ["a"], stub: [])
    ]
    #expect(exercise(at: report.location!, in: exercises) == "relu")
    #expect(
      exercise(
        at: SourceProblem(file: "Exercises/Convolution/Rectify.swift", line: 13, message: ""),
        in: exercises) == nil)
    #expect(trapReport(in: "Illegal instruction", root: "/").location == nil)
  }

  static let reports = [
    ChapterReport(
      chapter: "Convolution",
      exercises: [
        ExerciseReport(
          name: "rotate180", file: "Exercises/Convolution/Flip.swift", line: 12, status: .done),
        ExerciseReport(
          name: "correlate2D", file: "Exercises/Convolution/Correlation.swift", line: 24,
          status: .failing("entry (0, 0): expected 7.0, computed 3.0")),
        ExerciseReport(
          name: "relu", file: "Exercises/Convolution/Rectify.swift", line: 10, status: .notWritten),
      ], testsPassed: 5, testsRun: 17, problem: nil)
  ]

  @Test("the text report: progress, each exercise, and what to do next")
  func text() {
    let text = renderText(Self.reports)
    #expect(text.contains("Convolution: 1 of 3 exercises done, 5 of 17 tests pass"))
    #expect(text.contains("✘ correlate2D  failing: entry (0, 0): expected 7.0, computed 3.0"))
    #expect(text.contains("· relu         not written yet"))
    #expect(text.contains("Next: correlate2D in Exercises/Convolution/Correlation.swift:24"))
    #expect(text.contains("swift run companion hint correlate2D"))
  }

  @Test("the JSON report has Gradescope's shape and a score per chapter")
  func json() throws {
    let data = Data(renderJSON(Self.reports).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["score"] as? Int == 1)
    #expect(object["max_score"] as? Int == 3)
    let tests = try #require(object["tests"] as? [[String: Any]])
    #expect(tests.count == 3)
    #expect(tests[1]["name"] as? String == "Convolution: correlate2D")
    #expect(tests[1]["status"] as? String == "failing")
    let extra = try #require(object["extra_data"] as? [String: Any])
    let chapters = try #require(extra["chapters"] as? [[String: Any]])
    #expect(chapters[0]["score"] as? Int == 1)
    #expect(extra["next"] as? String == "correlate2D")
  }

  @Test("hint prints a pointer for every exercise of the curriculum")
  func hints() {
    for name in curriculum.flatMap({ $0.exercises.map(\.name) }) {
      let outcome = runCompanion(["hint", name])
      #expect(outcome.status == 0, "\(name)")
      #expect(outcome.output.hasPrefix("\(name):\n"))
    }
    let unknown = runCompanion(["hint", "nope"])
    #expect(unknown.status == 2)
    #expect(unknown.errors.hasPrefix("companion: error: no exercise named 'nope'"))
  }

  @Test(
    "check and verify reject bad arguments without building anything",
    arguments: [
      ["check", "--format", "xml"], ["check", "A", "B"], ["check", "--frobnicate"],
      ["verify", "x"], ["check", "NoSuchChapter"],
    ])
  func badArguments(_ arguments: [String]) {
    let outcome = runCompanion(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.errors.hasPrefix("companion: error: "))
  }
}
