import ExerciseKit
import Foundation
import Testing

@Suite("The teeth check")
struct TeethTests {
  static let xunit = """
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites>
      <testsuite name="TestResults" errors="0" tests="4" failures="2" skipped="0" time="0.1">
        <testcase classname="ConvolutionTests.XFilterTests" name="mapsInNinths(_:)" time="0.01">
          <failure message="`correlate2D` in Exercises/Convolution/Correlation.swift is not written yet" />
        </testcase>
        <testcase classname="ConvolutionTests.FlipTests" name="rotatesBothAxes()" time="0.01" />
        <testcase classname="LectureKitTests.MatrixTests" name="layout()" time="0.01" />
        <testcase classname="LectureKitTests.MatrixTests" name="arithmetic()" time="0.01">
          <failure message="broken" />
        </testcase>
        <testcase classname="PoolingTests.X" name="skipped()" time="0.0"><skipped /></testcase>
      </testsuite>
    </testsuites>
    """

  @Test("reads every testcase with its target and first failure")
  func read() throws {
    let outcomes = try readXUnit(Data(Self.xunit.utf8))
    #expect(
      outcomes.map(\.target) == [
        "ConvolutionTests", "ConvolutionTests", "LectureKitTests", "LectureKitTests",
        "PoolingTests",
      ])
    #expect(outcomes[0].failure?.contains("is not written yet") == true)
    #expect(outcomes[1].failure == nil)
    #expect(outcomes[0].className == "ConvolutionTests.XFilterTests")
    #expect(outcomes[0].function == "mapsInNinths(_:)")
    #expect(outcomes[4].skipped)
  }

  @Test("a passing chapter test, a failing test of given code and a skipped test are problems")
  func problems() throws {
    let problems = teethProblems(
      try readXUnit(Data(Self.xunit.utf8)), chapters: ["Convolution", "Pooling", "Dropout"])
    #expect(problems.count == 4)
    #expect(problems.contains { $0.contains("FlipTests.rotatesBothAxes() passes on the stubs") })
    #expect(problems.contains { $0.contains("MatrixTests.arithmetic() tests given code") })
    #expect(problems.contains { $0.contains("was skipped") })
    #expect(problems.contains { $0 == "DropoutTests ran no test" })
  }

  @Test("a clean run has no problems; an empty one does")
  func clean() {
    let good = [
      TestOutcome(
        className: "ConvolutionTests.S", function: "a()", failures: ["x"], skipped: false),
      TestOutcome(className: "LectureKitTests.S", function: "b()", failures: [], skipped: false),
      // The end-to-end suites are skipped in such a run and run in a step of their own.
      TestOutcome(
        className: "CompanionTests.CheckEndToEndTests", function: "c()", failures: [],
        skipped: true),
    ]
    #expect(teethProblems(good, chapters: ["Convolution"]).isEmpty)
    let skipped = TestOutcome(
      className: "CompanionTests.Other", function: "d()", failures: [], skipped: true)
    #expect(teethProblems(good + [skipped], chapters: ["Convolution"]).count == 1)
    #expect(!teethProblems([], chapters: []).isEmpty)
  }
}
