import LectureKit
import TestSupport
import Testing

/// The test helpers must fail where they should, or no chapter test has teeth.
@Suite("Test helpers fail where they should")
struct ExpectationTests {
  @Test("a placeholder, a wrong shape and a wrong entry each fail expectMatrix")
  func matrixFailures() {
    let expected: Matrix = [[1, 2], [3, 4]]
    withKnownIssue { expectMatrix(.unwritten("x", in: "Exercises/A/B.swift"), equals: expected) }
    withKnownIssue { expectMatrix([[1, 2, 3]], equals: expected) }
    withKnownIssue { expectMatrix([[1, 2], [3, 4.1]], equals: expected, tolerance: 0.05) }
    withKnownIssue { expectMatrix([[1, 2], [3, .nan]], equals: expected, tolerance: 1) }
    #expect(expectMatrix([[1, 2], [3, 4.01]], equals: expected, tolerance: 0.05))
  }

  @Test("NaN fails expectClose and expectGradient; a placeholder fails expectSlide")
  func otherFailures() {
    withKnownIssue { expectClose(.nan, 1, tolerance: 1) }
    withKnownIssue { expectGradient([[1, 2]], matches: [[1, 3]]) }
    withKnownIssue { expectGradient(.unwritten("g", in: "x"), matches: [[1]]) }
    withKnownIssue { expectSlide(.unwritten("m", in: "x"), prints: [""]) }
    withKnownIssue { expectSlide([[0.5]], prints: ["0.49"]) }
    #expect(expectSlide([[7.0 / 9]], prints: ["0.77"]))
    #expect(expectGradient([[1, 2]], matches: [[1, 2 + 1e-9]]))
  }

  @Test("side-by-side printing shows both matrices")
  func sideBySidePrinting() {
    let text = sideBySide([[1, 2]], [[3, 4]])
    #expect(text.contains("expected"))
    #expect(text.split(separator: "\n").last == "1 2        |   3 4")
  }
}

@Suite("Failure messages stay short")
struct LargeMatrixMessageTests {
  @Test("a large matrix is cut to its top-left corner in side-by-side printing")
  func cut() {
    let big = Matrix(rows: 500, columns: 500) { i, j in Double(i * 500 + j) }
    let text = sideBySide(big, big)
    #expect(text.count < 2_000)
    #expect(text.contains("… (500 x 500 in all)"))
  }
}
