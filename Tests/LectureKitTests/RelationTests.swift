import LectureKit
import Testing

@testable import TestSupport

@Suite("A wrong result described by its relation to the expected one")
struct RelationTests {
  static let expected: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]

  static func relation(_ computed: Matrix, _ expected: Matrix = RelationTests.expected) -> String? {
    Relation.of(computed, expected, tolerance: 1e-12)
  }

  @Test(
    "each simple transformation of the expected matrix is named",
    arguments: [
      ([[1, 4, 7], [2, 5, 8], [3, 6, 10]], "transposed"),
      ([[10, 8, 7], [6, 5, 4], [3, 2, 1]], "turned by 180°"),
      ([[7, 8, 10], [4, 5, 6], [1, 2, 3]], "flipped upside down (its rows in reverse order)"),
      (
        [[3, 2, 1], [6, 5, 4], [10, 8, 7]], "flipped left to right (its columns in reverse order)"
      ),
      ([[-1, -2, -3], [-4, -5, -6], [-7, -8, -10]], "negated"),
      ([[2, 4, 6], [8, 10, 12], [14, 16, 20]], "times 2"),
      ([[1 / 9, 2 / 9, 3 / 9], [4 / 9, 5 / 9, 6 / 9], [7 / 9, 8 / 9, 10 / 9]], "times 1/9"),
      ([[2, 3, 4], [5, 6, 7], [8, 9, 11]], "plus 1 in every entry"),
      ([[0, 0, 0], [1, 2, 3], [4, 5, 6]], "shifted down by one row"),
      ([[2, 3, 0], [5, 6, 0], [8, 10, 0]], "shifted left by one column"),
    ] as [(Matrix, String)])
  func transformations(_ computed: Matrix, _ said: String) {
    #expect(Self.relation(computed) == "what was computed is the expected matrix " + said)
  }

  @Test("right on part of it: one entry, the first row, some rows or columns")
  func parts() {
    #expect(
      Self.relation([[1, 2, 3], [4, 0, 6], [7, 8, 10]])
        == "only entry (1, 1) is wrong; the others are right")
    #expect(
      Self.relation([[1, 2, 3], [0, 0, 0], [0, 0, 0]])
        == "only its first row is right: as if a loop did its first step alone")
    #expect(
      Self.relation([[1, 2, 3], [4, 5, 6], [0, 1, 0]])
        == "rows 2 are wrong; the other rows are right")
    #expect(
      Self.relation([[1, 2, 0], [4, 5, 0], [7, 8, 0]])
        == "columns 2 are wrong; the other columns are right")
  }

  @Test("other shapes: transposed, a row short, a column long")
  func shapes() {
    let wide: Matrix = [[1, 2, 3], [4, 5, 6]]
    #expect(
      Self.relation([[1, 4], [2, 5], [3, 6]], wide)
        == "what was computed is the expected matrix transposed")
    #expect(
      Self.relation([[1, 2, 3]], wide)
        == "what was computed is the expected matrix without its last 1 row(s) and 0 column(s)")
    #expect(
      Self.relation([[1, 2, 3, 9], [4, 5, 6, 9]], wide)
        == "what was computed is the expected matrix with 0 extra row(s) and 1 extra column(s) "
        + "at the end")
  }

  @Test("nothing is said of an unrelated value, a constant, NaN, or one entry")
  func nothing() {
    #expect(Self.relation([[3, 1, 4], [1, 5, 9], [2, 6, 5]]) == nil)
    #expect(Self.relation([[.nan, 2, 3], [4, 5, 6], [7, 8, 10]]) == nil)
    #expect(Self.relation([[2]], [[1]]) == "what was computed is the expected matrix times 2")
    #expect(Relation.of([[5, 5], [5, 5]], [[5, 5], [5, 5]] as Matrix, tolerance: 0) == nil)
  }

  @Test("numbers: negated, one off, a simple multiple; else nothing")
  func numbers() {
    #expect(
      Relation.of(-2.5, 2.5, tolerance: 1e-12) == "what was computed is the expected value negated")
    #expect(Relation.of(5, 4, tolerance: 1e-12) == "what was computed is one more than expected")
    #expect(
      Relation.of(1.5, 3, tolerance: 1e-12)
        == "what was computed is the expected value times 1/2")
    #expect(Relation.of(3.14159, 2.71828, tolerance: 1e-12) == nil)
  }

  @Test("the expectations say it, in both languages; a named mistake goes without it")
  func inFailures() {
    let transposed: Matrix = [[1, 3], [2, 4]]
    let failures = capturingFailures { expectMatrix(transposed, equals: [[1, 2], [3, 4]]) }
    #expect(
      failures.first?.contains("\nwhat was computed is the expected matrix transposed\n") == true)
    let chinese = TestLanguage.using(.chinese) {
      capturingFailures { expectMatrix(transposed, equals: [[1, 2], [3, 4]]) }
    }
    #expect(chinese.first?.contains("\n算出的结果是应为的矩阵转置\n") == true)
    let named = capturingFailures {
      expectMatrix(
        transposed, equals: [[1, 2], [3, 4]],
        unlike: [KnownMistake("the matrix is transposed", zh: "矩阵转置了", transposed)])
    }
    #expect(named.first?.hasPrefix("probably: the matrix is transposed\n") == true)
    #expect(named.first?.contains("what was computed") == false)
    let number = capturingFailures { expectClose(-1, 1) }
    #expect(number.first?.hasSuffix("\nwhat was computed is the expected value negated") == true)
  }
}
