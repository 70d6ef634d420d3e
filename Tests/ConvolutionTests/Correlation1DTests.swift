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
    let computed = correlate(Self.x, with: Self.w)
    guard expectSequence(computed, equals: [321, 432, 543]) else {
      if computed == [123, 234, 345] {
        fail(said("that is convolution: correlation does not reverse w", "这是卷积：互相关不翻转 w"))
      }
      return
    }
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
    // scipy.signal.correlate2d(np.pad(x, 2)[None], [[1, 10, 100]], 'valid')[0][::2]
    expectSequence(
      correlate(Self.x, with: Self.w, stride: 2, padding: .explicit(2)), equals: [100, 321, 543, 5])
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
