import LectureKit
import TestSupport
import Testing

@Suite("Known mistakes: a failure names the mistake the value matches")
struct KnownMistakeTests {
  static let mistakes = [
    KnownMistake("the kernel is not flipped", zh: "卷积核没有翻转", [[1, 2]]),
    KnownMistake("the stride is ignored", zh: "忽略了步幅", [[1, 2]]),
    KnownMistake("the rows are swapped", zh: "行弄反了", [[3, 4]]),
  ]

  @Test("one match names one mistake; two that both explain the value name both; none, none")
  func naming() {
    TestLanguage.using(.english) {
      #expect(
        KnownMistake.diagnosis(of: [[3, 4]], among: Self.mistakes)
          == "probably: the rows are swapped")
      #expect(
        KnownMistake.diagnosis(of: [[1, 2]], among: Self.mistakes)
          == "probably one of: the kernel is not flipped; or the stride is ignored")
    }
    #expect(KnownMistake.diagnosis(of: [[5, 6]], among: Self.mistakes) == nil)
    #expect(KnownMistake.diagnosis(of: [[1, 2, 3]], among: Self.mistakes) == nil)
    #expect(KnownMistake.diagnosis(of: .unwritten("f", in: "x"), among: Self.mistakes) == nil)
  }

  @Test("a failing expectation records one issue, the diagnosis first, then the grid")
  func oneIssue() {
    let failures = TestLanguage.using(.english) {
      capturingFailures { expectMatrix([[3, 4]], equals: [[0, 0]], unlike: Self.mistakes) }
    }
    #expect(failures.count == 1)
    #expect(failures.first?.hasPrefix("probably: the rows are swapped\n") == true)
    #expect(failures.first?.contains("expected") == true)
    #expect(
      capturingFailures { expectMatrix([[0, 0]], equals: [[0, 0]], unlike: Self.mistakes) }.isEmpty)
  }
}

@Suite("A broken rule: a stop for the reference, a failing result for a student's exercises")
struct RefusalTests {
  @Test("no problem, no refusal; a problem is a mark with its sentence, or a stop")
  func refusals() async throws {
    #expect(refusal(nil) == nil)
    if Track.compiled == .exercises {
      let mark = refusal("the kernel must have an entry", in: "correlate(_:with:)")
      #expect(mark?.problem == "the kernel must have an entry")
      #expect(mark?.description == "`correlate` cannot compute this: the kernel must have an entry")
      #expect(Matrix.placeholder(try #require(mark)).isPlaceholder)
    } else {
      await #expect(processExitsWith: .failure) { _ = refusal("a broken rule") }
    }
  }

  @Test("a matrix product or a sum of shapes that do not fit: the same rule, two outcomes")
  func shapes() async {
    let a: Matrix = [[1, 2, 3], [4, 5, 6]]
    if Track.compiled == .exercises {
      #expect(
        (a * a).unwritten?.description
          == "matrix product of 2 x 3 and 2 x 3: the inner sizes must match")
      #expect((a + a.transposed()).unwritten?.problem?.contains("shapes must match") == true)
      #expect(((a * a) + a).isPlaceholder)
    } else {
      await #expect(processExitsWith: .failure) {
        let a: Matrix = [[1, 2, 3], [4, 5, 6]]
        _ = a * a
      }
    }
  }

  @Test("an index outside the matrix, or sizes that do not fit: a stop, or NaN and a mark")
  func indices() async {
    if Track.compiled == .exercises {
      var m = Matrix(rows: 2, columns: 3)
      #expect(m[2, 0].isNaN && m[0, -1].isNaN)
      m[1, 3] = 1
      #expect(m.unwritten?.description == "index (1, 3) is outside a 2 x 3 matrix")
      m[0, 0] = 1
      #expect(m.unwritten?.description == "index (1, 3) is outside a 2 x 3 matrix", "the first")
      #expect(Matrix(rows: -1, columns: 2).unwritten?.problem?.contains("non-negative") == true)
      #expect(Matrix(rows: 2, columns: 2, elements: [1]).unwritten?.problem != nil)
    } else {
      await #expect(processExitsWith: .failure) { _ = Matrix(rows: 2, columns: 3)[2, 0] }
      await #expect(processExitsWith: .failure) {
        var m = Matrix(rows: 2, columns: 3)
        m[1, 3] = 1
      }
      await #expect(processExitsWith: .failure) { _ = Matrix(rows: -1, columns: 2) }
    }
  }
}
