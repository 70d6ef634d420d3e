import Convolution
import LectureKit
import TestSupport
import Testing

/// With x = (1, ..., 5) and w = (1, 10, 100), 123 is 100·1 + 10·2 + 1·3: the reversed kernel.
@Suite("1D convolution")
struct Convolution1DTests {
  static let x: [Double] = [1, 2, 3, 4, 5]
  static let w: [Double] = [1, 10, 100]

  @Test("E6.1 y_i = Σ_j w_j x_(i-j): the reversed kernel slides along x (np.convolve)")
  func definition() {
    // numpy.convolve(x, w, 'valid')
    // The mistake: numpy.correlate(x, w, 'valid').
    expectSequence(
      convolve(Self.x, with: Self.w), equals: [123, 234, 345],
      unlike: [
        KnownMistake(
          "that is correlation: convolution reverses w", zh: "这是互相关：卷积要翻转 w",
          sequence: [321, 432, 543])
      ])
  }

  @Test("full convolution multiplies polynomials: (1 + 2t + 3t²)(1 + t) = 1 + 3t + 5t² + 3t³")
  func polynomials() {
    // numpy.convolve([1, 2, 3], [1, 1]); the mistake: numpy.convolve(np.pad(x, (1, 0)), [1, 1],
    // 'valid'), zeros before x only.
    expectSequence(
      convolve([1, 2, 3], with: [1, 1], padding: .full), equals: [1, 3, 5, 3],
      unlike: [
        KnownMistake(
          "the zeros after x are missing: full padding puts k - 1 zeros on both ends",
          zh: "x 后面少了零：full 填充在两端各补 k - 1 个零", sequence: [1, 3, 5])
      ])
    expectSequence(convolve([1, 1], with: [1, 2, 3], padding: .full), equals: [1, 3, 5, 3])
  }

  /// (padding, w, numpy.convolve(x, w, mode) = scipy.signal.convolve2d(x[None], w[None], mode)).
  static let modes: [(Padding, [Double], [Double])] = [
    (.valid, [1, 10, 100], [123, 234, 345]),
    (.same, [1, 10, 100], [12, 123, 234, 345, 450]),
    (.full, [1, 10, 100], [1, 12, 123, 234, 345, 450, 500]),
    (.valid, [1, 10], [12, 23, 34, 45]),
    (.same, [1, 10], [1, 12, 23, 34, 45]),
    (.full, [1, 10], [1, 12, 23, 34, 45, 50]),
    // scipy.signal.convolve2d(np.pad(x, (1, 3))[None], [[1, 10, 100]], 'valid')[0]
    (
      .explicit(top: 0, bottom: 0, left: 1, right: 3), [1, 10, 100],
      [12, 123, 234, 345, 450, 500, 0]
    ),
  ]

  @Test("valid, same and full as np.convolve; same with an even kernel", arguments: modes)
  func modesLikeNumpy(_ example: (Padding, [Double], [Double])) {
    let (padding, w, expected) = example
    expectSequence(
      convolve(Self.x, with: w, padding: padding), equals: expected, "\(padding), w = \(w)")
  }

  @Test("E4.1 stride 2 keeps every other output")
  func stride2() {
    // numpy.convolve(x, w, 'valid')[::2]; the mistake: its first two entries, [:2].
    expectSequence(
      convolve(Self.x, with: Self.w, stride: 2), equals: [123, 345],
      unlike: [
        KnownMistake(
          "the stride is ignored: window i starts at i * stride",
          zh: "忽略了步幅：第 i 个窗口从 i * stride 开始", sequence: [123, 234])
      ])
  }

  @Test("same with an even kernel: the extra zero goes before x, as in np.convolve")
  func sameEvenKernel() {
    // numpy.convolve(x, [1, 10], 'same'); the mistake: correlation's margins (one zero after x),
    // numpy.convolve(np.pad(x, (0, 1)), [1, 10], 'valid').
    expectSequence(
      convolve(Self.x, with: [1, 10], padding: .same), equals: [1, 12, 23, 34, 45],
      unlike: [
        KnownMistake(
          "the extra zero of an even kernel went after x: convolution's same padding puts it "
            + "before (as np.convolve does)",
          zh: "偶数尺寸卷积核多出的那个零补在了 x 后面：卷积的 same 填充把它补在前面（同 np.convolve）",
          sequence: [12, 23, 34, 45, 50])
      ])
  }

  @Test("E6.1 a kernel of one entry scales x: no padding in any mode, every stride")
  func oneEntryKernel() {
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    // numpy.convolve(x, [3], mode), and at [::2]
    for padding in [Padding.valid, .same, .full] {
      expectSequence(
        convolve(x, with: [3], padding: padding), equals: [3, 6, 9, 12, 15, 18], "\(padding)")
    }
    expectSequence(convolve(x, with: [3], stride: 2), equals: [3, 9, 15], said("stride 2", "步幅 2"))
  }

  @Test("E6.1 kernels of four and five entries: each output reads its whole window, reversed")
  func longKernels() {
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let w: [Double] = [1, 10, 100, 1000, 10000]
    // numpy.convolve(x, w, 'valid'): 12345 = 10000·1 + 1000·2 + 100·3 + 10·4 + 1·5.
    expectSequence(convolve(x, with: w), equals: [12345, 23456], "valid")
    expectSequence(convolve(x, with: w, stride: 2), equals: [12345], said("stride 2", "步幅 2"))
    // numpy.convolve(x, w, mode)
    expectSequence(
      convolve(x, with: w, padding: .full),
      equals: [1, 12, 123, 1234, 12345, 23456, 34560, 45600, 56000, 60000], "full")
    expectSequence(
      convolve(x, with: w, padding: .same), equals: [123, 1234, 12345, 23456, 34560, 45600],
      "same")
    // An even kernel of four: two zeros before x, one after.
    expectSequence(
      convolve(x, with: [1, 10, 100, 1000], padding: .same),
      equals: [12, 123, 1234, 2345, 3456, 4560], said("same, four entries", "same，四个元素"))
  }

  /// Paddings of a 1 x n row: zeros on its left and right only.
  static let rowPaddings: [Padding] = [
    .valid, .same, .full, .explicit(top: 0, bottom: 0, left: 2, right: 2),
  ]

  @Test("E6.1 1D convolution is 2D convolution of a 1 x n row", arguments: rowPaddings)
  func sameAs2D(_ padding: Padding) {
    var generator = SeededGenerator(seed: 23)
    let x = (0..<7).map { _ in Double.random(in: -1...1, using: &generator) }
    let w = (0..<4).map { _ in Double.random(in: -1...1, using: &generator) }
    let oneD = convolve(x, with: w, padding: padding)
    let twoD = convolve(Matrix([x]), with: Matrix([w]), padding: padding)
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
