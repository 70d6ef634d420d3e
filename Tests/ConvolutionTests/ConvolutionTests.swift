import Convolution
import LectureKit
import TestSupport
import Testing

/// Stride and padding of the true 2D convolution, against scipy.signal.convolve2d (at every
/// s-th row and column for a stride; after `np.pad` for explicit padding).
@Suite("Convolution with stride and padding")
struct StridedConvolutionTests {
  static let image = TestImages.piDigits
  static let kernel = TestImages.unevenKernel

  @Test("E4.1 stride 2: scipy's valid convolution at [::2, ::2]")
  func stride2() {
    // scipy.signal.convolve2d(image, kernel, mode='valid')[::2, ::2]
    // The mistakes, from scipy too: correlate2d(...)[::2, ::2], and the valid convolution's
    // first 2 x 2 (windows one step apart instead of two).
    expectMatrix(
      convolve(Self.image, with: Self.kernel, stride: 2), equals: [[6, 8], [26, 26]],
      unlike: [
        KnownMistake(
          "the kernel is not flipped: that is the strided correlation",
          zh: "卷积核没有翻转：这是带步幅的互相关",
          [[19, 16], [4, 14]]),
        KnownMistake.strideIgnored([[6, 9], [18, 15]]),
      ])
  }

  @Test("E4.2 stride 2 and one zero on every side")
  func strideAndPadding() {
    // scipy.signal.convolve2d(np.pad(image, 1), kernel, mode='valid')[::2, ::2]
    expectMatrix(
      convolve(Self.image, with: Self.kernel, stride: 2, padding: .explicit(1)),
      equals: [[1, 0, -1], [21, 15, -4], [7, 19, 4]])
  }

  @Test("an amount per side: one row above, none below, none left, two columns right")
  func perSide() {
    // scipy.signal.convolve2d(np.pad(image, ((1, 0), (0, 2))), kernel, mode='valid')
    expectMatrix(
      convolve(
        Self.image, with: Self.kernel, padding: .explicit(top: 1, bottom: 0, left: 0, right: 2)),
      equals: [
        [1, 0, 1, -1, -5], [6, 9, 8, 0, -3], [18, 15, 11, -4, -9], [26, 29, 26, 1, -4],
      ])
  }

  @Test("full convolution of two small matrices multiplies two polynomials")
  func polynomialProduct() {
    // (1 + 2y)(1 + x) as coefficient grids: rows are powers of y, columns powers of x.
    expectMatrix(
      convolve([[1], [2]], with: [[1, 1]], padding: .full), equals: [[1, 1], [2, 2]])
    // (1 + 2x + 3x²)(1 - x) = 1 + x + x² - 3x³
    expectMatrix(
      convolve([[1, 2, 3]], with: [[1, -1]], padding: .full), equals: [[1, 1, 1, -3]])
  }
}
