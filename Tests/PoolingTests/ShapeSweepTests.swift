import LectureKit
import Pooling
import TestSupport
import Testing

/// Shapes beyond the square: windows with their own size, stride and padding on each axis, on
/// inputs from 1 x 1 to 5 x 4, in both modes, against the windows written out here.
@Suite("Max and average pooling on every small shape")
struct PoolingShapeSweepTests {
  static let axes: [PoolAxis] = [
    PoolAxis(size: 1), PoolAxis(size: 2), PoolAxis(size: 2, stride: 1),
    PoolAxis(size: 3, stride: 2, padding: 1), PoolAxis(size: 2, stride: 3, padding: 1),
    PoolAxis(size: 4, stride: 3, padding: 2),
  ]

  static let cases: [(input: Shape, window: PoolWindow)] = {
    var cases: [(Shape, PoolWindow)] = []
    for (rows, columns) in [(1, 1), (2, 3), (3, 2), (5, 4)] {
      for down in axes {
        for across in axes
        where down.size <= rows + 2 * down.padding && across.size <= columns + 2 * across.padding {
          for rounding in Rounding.allCases {
            cases.append(
              (
                Shape(rows: rows, columns: columns),
                PoolWindow(rows: down, columns: across, rounding: rounding)
              ))
          }
        }
      }
    }
    return cases
  }()

  static func input(_ shape: Shape) -> Matrix {
    Matrix(rows: shape.rows, columns: shape.columns) { Double((5 * $0 + 3 * $1) % 7) - 3 }
  }

  @Test("E2.1 E2.4 maxPool and averagePool on every small shape, each axis on its own")
  func everyShape() {
    expectEvery(Self.cases) { input, window in
      let x = Self.input(input)
      let down = poolWindows(input.rows, window.rows, window.rounding)
      let across = poolWindows(input.columns, window.columns, window.rounding)
      let maxima = Matrix(rows: down.count, columns: across.count) { i, j in
        var largest = -Double.infinity
        for r in down[i].cells { for c in across[j].cells { largest = max(largest, x[r, c]) } }
        return largest
      }
      let means = Matrix(rows: down.count, columns: across.count) { i, j in
        var sum = 0.0
        for r in down[i].cells { for c in across[j].cells { sum += x[r, c] } }
        return sum / Double(down[i].padded * across[j].padded)
      }
      let pooled = maxPool(x, window)
      let averaged = averagePool(x, window)
      if !pooled.isApproximatelyEqual(to: maxima, absoluteTolerance: 1e-12) {
        return said(
          "max pooling \(input) by \(window): expected\n\(maxima)\ncomputed\n\(pooled)",
          "最大池化 \(input)，\(window)：应为\n\(maxima)\n算出\n\(pooled)")
      }
      if !averaged.isApproximatelyEqual(to: means, absoluteTolerance: 1e-12) {
        return said(
          "average pooling \(input) by \(window): expected\n\(means)\ncomputed\n\(averaged)",
          "平均池化 \(input)，\(window)：应为\n\(means)\n算出\n\(averaged)")
      }
      return nil
    }
  }
}
