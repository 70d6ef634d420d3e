import LectureKit
import TestSupport
import Testing

/// The test helpers must fail where they should, or no chapter test has teeth. Their texts are
/// checked in English, whatever `COMPANION_LANG` says (`TestLanguageTests` checks the Chinese).
@Suite("Test helpers fail where they should")
struct ExpectationTests {
  @Test("a placeholder, a wrong shape and a wrong entry each fail expectMatrix")
  func matrixFailures() {
    TestLanguage.using(.english) { Self.matrixFailuresInEnglish() }
  }

  static func matrixFailuresInEnglish() {
    let expected: Matrix = [[1, 2], [3, 4]]
    let placeholder = capturingFailures {
      expectMatrix(.unwritten("x", in: "Exercises/A/B.swift"), equals: expected)
    }
    #expect(placeholder == ["`x` in Exercises/A/B.swift is not written yet"])
    let shape = capturingFailures { expectMatrix([[1, 2, 3]], equals: expected) }
    #expect(shape.count == 1 && shape[0].hasPrefix("expected a 2 x 2 matrix, computed a 1 x 3 one"))
    let entry = capturingFailures {
      expectMatrix([[1, 2], [3, 4.1]], equals: expected, tolerance: 0.05)
    }
    #expect(entry.count == 1 && entry[0].hasPrefix("entry (1, 1): expected 4.0, computed 4.1"))
    #expect(entry.first?.contains("expected") == true && entry.first?.contains("|") == true)
    let nan = capturingFailures {
      expectMatrix([[1, 2], [3, .nan]], equals: expected, tolerance: 1)
    }
    #expect(nan.count == 1)
    #expect(
      capturingFailures { expectMatrix([[1, 2], [3, 4.01]], equals: expected, tolerance: 0.05) }
        .isEmpty)
  }

  @Test("NaN fails expectClose and expectGradient; a placeholder fails expectSlide")
  func otherFailures() {
    let failing: [() -> Void] = [
      { expectClose(.nan, 1, tolerance: 1) },
      { expectGradient([[1, 2]], matches: [[1, 3]]) },
      { expectGradient(.unwritten("g", in: "x"), matches: [[1]]) },
      { expectSlide(.unwritten("m", in: "x"), prints: [""]) },
      { expectSlide([[0.5]], prints: ["0.49"]) },
    ]
    for (index, check) in failing.enumerated() {
      #expect(capturingFailures(check).count == 1, "check \(index)")
    }
    #expect(capturingFailures { expectClose(.nan, 1, tolerance: 1) }[0].contains("NaN"))
    #expect(capturingFailures { expectSlide([[7.0 / 9]], prints: ["0.77"]) }.isEmpty)
    #expect(capturingFailures { expectGradient([[1, 2]], matches: [[1, 2 + 1e-9]]) }.isEmpty)
  }

  @Test("side-by-side printing shows both matrices")
  func sideBySidePrinting() {
    let text = TestLanguage.using(.english) { sideBySide([[1, 2]], [[3, 4]]) }
    #expect(text.contains("expected"))
    #expect(text.split(separator: "\n").last == "1 2        |   3 4")
  }
}

@Suite("Failure messages stay short")
struct LargeMatrixMessageTests {
  @Test("a large matrix is cut to its top-left corner in side-by-side printing")
  func cut() {
    let big = Matrix(rows: 500, columns: 500) { i, j in Double(i * 500 + j) }
    let text = TestLanguage.using(.english) { sideBySide(big, big) }
    #expect(text.count < 2_000)
    #expect(text.contains("… (500 x 500 in all)"))
  }
}
