import LectureKit
import Testing

@Suite("Matrix")
struct MatrixTests {
  @Test("rows, columns and row-major entries")
  func layout() {
    let m: Matrix = [[1, 2, 3], [4, 5, 6]]
    #expect(m.shape == Shape(rows: 2, columns: 3))
    #expect(m.elements == [1, 2, 3, 4, 5, 6])
    #expect(m[1, 0] == 4)
    #expect(m.rowArrays == [[1, 2, 3], [4, 5, 6]])
    #expect(m.transposed() == [[1, 4], [2, 5], [3, 6]])
  }

  @Test("arithmetic and the matrix product")
  func arithmetic() {
    let a: Matrix = [[1, 2], [3, 4]]
    let b: Matrix = [[0, 1], [1, 0]]
    #expect(a + b == [[1, 3], [4, 4]])
    #expect(a - b == [[1, 1], [2, 4]])
    #expect(a * b == [[2, 1], [4, 3]])
    #expect(2 * a == [[2, 4], [6, 8]])
    #expect(a / 2 == [[0.5, 1], [1.5, 2]])
    #expect(-a == [[-1, -2], [-3, -4]])
    #expect(a.hadamard(b) == [[0, 2], [3, 0]])
    #expect(a.sum() == 10)
    #expect(Matrix([[3, 4]]).norm() == 5)
    #expect(Matrix(column: [1, 2]).shape == Shape(rows: 2, columns: 1))
  }

  @Test("a placeholder equals nothing, not even itself, and names its exercise")
  func placeholder() {
    let stub = Matrix.unwritten(
      "correlate2D", in: "/home/s/p/Exercises/Convolution/Correlation.swift")
    #expect(stub != stub)
    #expect(stub != Matrix(rows: 0, columns: 0))
    #expect(stub.isPlaceholder)
    #expect(
      stub.unwritten?.description
        == "`correlate2D` in Exercises/Convolution/Correlation.swift is not written yet")
    #expect(stub.sum().isNaN)
    #expect(Double.unwritten("x", in: #filePath).isNaN)
    #expect([Double].unwritten("x", in: #filePath).allSatisfy { $0.isNaN })
    #expect([Matrix].unwritten("x", in: #filePath, count: 3).count == 3)
    #expect([Matrix].unwritten("x", in: #filePath).unwritten?.name == "x")
  }

  /// A chapter type that only says how to build its placeholder.
  struct Pair: Placeholding {
    var label = "pair"
    var maps: [Matrix]
    var bias: Double
    static func placeholder(_ mark: Unwritten) -> Pair { Pair(maps: [], bias: .placeholder(mark)) }
  }

  @Test("a chapter type finds a mark anywhere among its stored properties")
  func placeholderByReflection() {
    let mark = Matrix.unwritten("relu", in: "Exercises/Convolution/ReLU.swift")
    #expect(Pair(maps: [[[1]], mark], bias: 0).unwritten?.name == "relu")
    #expect(Pair(maps: [[[1]]], bias: 0).unwritten == nil)
    #expect(firstUnwritten(Pair(maps: [], bias: 0), [[[2]], mark], 1.0)?.name == "relu")
    #expect(firstUnwritten(Pair(maps: [], bias: 0), 1.0) == nil)
  }

  @Test("a placeholder passes its mark on through arithmetic instead of stopping on shapes")
  func placeholderPropagates() {
    let stub = Matrix.unwritten("relu", in: "Exercises/Convolution/ReLU.swift")
    let a: Matrix = [[1, 2], [3, 4]]
    for result in [stub / 9, a + stub, stub - a, a * stub, stub.transposed(), stub.map { $0 + 1 }] {
      #expect(result.unwritten?.name == "relu")
    }
    #expect(!stub.isApproximatelyEqual(to: stub, absoluteTolerance: 1))
  }

  @Test("approximate comparison follows swift-numerics' rule")
  func approximate() {
    #expect(1.0.isApproximatelyEqual(to: 1.0 + 1e-13, absoluteTolerance: 1e-12))
    #expect(!1.0.isApproximatelyEqual(to: 1.1, absoluteTolerance: 1e-12))
    #expect(1000.0.isApproximatelyEqual(to: 1001, absoluteTolerance: 0, relativeTolerance: 1e-2))
    #expect(!Double.nan.isApproximatelyEqual(to: .nan, absoluteTolerance: 1))
    #expect(Double.infinity.isApproximatelyEqual(to: .infinity, absoluteTolerance: 0))
    let a: Matrix = [[1, 2]]
    #expect(a.isApproximatelyEqual(to: [[1, 2 + 1e-13]], absoluteTolerance: 1e-12))
    #expect(!a.isApproximatelyEqual(to: [[1], [2]], absoluteTolerance: 1))
    #expect(a.firstDifference(from: [[1, 3]], absoluteTolerance: 0.5)?.column == 1)
  }
}
