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
    let computed = convolve(Self.x, with: Self.w)
    guard expectSequence(computed, equals: [123, 234, 345]) else {
      if computed == [321, 432, 543] {
        fail(said("that is correlation: convolution reverses w", "这是互相关：卷积要翻转 w"))
      }
      return
    }
  }

  @Test("full convolution multiplies polynomials: (1 + 2t + 3t²)(1 + t) = 1 + 3t + 5t² + 3t³")
  func polynomials() {
    // numpy.convolve([1, 2, 3], [1, 1])
    expectSequence(convolve([1, 2, 3], with: [1, 1], padding: .full), equals: [1, 3, 5, 3])
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
    // numpy.convolve(x, w, 'valid')[::2]
    expectSequence(convolve(Self.x, with: Self.w, stride: 2), equals: [123, 345])
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
