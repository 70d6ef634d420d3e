import LectureKit
import Pooling
import TestSupport
import Testing

@Suite("Max pooling")
struct MaxPoolingTests {
  /// The slide's pooled maps times 9: the maxima of the maps' sums over 2x2 windows at stride
  /// 2, the last row and column of windows partial (worked out from EXAMPLES.md's sums).
  static let pooledSums: [String: Matrix] = [
    "E1.1": [[9, 3, 5, 3], [3, 9, 3, 5], [5, 3, 9, 1], [3, 5, 1, 7]],
    "E1.2": [[5, 3, 5, 3], [3, 9, 5, 1], [5, 5, 5, 1], [3, 1, 1, 3]],
    "E1.3": [[3, 5, 9, 7], [5, 5, 9, 3], [9, 9, 1, 5], [7, 3, 5, 3]],
  ]
  static let slide = PoolWindow(size: 2, stride: 2, rounding: .ceil)

  @Test(
    "E2.1 E2.2 E2.3 2x2 windows, stride 2, ceil mode: the slide's 4x4 maps as printed",
    arguments: Lecture.xFilters)
  func slideMaps(_ example: FilterExample) {
    expectSlide(maxPool(example.map, Self.slide), prints: example.pooledSlide, "\(example)")
  }

  @Test(
    "E2.1 E2.2 E2.3 the pooled maps exactly in ninths", arguments: Lecture.xFilters)
  func slideMapsInNinths(_ example: FilterExample) {
    let pooled = maxPool(example.map, Self.slide)
    guard let sums = Self.pooledSums[example.id] else {
      return fail(said("no sums for \(example)", "没有 \(example) 的和"))
    }
    guard expectMatrix(pooled, equals: sums / 9, tolerance: 1e-12, "\(example)") else {
      if pooled.shape == Shape(rows: 3, columns: 3) {
        fail(
          said(
            "3x3 is floor mode: the slide keeps the partial windows of row and column 7",
            "3x3 是向下取整模式的结果：幻灯片保留了第 7 行和第 7 列的不完整窗口"))
      }
      return
    }
  }

  @Test("E2.4 floor mode drops the partial windows: the top-left 3x3", arguments: Lecture.xFilters)
  func floorMode(_ example: FilterExample) {
    guard let sums = Self.pooledSums[example.id] else {
      return fail(said("no sums for \(example)", "没有 \(example) 的和"))
    }
    let topLeft = Matrix(rows: 3, columns: 3) { sums[$0, $1] / 9 }
    let pooled = maxPool(example.map, PoolWindow(size: 2))
    guard expectMatrix(pooled, equals: topLeft, tolerance: 1e-12, "\(example)") else { return }
    let printed = example.pooledSlide.prefix(3).map { $0.split(separator: " ").prefix(3) }
      .map { $0.joined(separator: " ") }
    expectSlide(pooled, prints: Array(printed), "\(example)")
  }

  @Test("E1.5 E2.1 the ReLU map pools to the same 4x4: every window's maximum is positive")
  func reluMap() {
    let rectified = Lecture.xFilters[0].map.map { max(0, $0) }
    expectSlide(maxPool(rectified, Self.slide), prints: Lecture.xFilters[0].pooledSlide)
  }

  @Test("d2l's pool2d: [[0, 1, 2], [3, 4, 5], [6, 7, 8]], 2x2 window, stride 1")
  func d2l() {
    // d2l.ai, "Pooling": pool2d(X, (2, 2)) with X = torch.arange(9.).reshape(3, 3).
    expectMatrix(
      maxPool([[0, 1, 2], [3, 4, 5], [6, 7, 8]], PoolWindow(size: 2, stride: 1)),
      equals: [[4, 5], [7, 8]])
  }

  @Test("a 4x4 arange, window 3, padding 1, stride 2")
  func paddedArange() {
    // d2l.ai, "Padding and Stride" of pooling: nn.MaxPool2d(3, padding=1, stride=2) on
    // torch.arange(16.).reshape(1, 1, 4, 4).
    let input = Matrix(rows: 4, columns: 4) { Double($0 * 4 + $1) }
    expectMatrix(
      maxPool(input, PoolWindow(size: 3, stride: 2, padding: 1)), equals: [[5, 7], [13, 15]],
      unlike: [
        KnownMistake(
          "window i starts at row i, not at i · stride: the windows move by the stride",
          zh: "第 i 个窗口从第 i 行开始，而不是 i · 步幅：窗口每次移动一个步幅",
          [[5, 6], [9, 10]])
      ])
  }

  @Test("a 5x5 arange, window 2, stride 2, ceil mode: the partial windows are kept")
  func ceilArange() {
    // nn.MaxPool2d(2, stride=2, ceil_mode=True) on torch.arange(25.).reshape(1, 1, 5, 5),
    // worked by hand with PyTorch's rules.
    let input = Matrix(rows: 5, columns: 5) { Double($0 * 5 + $1) }
    expectMatrix(
      maxPool(input, PoolWindow(size: 2, rounding: .ceil)),
      equals: [[6, 8, 9], [16, 18, 19], [21, 23, 24]])
  }

  @Test("padding counts as -infinity: all-negative windows next to the padding keep their maximum")
  func negativeNextToPadding() {
    let input: Matrix = [[-3, -1, -2], [-4, -5, -6], [-2, -8, -7]]
    let pooled = maxPool(input, PoolWindow(size: 2, padding: 1))
    expectMatrix(
      pooled, equals: [[-3, -1], [-2, -5]],
      unlike: [
        KnownMistake(
          "padding was taken as 0: it must never win",
          zh: "把填充当成了 0：填充永远不能当选最大值",
          [[0, 0], [0, -5]]),
        KnownMistake(
          "the maximum starts from 0: an all-negative window then gives 0; start from -infinity",
          zh: "最大值从 0 开始找：全是负数的窗口就得到 0；应从负无穷开始",
          [[0, 0], [0, 0]]),
      ])
  }

  @Test("rows and columns keep their own window, stride and padding")
  func axesApart() {
    let input: Matrix = [[1, 5, 2, 0, 3], [4, 2, 8, 1, 1], [0, 6, 3, 9, 2], [7, 1, 1, 4, 5]]
    let window = PoolWindow(
      rows: PoolAxis(size: 2, stride: 1), columns: PoolAxis(size: 3, stride: 2, padding: 1))
    // Worked by hand; the axes swapped would give [[5, 8, 8, 3], [7, 8, 9, 9]].
    expectMatrix(
      maxPool(input, window), equals: [[5, 8, 3], [6, 9, 9], [7, 9, 9]],
      unlike: [
        KnownMistake(
          "the columns were scanned with the rows' window length (2, not 3): each axis has its own",
          zh: "列方向用了行方向的窗口长度（2，不是 3）：每个方向有自己的窗口",
          [[4, 8, 3], [4, 8, 9], [7, 6, 9]])
      ])
  }
}
