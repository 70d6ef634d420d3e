import Convolution
import LectureKit
import TestSupport
import Testing

/// The kernel (1, 10, 100) makes every output show which inputs it summed: with x = (1, ..., 5),
/// 321 is 1·1 + 10·2 + 100·3.
@Suite("1D cross-correlation")
struct Correlation1DTests {
  static let x: [Double] = [1, 2, 3, 4, 5]
  static let w: [Double] = [1, 10, 100]

  @Test("E6.1 y_i = Σ_j w_j x_(i+j): the kernel is not reversed (np.correlate)")
  func definition() {
    // numpy.correlate(x, w, 'valid')
    // The mistakes: numpy.convolve(x, w, 'valid'), and the valid output without its last entry.
    expectSequence(
      correlate(Self.x, with: Self.w), equals: [321, 432, 543],
      unlike: [
        KnownMistake(
          "that is convolution: correlation does not reverse w", zh: "这是卷积：互相关不翻转 w",
          sequence: [123, 234, 345]),
        KnownMistake(
          "the last window is missing: a kernel of k entries fits n - k + 1 times on n entries",
          zh: "少了最后一个窗口：k 个元素的卷积核在 n 个元素上有 n - k + 1 个位置",
          sequence: [321, 432]),
      ])
  }

  @Test("E4.1 100 inputs and a kernel of 5: 96 outputs at stride 1, 48 at stride 2")
  func lectureTable() {
    let x = (0..<100).map(Double.init)
    let w: [Double] = [1, 1, 1, 1, 1]
    // y_i = x_(i·s) + ... + x_(i·s + 4) = 5·i·s + 10
    expectSequence(correlate(x, with: w), equals: (0..<96).map { 5 * Double($0) + 10 })
    expectSequence(
      correlate(x, with: w, stride: 2), equals: (0..<48).map { 10 * Double($0) + 10 })
  }

  @Test("E4.1 101 inputs, a kernel of 5, stride 2: 49 windows, where (n - (k - 1)) / s says 48.5")
  func notAWholeNumber() {
    let x = (0..<101).map(Double.init)
    let y = correlate(x, with: [1, 1, 1, 1, 1], stride: 2)
    guard expectSequence(y, equals: (0..<49).map { 10 * Double($0) + 10 }) else { return }
    expectClose(
      y[48], 96 + 97 + 98 + 99 + 100,
      said("the last window ends on the last input", "最后一个窗口止于最后一个输入"))
  }

  /// (padding, scipy.signal.correlate2d(x[None], w[None], mode)[0], or after np.pad).
  static let modes: [(Padding, [Double], [Double])] = [
    (.valid, [1, 10, 100], [321, 432, 543]),
    (.same, [1, 10, 100], [210, 321, 432, 543, 54]),
    (.full, [1, 10, 100], [100, 210, 321, 432, 543, 54, 5]),
    (.valid, [1, 10], [21, 32, 43, 54]),
    // numpy.correlate(x, [1, 10], 'same') gives [10, 21, 32, 43, 54]: it centres the other way.
    (.same, [1, 10], [21, 32, 43, 54, 5]),
    (.full, [1, 10], [10, 21, 32, 43, 54, 5]),
    // correlate2d(np.pad(x, (1, 3))[None], [[1, 10, 100]], 'valid')[0]
    (
      .explicit(top: 0, bottom: 0, left: 1, right: 3), [1, 10, 100], [210, 321, 432, 543, 54, 5, 0]
    ),
  ]

  @Test(
    "valid, same and full as scipy's correlate2d on a 1 x n row; same with an even kernel",
    arguments: modes)
  func modesLikeScipy(_ example: (Padding, [Double], [Double])) {
    let (padding, w, expected) = example
    expectSequence(
      correlate(Self.x, with: w, padding: padding), equals: expected, "\(padding), w = \(w)")
  }

  @Test("stride 2 with two zeros on each end")
  func strideAndPadding() {
    // scipy.signal.correlate2d(np.pad(x, 2)[None], [[1, 10, 100]], 'valid')[0][::2]; the
    // mistake: the same output's first four entries (windows one step apart, not two).
    expectSequence(
      correlate(Self.x, with: Self.w, stride: 2, padding: .explicit(2)),
      equals: [100, 321, 543, 5],
      unlike: [
        KnownMistake(
          "the stride is ignored: window i starts at i * stride",
          zh: "忽略了步幅：第 i 个窗口从 i * stride 开始", sequence: [100, 210, 321, 432])
      ])
  }

  @Test("same with an even kernel: the extra zero goes after x, as in scipy's correlate2d")
  func sameEvenKernel() {
    // scipy.signal.correlate2d(x[None], [[1, 10]], 'same')[0]; the mistake is
    // numpy.correlate(x, [1, 10], 'same'), which puts the zero before x.
    expectSequence(
      correlate(Self.x, with: [1, 10], padding: .same), equals: [21, 32, 43, 54, 5],
      unlike: [
        KnownMistake(
          "the extra zero of an even kernel went before x: correlation's same padding puts it "
            + "after (numpy's correlate centres the other way)",
          zh: "偶数尺寸卷积核多出的那个零补在了 x 前面：互相关的 same 填充把它补在后面"
            + "（numpy 的 correlate 对中的方式相反）",
          sequence: [10, 21, 32, 43, 54])
      ])
  }

  @Test("E6.1 a kernel of one entry scales x: no padding in any mode, every stride")
  func oneEntryKernel() {
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    // numpy.correlate(x, [3], 'valid'), and at [::2]
    for padding in [Padding.valid, .same, .full] {
      expectSequence(
        correlate(x, with: [3], padding: padding), equals: [3, 6, 9, 12, 15, 18], "\(padding)")
    }
    expectSequence(
      correlate(x, with: [3], stride: 2), equals: [3, 9, 15], said("stride 2", "步幅 2"))
  }

  @Test("E6.1 E4.1 kernels of four and five entries: each output reads its whole window")
  func longKernels() {
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let w: [Double] = [1, 10, 100, 1000, 10000]
    // numpy.correlate(x, w, 'valid'): 54321 = 1·1 + 10·2 + 100·3 + 1000·4 + 10000·5.
    expectSequence(correlate(x, with: w), equals: [54321, 65432], "valid")
    expectSequence(correlate(x, with: w, stride: 2), equals: [54321], said("stride 2", "步幅 2"))
    // scipy.signal.correlate2d(x[None], w[None], mode)[0]
    expectSequence(
      correlate(x, with: w, padding: .full),
      equals: [10000, 21000, 32100, 43210, 54321, 65432, 6543, 654, 65, 6], "full")
    expectSequence(
      correlate(x, with: w, padding: .same), equals: [32100, 43210, 54321, 65432, 6543, 654],
      "same")
    // An even kernel of four: one zero before x, two after.
    expectSequence(
      correlate(x, with: [1, 10, 100, 1000], padding: .same),
      equals: [3210, 4321, 5432, 6543, 654, 65], said("same, four entries", "same，四个元素"))
  }

  /// Paddings of a 1 x n row: zeros on its left and right only.
  static let rowPaddings: [Padding] = [
    .valid, .same, .full, .explicit(top: 0, bottom: 0, left: 2, right: 2),
  ]

  @Test("E6.1 1D correlation is 2D correlation of a 1 x n row", arguments: rowPaddings)
  func sameAs2D(_ padding: Padding) {
    var generator = SeededGenerator(seed: 17)
    let x = (0..<7).map { _ in Double.random(in: -1...1, using: &generator) }
    let w = (0..<4).map { _ in Double.random(in: -1...1, using: &generator) }
    let oneD = correlate(x, with: w, padding: padding)
    let twoD = correlate(Matrix([x]), with: Matrix([w]), padding: padding)
    let length = padding == .valid ? 4 : padding == .same ? 7 : padding == .full ? 10 : 8
    guard oneD.count == length else {
      fail(
        said(
          "\(padding): expected \(length) outputs, computed \(oneD.count)",
          "\(padding)：应有 \(length) 个输出，算出 \(oneD.count) 个"))
      return
    }
    expectMatrix(
      twoD, equals: Matrix([oneD]), tolerance: 1e-12,
      said("\(padding): 2D of the row", "\(padding)：把这一行当作二维矩阵"))
  }
}
