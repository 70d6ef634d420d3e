import Testing

@testable import ExerciseKit

@Suite("Progress: which exercise a failing test points at")
struct ProgressTests {
  static let testSource = """
    @Suite("S")
    struct FlipTests {
      @Test("flip alone")
      func flipAlone() {
        expectMatrix(rotate180(k), equals: r)
      }

      @Test("both", arguments: [1, 2])
      func both(_ n: Int) {
        expectMatrix(convolve(x, with: k), equals: correlate(x, with: rotate180(k)))
      }
    }
    """

  static let coverage = Coverage(
    functionOfExercise: [
      "rotate180": "rotate180", "convolve2D": "convolve", "correlate2D": "correlate",
    ],
    tests: Coverage.testFunctions(in: testSource, target: "ConvolutionTests"))

  static let exercises = ["rotate180", "convolve2D", "correlate2D"].enumerated().map {
    Exercise(name: $1, file: "Convolution/F.swift", line: 10 * $0 + 1, body: ["x"], stub: ["y"])
  }

  func outcome(_ function: String, _ failures: [String] = []) -> TestOutcome {
    TestOutcome(
      className: "ConvolutionTests.FlipTests", function: function, failures: failures,
      skipped: false)
  }

  @Test("test functions and the functions they call are read from the source")
  func readsTests() {
    let tests = Self.coverage.tests
    #expect(tests.map(\.function) == ["flipAlone", "both"])
    #expect(tests.map(\.className) == ["ConvolutionTests.FlipTests", "ConvolutionTests.FlipTests"])
    #expect(tests[1].calls.isSuperset(of: ["convolve", "correlate", "rotate180", "expectMatrix"]))
    #expect(
      Self.coverage.exercises(calledBy: "ConvolutionTests.FlipTests", name: "both(_:)")
        == ["convolve2D", "correlate2D", "rotate180"])
  }

  @Test("a shared failing test is not laid at an exercise whose own test passes")
  func blame() {
    let run = ChapterRun.finished([
      outcome("flipAlone()"), outcome("both(_:)", ["entry (0, 0): expected 1, computed 2"]),
    ])
    let report = chapterReport(
      chapter: "Convolution", exercises: Self.exercises, unwritten: [], run: run,
      coverage: Self.coverage)
    #expect(report.exercises.map(\.status.keyword) == ["done", "failing", "failing"])
    #expect(
      report.exercises[1].status == .failing("entry (0, 0): expected 1, computed 2 (both(_:))"))
    #expect(report.score == 1)
    #expect(report.testsPassed == 1 && report.testsRun == 2)
  }

  @Test("an unwritten exercise is not written; a written one whose test needs it waits")
  func waiting() {
    let run = ChapterRun.finished([
      outcome("flipAlone()", ["`rotate180` ... is not written yet"]), outcome("both(_:)", ["x"]),
    ])
    let report = chapterReport(
      chapter: "Convolution", exercises: Self.exercises, unwritten: ["rotate180"], run: run,
      coverage: Self.coverage)
    #expect(report.exercises[0].status == .notWritten)
    #expect(report.exercises[1].status == .waiting(for: ["rotate180"]))
    #expect(report.exercises[0].file == "Exercises/Convolution/F.swift")
  }

  @Test("a trap blames its exercise and leaves the others unchecked")
  func stopped() {
    let run = ChapterRun.stopped(message: "Fatal error: Index out of range", exercise: "convolve2D")
    let report = chapterReport(
      chapter: "Convolution", exercises: Self.exercises, unwritten: ["correlate2D"], run: run,
      coverage: Self.coverage)
    #expect(
      report.exercises[0].status
        == .broken("not checked: the chapter's tests stopped (see `convolve2D`)"))
    #expect(report.exercises[1].status == .broken("Fatal error: Index out of range"))
    #expect(report.exercises[2].status == .notWritten)
    #expect(report.problem == "Fatal error: Index out of range")
  }

  @Test("the curriculum orders exercises and every hint names the lecture")
  func curriculumOrder() {
    let shuffled = ["relu", "convolve2D", "rotate180", "correlate2D"].map {
      Exercise(name: $0, file: "Convolution/A.swift", line: 1, body: [], stub: [])
    }
    #expect(
      teachingOrder(of: shuffled).map(\.name) == ["rotate180", "correlate2D", "convolve2D", "relu"])
    #expect(teachingOrder(of: ["Zeta", "Convolution"]) == ["Convolution", "Zeta"])
    for chapter in curriculum {
      for exercise in chapter.exercises {
        #expect(
          exercise.hint.contains("Lecture") || exercise.hint.contains("lide"), "\(exercise.name)")
      }
    }
  }
}

@Suite("Coverage through helper functions")
struct HelperCoverageTests {
  @Test("a test reaches the exercises its helpers call, however deep")
  func throughHelpers() {
    let source = """
      func prepared() -> Matrix { twice(rotate180(k)) }
      func twice(_ m: Matrix) -> Matrix { convolve(m, with: m) }

      struct S {
        @Test("through helpers")
        func viaHelpers() {
          expectMatrix(prepared(), equals: r)
        }
      }
      """
    let tests = Coverage.testFunctions(in: source, target: "ConvolutionTests")
    #expect(tests.count == 1)
    #expect(
      tests.first?.calls.isSuperset(of: ["prepared", "twice", "rotate180", "convolve"]) == true)
  }
}
