import Convolution
import LectureKit
import TestSupport
import Testing

@Suite("Convolution through the FFT")
struct FFTConvolutionTests {
  @Test("E4.6 1D: np.convolve's values, to rounding")
  func numpyValues() {
    // numpy.convolve([1, 2, 3], [0, 1, 0.5]) (scipy.signal.fftconvolve agrees to 1e-16)
    expectSequence(
      fftConvolve([1, 2, 3], with: [0, 1, 0.5]), equals: [0, 1, 2.5, 4, 1.5], tolerance: 1e-12)
  }

  @Test(
    "E4.6 1D: agrees with the direct full convolution to 1e-9, n + k - 1 outputs",
    arguments: Array(1...12))
  func agreesWithDirect1D(_ n: Int) {
    var generator = SeededGenerator(seed: UInt64(n))
    let x = (0..<n).map { _ in Double.random(in: -1...1, using: &generator) }
    for k in 1...7 {
      let w = (0..<k).map { _ in Double.random(in: -1...1, using: &generator) }
      let fast = fftConvolve(x, with: w)
      guard fast.count == n + k - 1 else {
        fail(
          said(
            "n = \(n), k = \(k): expected \(n + k - 1) outputs, computed \(fast.count)",
            "n = \(n)，k = \(k)：应有 \(n + k - 1) 个输出，算出 \(fast.count) 个"))
        return
      }
      let direct = convolve(x, with: w, padding: .full)
      expectSequence(fast, equals: direct, tolerance: 1e-9, "n = \(n), k = \(k)")
    }
  }

  static let shapes: [(Shape, Shape)] = [
    (Shape(rows: 1, columns: 1), Shape(rows: 1, columns: 1)),
    (Shape(rows: 4, columns: 5), Shape(rows: 2, columns: 3)),
    (Shape(rows: 5, columns: 5), Shape(rows: 3, columns: 3)),
    (Shape(rows: 3, columns: 7), Shape(rows: 4, columns: 2)),
    (Shape(rows: 6, columns: 4), Shape(rows: 1, columns: 5)),
    (Shape(rows: 8, columns: 8), Shape(rows: 5, columns: 4)),
  ]

  @Test("E4.6 2D: agrees with the direct full convolution to 1e-9", arguments: shapes)
  func agreesWithDirect2D(_ shapes: (Shape, Shape)) {
    let (input, kernel) = shapes
    var generator = SeededGenerator(seed: UInt64(input.rows * 100 + kernel.columns))
    let x = Matrix.random(rows: input.rows, columns: input.columns, using: &generator)
    let w = Matrix.random(rows: kernel.rows, columns: kernel.columns, using: &generator)
    let fast = fftConvolve(x, with: w)
    let full = Shape(
      rows: input.rows + kernel.rows - 1, columns: input.columns + kernel.columns - 1)
    guard expectShape(fast, full, "\(input) * \(kernel)") else { return }
    expectMatrix(
      fast, equals: convolve(x, with: w, padding: .full), tolerance: 1e-9, "\(input) * \(kernel)")
  }

  @Test("E4.6 2D: scipy's full convolution, to rounding")
  func scipyValues() {
    let image = TestImages.piDigits
    // scipy.signal.convolve2d(image, kernel, mode='full'). The mistakes, with c(a, b, shape) =
    // np.real(np.fft.ifft2(np.fft.fft2(a, shape) * np.fft.fft2(b, shape))): c(image, kernel,
    // (4, 5)), c(image, kernel, (5, 6)), and scipy.signal.correlate2d(image, kernel, 'full').
    expectMatrix(
      fftConvolve(image, with: TestImages.unevenKernel),
      equals: [
        [3, 1, 1, 0, 1, -1, -5], [15, 7, 6, 9, 8, 0, -3], [23, 21, 18, 15, 11, -4, -9],
        [13, 23, 26, 29, 26, 1, -4], [6, 7, 8, 19, 16, 4, 0],
      ],
      unlike: [
        KnownMistake(
          "the product wrapped around: pad both to (h + kh - 1) x (w + kw - 1), not to the input",
          zh: "乘积绕回来了：两者都要补零到 (h + kh - 1) x (w + kw - 1)，不是补到输入的尺寸",
          [
            [12, 3, 9, 19, 17], [15, 4, 6, 9, 8], [19, 12, 18, 15, 11], [14, 19, 26, 29, 26],
          ]),
        KnownMistake(
          "the columns were padded by the kernel's rows: each axis adds its own kernel size - 1",
          zh: "列按卷积核的行数补零了：每个轴各加上卷积核在这个轴上的尺寸 - 1",
          [
            [-2, 1, 1, 0, 1, -1], [12, 7, 6, 9, 8, 0], [14, 21, 18, 15, 11, -4],
            [9, 23, 26, 29, 26, 1], [6, 7, 8, 19, 16, 4],
          ]),
        KnownMistake(
          "the kernel was turned: the FFT's product already convolves, so this is the full "
            + "correlation",
          zh: "卷积核被旋转了：FFT 的乘积本身就是卷积，所以这是 full 互相关",
          [
            [0, 3, 7, 6, 9, 7, 10], [-3, 8, 19, 10, 16, 14, 11], [-9, 3, 21, 22, 28, 28, 21],
            [-5, -5, 4, 8, 14, 27, 17], [-3, -2, 0, -6, -1, 8, 4],
          ]),
      ], tolerance: 1e-9)
  }

  @Test("E4.6 without the padding the product wraps around: the circular convolution differs")
  func circularWrapsAround() {
    let x: [Double] = [1, 2, 3, 4, 5]
    let w: [Double] = [1, 10, 100]
    // numpy.convolve(x, w): 7 entries.
    let linear: [Double] = [1, 12, 123, 234, 345, 450, 500]
    // The mistakes, with c(a, b, n) = np.real(np.fft.ifft(np.fft.fft(a, n) * np.fft.fft(b, n))):
    // c(x, w, 5), c(x, w, 8), c(x, w[::-1], 7) and c(np.pad(x, (2, 0)), w, 7).
    let fast = fftConvolve(x, with: w)
    guard
      expectSequence(
        fast, equals: linear,
        unlike: [
          KnownMistake(
            "the product wrapped around: pad both to n + k - 1 entries, not to the longer one",
            zh: "乘积绕回来了：两者都要补零到 n + k - 1 个元素，不是补到较长的那个",
            sequence: [451, 512, 123, 234, 345]),
          KnownMistake(
            "one zero too many: n + k - 1 entries hold the whole product",
            zh: "多补了一个零：n + k - 1 个元素就装得下整个乘积",
            sequence: [1, 12, 123, 234, 345, 450, 500, 0]),
          KnownMistake(
            "w was reversed: the FFT's product already convolves, so this is the full correlation",
            zh: "w 被翻转了：FFT 的乘积本身就是卷积，所以这是 full 互相关",
            sequence: [100, 210, 321, 432, 543, 54, 5]),
          KnownMistake(
            "the zeros went before x: the product comes out turned around by k - 1 entries",
            zh: "零补在了 x 前面：乘积循环错开了 k - 1 个元素",
            sequence: [450, 500, 1, 12, 123, 234, 345]),
        ], tolerance: 1e-9)
    else { return }
    // Padding w only to x's 5 entries: the last two outputs fall back onto the first two.
    let circular = circularConvolution(x, w + [0, 0])
    expectSequence(circular, equals: [1 + 450, 12 + 500, 123, 234, 345], tolerance: 1e-9)
    #expect(
      !zip(circular, linear).allSatisfy { abs($0 - $1) < 1e-6 },
      Comment(rawValue: said("unpadded, the first outputs are wrong", "不填充时，开头几个输出是错的")))
  }

  @Test("E4.6 2D without the padding wraps around on both axes")
  func circularWrapsAround2D() {
    let x: Matrix = [[1, 2], [3, 4]]
    let w: Matrix = [[1, 1], [1, 1]]
    let linear: Matrix = [[1, 3, 2], [4, 10, 6], [3, 7, 4]]
    guard expectMatrix(fftConvolve(x, with: w), equals: linear, tolerance: 1e-9) else { return }
    // Every output of the 2x2 circular product sums all four pixels.
    expectMatrix(circularConvolution(x, w), equals: [[10, 10], [10, 10]], tolerance: 1e-9)
  }
}
