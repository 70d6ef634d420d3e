import ExerciseKit
import Foundation
import Testing

@testable import CompanionCore

@Suite("companion reset: the stub back, the body kept aside, Solutions/ untouched")
struct ResetTests {
  @Test("it asks, keeps the body, writes only the exercise's lines in Exercises/")
  func reset() throws {
    let copy = try PackageCopy.make("reset")
    try copy.plant("correlate2D")
    let path = "Exercises/Convolution/Correlation.swift"
    let solutions = try Data(
      contentsOf: copy.root.appendingPathComponent("Solutions/Convolution/Correlation.swift"))
    let written = try String(contentsOf: copy.root.appendingPathComponent(path), encoding: .utf8)

    #expect(
      try resetExercise("correlate2D", in: copy.root, ask: true, input: .text("n\n"))
        == "Nothing changed.\n")
    #expect(
      try String(contentsOf: copy.root.appendingPathComponent(path), encoding: .utf8) == written)

    let said = try resetExercise("CORRELATE2D", in: copy.root, ask: true, input: .text("y\n"))
    #expect(said.hasPrefix("correlate2D is its stub again (\(path):"))
    let generated = try ExerciseTree(root: copy.root).generated()
    #expect(
      try String(contentsOf: copy.root.appendingPathComponent(path), encoding: .utf8)
        == generated["Convolution/Correlation.swift"])
    #expect(
      try Data(
        contentsOf: copy.root.appendingPathComponent("Solutions/Convolution/Correlation.swift"))
        == solutions)
    let kept = try FileManager.default.contentsOfDirectory(
      atPath: copy.root.appendingPathComponent(".build-exercises/reset").path)
    #expect(kept.count == 1 && kept[0].hasPrefix("correlate2D-"))

    #expect(
      try resetExercise("correlate2D", in: copy.root, ask: false, input: .text("")).contains(
        "its stub already"))
    #expect(throws: UsageError.self) {
      try resetExercise("corelate2D", in: copy.root, ask: false, input: .text(""))
    }
  }
}
