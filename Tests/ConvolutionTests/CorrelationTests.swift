import Convolution
import LectureKit
import TestSupport
import Testing

/// Stride and padding of the 2D cross-correlation. scipy has no stride: a strided correlation
/// is scipy's valid one at every s-th row and column, `[::s, ::s]`, and explicit padding is
/// `np.pad` first.
@Suite("Cross-correlation with stride and padding")
struct CorrelationTests {
  static let image = TestImages.piDigits
  static let kernel = TestImages.unevenKernel

  @Test("E4.1 stride 2 keeps every other window: scipy's valid output at [::2, ::2]")
  func stride2() {
    // scipy.signal.correlate2d(image, kernel, mode='valid')[::2, ::2]
    let expected: Matrix = [[19, 16], [4, 14]]
    // The stride-1 output, and its top-left corner (windows one step apart, not two).
    expectMatrix(
      correlate(Self.image, with: Self.kernel, stride: 2), equals: expected,
      unlike: [
        KnownMistake(
          "that is the stride-1 output: the window must move 2 entries at a time",
          zh: "这是步幅 1 的输出：窗口每次要移动 2 格",
          [[19, 10, 16], [21, 22, 28], [4, 8, 14]]),
        KnownMistake.strideIgnored([[19, 10], [21, 22]]),
        KnownMistake(
          "the kernel is flipped: that is the strided convolution, correlation does not flip",
          zh: "卷积核翻转了：这是带步幅的卷积，互相关不翻转",
          [[6, 8], [26, 26]]),
      ])
  }

  @Test("E4.2 stride 2 and one zero on every side")
  func strideAndPadding() {
    // scipy.signal.correlate2d(np.pad(image, 1), kernel, mode='valid')[::2, ::2]
    expectMatrix(
      correlate(Self.image, with: Self.kernel, stride: 2, padding: .explicit(1)),
      equals: [[3, 6, 7], [3, 22, 28], [-2, -6, 8]])
  }

  @Test("an amount per side: one row above, none below, none left, two columns right")
  func perSide() {
    // scipy.signal.correlate2d(np.pad(image, ((1, 0), (0, 2))), kernel, mode='valid')
    expectMatrix(
      correlate(
        Self.image, with: Self.kernel, padding: .explicit(top: 1, bottom: 0, left: 0, right: 2)),
      equals: [
        [7, 6, 9, 7, 10], [19, 10, 16, 14, 11], [21, 22, 28, 28, 21], [4, 8, 14, 27, 17],
      ])
  }

  @Test("E4.1 stride 3 where the last rows are left over: floor((5 - 2) / 3) + 1 = 2 rows")
  func leftOver() {
    let image: Matrix = [
      [-2, -1, 0, 1, 2, 3, -2], [-1, 0, 1, 2, 3, -2, -1], [0, 1, 2, 3, -2, -1, 0],
      [1, 2, 3, -2, -1, 0, 1], [2, 3, -2, -1, 0, 1, 2],
    ]
    // scipy.signal.correlate2d(image, [[1, -1], [2, 0]], mode='valid')[::3, ::3]
    let computed = correlate(image, with: [[1, -1], [2, 0]], stride: 3)
    guard computed.rows != 1 else {
      return fail(
        said(
          "(n - (k - 1)) / s = 4 / 3 rounds down to 1, but the second window starts at row 3",
          "(n - (k - 1)) / s = 4 / 3 向下取整为 1，但第二个窗口从第 3 行开始"))
    }
    expectMatrix(computed, equals: [[-3, 3], [3, -3]])
  }

  @Test("E6.1 a 3x3 kernel on a 2x2 image with one zero all round: the centre 2 walks over it")
  func kernelLargerThanImage() {
    let kernel: Matrix = [[1, 1, 1], [1, 2, 1], [1, 1, 1]]
    // scipy.signal.correlate2d(np.pad([[1, 2], [3, 4]], 1), kernel, mode='valid'): each output
    // is 1 + 2 + 3 + 4 plus the pixel under the centre once more.
    expectMatrix(
      correlate([[1, 2], [3, 4]], with: kernel, padding: .explicit(1)),
      equals: [[11, 12], [13, 14]])
  }
}
