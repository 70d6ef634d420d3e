import LectureKit
import Pooling
import TestSupport
import Testing

/// "Pooling gives local invariance": a feature that moves a little, inside its pooling window,
/// leaves the pooled map as it was; one that crosses into the next window moves it too.
@Suite("Slide: Pooling = Local invariance")
struct LocalInvarianceTests {
  /// A 4x6 map of zeros with a vertical stroke of two ones at the given rows and column.
  static func stroke(rows top: Int, column: Int) -> Matrix {
    Matrix(rows: 4, columns: 6) { i, j in j == column && (i == top || i == top + 1) ? 1 : 0 }
  }

  static let window = PoolWindow(size: 2)
  static let pooled: Matrix = [[0, 1, 0], [0, 0, 0]]

  @Test(
    "a stroke moving one pixel right, inside its 2x2 windows, leaves the max-pooled map unchanged")
  func insideTheWindow() {
    expectMatrix(maxPool(Self.stroke(rows: 0, column: 2), Self.window), equals: Self.pooled)
    expectMatrix(maxPool(Self.stroke(rows: 0, column: 3), Self.window), equals: Self.pooled)
  }

  @Test("a stroke moving across a window boundary moves the pooled map too")
  func acrossTheBoundary() {
    let right = maxPool(Self.stroke(rows: 0, column: 4), Self.window)
    expectMatrix(right, equals: [[0, 0, 1], [0, 0, 0]])
    let down = maxPool(Self.stroke(rows: 1, column: 3), Self.window)
    expectMatrix(down, equals: [[0, 1, 0], [0, 1, 0]])
  }

  @Test("average pooling is invariant in the same way: the window's mean does not change")
  func average() {
    for column in [2, 3] {
      expectMatrix(
        averagePool(Self.stroke(rows: 0, column: column), Self.window),
        equals: Self.pooled / 2, said("stroke in column \(column)", "笔画在第 \(column) 列"))
    }
    expectMatrix(
      averagePool(Self.stroke(rows: 0, column: 4), Self.window), equals: [[0, 0, 0.5], [0, 0, 0]])
  }
}
