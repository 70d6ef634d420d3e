import LectureKit
import Pooling
import TestSupport

/// An input size, a window, and the output shape PyTorch's rules give for them (worked out by
/// hand with the formulas of `pooledLength`, not with it, so a stub never builds the test).
struct PoolCase: Sendable, CustomStringConvertible {
  let input: Shape
  let window: PoolWindow
  let output: Shape

  init(_ rows: Int, _ columns: Int, _ window: PoolWindow, gives outRows: Int, _ outColumns: Int) {
    self.input = Shape(rows: rows, columns: columns)
    self.window = window
    self.output = Shape(rows: outRows, columns: outColumns)
  }

  var description: String {
    let (rows, columns) = (window.rows, window.columns)
    return said(
      "\(input) input, \(window)",
      "\(input) 输入，\(rows.size) x \(columns.size) 窗口，步幅 \(rows.stride) x \(columns.stride)，"
        + "填充 \(rows.padding) x \(columns.padding)，"
        + (window.rounding == .ceil ? "向上取整模式" : "向下取整模式"))
  }

  /// A seed of its own for each case, so that the cases do not share their random inputs.
  var seed: UInt64 {
    let sizes = [input.rows, input.columns, window.rows.size, window.columns.size]
    let steps = [window.rows.stride, window.columns.stride, window.rows.padding]
    return (sizes + steps).reduce(UInt64(window.rounding == .ceil ? 1 : 0)) { $0 * 10 + UInt64($1) }
  }

  /// A random input of this case's size, the same in every run.
  func randomInput(seed offset: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed &+ offset)
    return Matrix.random(rows: input.rows, columns: input.columns, using: &generator)
  }

  /// A random upstream gradient of the output's shape.
  func randomUpstream(seed offset: UInt64) -> Matrix {
    var generator = SeededGenerator(seed: seed &+ offset &+ 1000)
    return Matrix.random(rows: output.rows, columns: output.columns, using: &generator)
  }

  /// Windows of every kind: tiling, partial ceil-mode windows, padding, overlap, and axes
  /// that differ.
  static let all: [PoolCase] = [
    PoolCase(5, 6, PoolWindow(size: 2), gives: 2, 3),
    PoolCase(5, 6, PoolWindow(size: 2, rounding: .ceil), gives: 3, 3),
    PoolCase(6, 5, PoolWindow(size: 3, stride: 2, padding: 1), gives: 3, 3),
    PoolCase(6, 5, PoolWindow(size: 3, stride: 2, padding: 1, rounding: .ceil), gives: 4, 3),
    PoolCase(4, 4, PoolWindow(size: 3, stride: 1), gives: 2, 2),
    PoolCase(
      5, 5,
      PoolWindow(
        rows: PoolAxis(size: 2, stride: 1, padding: 1),
        columns: PoolAxis(size: 3, stride: 2, padding: 1), rounding: .ceil),
      gives: 6, 3),
    // 1 x 1, one row, one column.
    PoolCase(1, 1, PoolWindow(size: 1), gives: 1, 1),
    PoolCase(1, 5, PoolWindow(rows: PoolAxis(size: 1), columns: PoolAxis(size: 2)), gives: 1, 2),
    PoolCase(
      4, 1,
      PoolWindow(rows: PoolAxis(size: 3, stride: 2, padding: 1), columns: PoolAxis(size: 1)),
      gives: 2, 1),
    // Windows larger than 3 x 3: square, and with their own size, stride and padding per axis.
    PoolCase(9, 9, PoolWindow(size: 4, stride: 3, padding: 1), gives: 3, 3),
    PoolCase(
      7, 6,
      PoolWindow(
        rows: PoolAxis(size: 4, stride: 2, padding: 1),
        columns: PoolAxis(size: 5, stride: 3, padding: 2), rounding: .ceil),
      gives: 4, 3),
  ]
}

/// The scalar loss Σ upstream ⊙ y, whose gradient with respect to y is `upstream`: what a
/// gradient check differentiates. NaN (never a trap) when y is a placeholder or misshapen.
func weightedSum(_ y: Matrix, _ upstream: Matrix) -> Double {
  guard !y.isPlaceholder, y.shape == upstream.shape else { return .nan }
  return y.hadamard(upstream).sum()
}

/// The windows of one axis of length `n`, listed one by one: for each, the cells it covers
/// inside the input and how many cells of the padded axis it covers. Window i starts at
/// i·s - p; floor mode keeps it while it ends inside the padded axis, ceil mode also keeps one
/// that hangs over the end as long as it starts inside the input or the left padding
/// (PyTorch's rule).
func poolWindows(_ n: Int, _ axis: PoolAxis, _ rounding: Rounding) -> [(
  cells: Range<Int>, padded: Int
)] {
  var windows: [(Range<Int>, Int)] = []
  var start = -axis.padding
  while start + axis.size <= n + axis.padding
    || (rounding == .ceil && start < n && start + axis.size - axis.stride < n + axis.padding)
  {
    let end = start + axis.size
    windows.append((max(start, 0)..<min(end, n), min(end, n + axis.padding) - start))
    start += axis.stride
  }
  return windows
}
