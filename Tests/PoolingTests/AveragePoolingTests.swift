import LectureKit
import Pooling
import TestSupport
import Testing

@Suite("Average pooling")
struct AveragePoolingTests {
  static let arange4 = Matrix(rows: 4, columns: 4) { Double($0 * 4 + $1) }
  static let arange5 = Matrix(rows: 5, columns: 5) { Double($0 * 5 + $1) }

  @Test("d2l's pool2d: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], 2x2 window, stride 1")
  func d2l() {
    // d2l.ai, "Pooling": pool2d(X, (2, 2), 'avg') with X = torch.arange(9.).reshape(3, 3).
    expectMatrix(
      averagePool([[0, 1, 2], [3, 4, 5], [6, 7, 8]], PoolWindow(size: 2, stride: 1)),
      equals: [[2, 3], [5, 6]],
      unlike: [
        KnownMistake(
          "the window's sum, not its mean: divide the sum by the window's cells",
          zh: "得到的是窗口的和，不是平均值：和要除以窗口的格子数",
          [[8, 12], [20, 24]])
      ])
  }

  @Test(
    "E2.1 the diagonal map, 2x2 at stride 2, ceil mode: a partial window averages what it covers")
  func slideMapCeil() {
    // The sums of EXAMPLES.md averaged by hand: the last column's windows hold 2 cells, the
    // corner window 1 (nn.AvgPool2d(2, ceil_mode=True) divides the same way).
    let ninths: Matrix = [[7 / 2, 3 / 2, 1, 1], [3 / 2, 2, 0, 4], [1, 0, 4, 0], [1, 4, 0, 7]]
    let pooled = averagePool(Lecture.xFilters[0].map, PoolWindow(size: 2, rounding: .ceil))
    guard expectMatrix(pooled, equals: ninths / 9, tolerance: 1e-12) else {
      if pooled.shape == ninths.shape,
        (pooled[3, 3] * 9).isApproximatelyEqual(
          to: 7 / 4, absoluteTolerance: 1e-9)
      {
        fail(
          said(
            "the corner window holds one cell of the map: divide by 1, not by 4",
            "角上的窗口只盖住特征图的一格：应除以 1，不是 4"))
      }
      return
    }
  }

  @Test("a 4x4 arange, window 3, padding 1, stride 2: padding zeros count in the divisor")
  func paddingCounts() {
    // nn.AvgPool2d(3, stride=2, padding=1) (count_include_pad=True) on arange(16).reshape(4, 4),
    // worked by hand: the corner window holds 0 + 1 + 4 + 5 and five zeros, divided by 9.
    let pooled = averagePool(Self.arange4, PoolWindow(size: 3, stride: 2, padding: 1))
    expectMatrix(
      pooled, equals: [[10 / 9, 8 / 3], [17 / 3, 10]],
      unlike: [
        KnownMistake(
          "divided by the input cells only: the padding zeros count too (PyTorch's default)",
          zh: "只除以了输入的格子数：填充的零也要算上（PyTorch 的默认做法）",
          [[10 / 4, 24 / 6], [51 / 6, 90 / 9]])
      ])
  }

  @Test("the same in ceil mode: cells past the padding do not count")
  func paddingCeil() {
    // The third windows cover rows/columns 3, 4 and 5: 4 is padding (counts), 5 lies beyond
    // the padding (does not), so they divide by 2 along that axis.
    let pooled = averagePool(
      Self.arange4, PoolWindow(size: 3, stride: 2, padding: 1, rounding: .ceil))
    let expected: Matrix = [
      [10 / 9, 8 / 3, 5 / 3], [17 / 3, 10, 11 / 2], [25 / 6, 7, 15 / 4],
    ]
    // Cells of the padded input per window: 3, 3, 2 down and across.
    let cells = [3.0, 3, 2]
    expectMatrix(
      pooled, equals: expected,
      unlike: [
        KnownMistake(
          "every window was divided by 9: a partial window divides by the cells it covers",
          zh: "每个窗口都除以了 9：不完整的窗口除以它覆盖的格子数",
          Matrix(rows: 3, columns: 3) { expected[$0, $1] * cells[$0] * cells[$1] / 9 })
      ])
  }

  @Test("a 5x5 arange, window 2, stride 2, ceil mode")
  func ceilArange() {
    // nn.AvgPool2d(2, ceil_mode=True) on arange(25).reshape(5, 5), worked by hand.
    expectMatrix(
      averagePool(Self.arange5, PoolWindow(size: 2, rounding: .ceil)),
      equals: [[3, 5, 13 / 2], [13, 15, 33 / 2], [41 / 2, 45 / 2, 24]], tolerance: 1e-12)
  }

  @Test("rows and columns keep their own window, stride and padding")
  func axesApart() {
    let input: Matrix = [[1, 5, 2, 0, 3], [4, 2, 8, 1, 1], [0, 6, 3, 9, 2], [7, 1, 1, 4, 5]]
    let window = PoolWindow(
      rows: PoolAxis(size: 2, stride: 1), columns: PoolAxis(size: 3, stride: 2, padding: 1))
    expectMatrix(
      averagePool(input, window),
      equals: [[2, 3, 5 / 6], [2, 29 / 6, 13 / 6], [7 / 3, 4, 10 / 3]], tolerance: 1e-12)
  }

  @Test("a window as large as the map gives the mean of the map")
  func globalAverage() {
    var generator = SeededGenerator(seed: 11)
    let map = Matrix.random(rows: 3, columns: 5, using: &generator)
    let pooled = averagePool(map, PoolWindow(rows: PoolAxis(size: 3), columns: PoolAxis(size: 5)))
    guard expectShape(pooled, Shape(rows: 1, columns: 1)) else { return }
    expectClose(pooled[0, 0], map.sum() / 15)
  }
}
