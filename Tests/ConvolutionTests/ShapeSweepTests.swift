import Convolution
import LectureKit
import TestSupport
import Testing

/// Shapes beyond the square: kernels from 1 x 1 to 4 x 4 (1 x 3, 3 x 1, 2 x 5 and 4 x 1 among
/// them) on inputs from 1 x 1 to 4 x 5, strides 1 to 3 and a margin of its own on every side,
/// against a window-by-window sum written out here. A rule written for one axis, or for square shapes
/// only, cannot pass.
@Suite("Correlation and convolution on every small shape")
struct ShapeSweepTests {
  struct Case: Sendable, CustomStringConvertible {
    let input: Shape
    let kernel: Shape
    let stride: Int
    let margins: Margins

    var description: String {
      said(
        "\(input) input, \(kernel) kernel, stride \(stride), margins top \(margins.top) bottom "
          + "\(margins.bottom) left \(margins.left) right \(margins.right)",
        "\(input) 输入，\(kernel) 卷积核，步幅 \(stride)，填充 上 \(margins.top) 下 \(margins.bottom) "
          + "左 \(margins.left) 右 \(margins.right)")
    }

    var padding: Padding {
      .explicit(top: margins.top, bottom: margins.bottom, left: margins.left, right: margins.right)
    }
  }

  static let cases: [Case] = {
    var cases: [Case] = []
    let marginSets = [
      Margins.zero, Margins(top: 1, bottom: 0, left: 0, right: 2),
      Margins(top: 0, bottom: 2, left: 1, right: 0),
    ]
    for input in [(1, 1), (2, 3), (3, 2), (4, 5), (4, 4)] {
      for kernel in [(1, 1), (1, 3), (3, 1), (2, 2), (2, 3), (3, 3), (4, 4), (2, 5), (4, 1)] {
        for stride in 1...3 {
          for margins in marginSets
          where kernel.0 <= input.0 + margins.top + margins.bottom
            && kernel.1 <= input.1 + margins.left + margins.right
          {
            cases.append(
              Case(
                input: Shape(rows: input.0, columns: input.1),
                kernel: Shape(rows: kernel.0, columns: kernel.1), stride: stride, margins: margins))
          }
        }
      }
    }
    return cases
  }()

  /// Entries with no symmetry: (i, j) -> a distinct value.
  static func matrix(_ shape: Shape, offset: Double) -> Matrix {
    Matrix(rows: shape.rows, columns: shape.columns) { Double(7 * $0 + 3 * $1 * $1) + offset }
  }

  /// The correlation written out: pad, then each window's weighted sum.
  static func windowSums(_ c: Case, flip: Bool) -> Matrix {
    let x = matrix(c.input, offset: 1)
    let w = matrix(c.kernel, offset: -4)
    let padded = Matrix(
      rows: c.input.rows + c.margins.top + c.margins.bottom,
      columns: c.input.columns + c.margins.left + c.margins.right
    ) { i, j in
      let (r, s) = (i - c.margins.top, j - c.margins.left)
      return r >= 0 && r < x.rows && s >= 0 && s < x.columns ? x[r, s] : 0
    }
    let rows = (padded.rows - w.rows) / c.stride + 1
    let columns = (padded.columns - w.columns) / c.stride + 1
    return Matrix(rows: rows, columns: columns) { i, j in
      var sum = 0.0
      for k in 0..<w.rows {
        for l in 0..<w.columns {
          let weight = flip ? w[w.rows - 1 - k, w.columns - 1 - l] : w[k, l]
          sum += weight * padded[i * c.stride + k, j * c.stride + l]
        }
      }
      return sum
    }
  }

  @Test("E4.1 E4.2 E6.1 correlate on every small shape, stride and one-sided margin")
  func correlation() {
    expectEvery(Self.cases) { c in
      let computed = correlate(
        Self.matrix(c.input, offset: 1), with: Self.matrix(c.kernel, offset: -4),
        stride: c.stride, padding: c.padding)
      let expected = Self.windowSums(c, flip: false)
      return computed.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-9)
        ? nil
        : said(
          "\(c): expected\n\(expected)\ncomputed\n\(computed)",
          "\(c)：应为\n\(expected)\n算出\n\(computed)")
    }
  }

  @Test("E4.1 E6.1 convolve on every small shape and stride (no padding: its margins turn too)")
  func convolution() {
    expectEvery(Self.cases.filter { $0.margins == .zero }) { c in
      let computed = convolve(
        Self.matrix(c.input, offset: 1), with: Self.matrix(c.kernel, offset: -4),
        stride: c.stride)
      let expected = Self.windowSums(c, flip: true)
      return computed.isApproximatelyEqual(to: expected, absoluteTolerance: 1e-9)
        ? nil
        : said(
          "\(c): expected\n\(expected)\ncomputed\n\(computed)",
          "\(c)：应为\n\(expected)\n算出\n\(computed)")
    }
  }
}
