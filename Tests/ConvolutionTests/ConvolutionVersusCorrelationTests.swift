import Convolution
import LectureKit
import TestSupport
import Testing

/// A kernel that is not 180-degree symmetric tells convolution from cross-correlation; the
/// lecture's own filters cannot.
@Suite("Convolution versus cross-correlation")
struct ConvolutionVersusCorrelationTests {
  static let image = TestImages.piDigits
  static let kernel = TestImages.unevenKernel

  @Test("E6.1 correlation of a 4x5 image with a 2x3 kernel: scipy's values")
  func correlationValues() {
    // scipy.signal.correlate2d(image, kernel, mode='valid')
    expectMatrix(
      correlate(Self.image, with: Self.kernel),
      equals: [[19, 10, 16], [21, 22, 28], [4, 8, 14]],
      unlike: [
        KnownMistake(
          "the kernel is flipped: that is the convolution, correlation does not flip",
          zh: "卷积核翻转了：这是卷积，互相关不翻转",
          [[6, 9, 8], [18, 15, 11], [26, 29, 26]]),
        KnownMistake(
          "the output's rows were counted with the kernel's columns: each axis has its own "
            + "kernel size",
          zh: "输出的行数是按卷积核的列数算的：每个轴用卷积核在这个轴上的尺寸",
          [[19, 10, 16], [21, 22, 28]]),
        // Windows one row lower: the first two rows of windows are the next two, and the last
        // reads past the input (NaN on a student's exercises).
        KnownMistake(
          "the window is shifted one row down: output (i, j) starts at (i * stride, j * stride), "
            + "and the last row of windows reads past the input",
          zh: "窗口下移了一行：输出 (i, j) 的窗口从 (i * stride, j * stride) 开始，"
            + "最后一行窗口读到了输入以外",
          where: { computed in
            computed.shape == Shape(rows: 3, columns: 3)
              && computed.rowArrays[0] == [21, 22, 28] && computed.rowArrays[1] == [4, 8, 14]
              && computed.rowArrays[2].allSatisfy { !$0.isFinite }
          }),
      ])
  }

  @Test("E6.1 convolution of the same: scipy's values, unlike any single-axis flip")
  func convolutionValues() {
    // scipy.signal.convolve2d(image, kernel, mode='valid')
    let expected: Matrix = [[6, 9, 8], [18, 15, 11], [26, 29, 26]]
    // What the classic mistakes give: no flip, rows flipped only, columns flipped only
    // (scipy.signal.correlate2d with kernel, kernel[::-1, :] and kernel[:, ::-1]).
    let noFlip: Matrix = [[19, 10, 16], [21, 22, 28], [4, 8, 14]]
    let rowsOnly: Matrix = [[10, 3, 12], [16, 11, 17], [18, 19, 24]]
    let columnsOnly: Matrix = [[15, 16, 12], [23, 26, 22], [12, 18, 16]]
    expectMatrix(
      convolve(Self.image, with: Self.kernel), equals: expected,
      unlike: [
        KnownMistake(
          "the kernel is not flipped: that is the correlation",
          zh: "卷积核没有翻转：这是互相关", noFlip),
        KnownMistake(
          "only the kernel's rows are flipped: turn it by 180 degrees, rows and columns",
          zh: "只翻转了卷积核的行：要旋转 180 度，行和列都翻转",
          rowsOnly),
        KnownMistake(
          "only the kernel's columns are flipped: turn it by 180 degrees, rows and columns",
          zh: "只翻转了卷积核的列：要旋转 180 度，行和列都翻转",
          columnsOnly),
        KnownMistake(
          "the output's rows were counted with the kernel's columns: each axis has its own "
            + "kernel size",
          zh: "输出的行数是按卷积核的列数算的：每个轴用卷积核在这个轴上的尺寸",
          [[6, 9, 8], [18, 15, 11]]),
      ])
  }

  @Test("E6.1 a 2x2 kernel on a 3x3 image, worked by hand")
  func byHand() {
    let image: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    let kernel: Matrix = [[1, 2], [3, 4]]
    // y[0, 0] = 1·1 + 2·2 + 3·4 + 4·5 = 37; flipped: 4·1 + 3·2 + 2·4 + 1·5 = 23.
    expectMatrix(correlate(image, with: kernel), equals: [[37, 47], [67, 77]])
    expectMatrix(convolve(image, with: kernel), equals: [[23, 33], [53, 63]])
  }

  @Test(
    "E6.1 convolution is correlation with the kernel turned by 180 degrees (random inputs)",
    arguments: [(5, 5, 2, 2), (6, 4, 3, 1), (7, 9, 3, 4), (4, 4, 4, 4), (8, 3, 1, 3)])
  func identity(_ shape: (Int, Int, Int, Int)) {
    var generator = SeededGenerator(
      seed: UInt64(shape.0 * 1000 + shape.1 * 100 + shape.2 * 10 + shape.3))
    let image = Matrix.random(rows: shape.0, columns: shape.1, using: &generator)
    let kernel = Matrix.random(rows: shape.2, columns: shape.3, using: &generator)
    let convolution = convolve(image, with: kernel)
    expectMatrix(convolution, equals: correlate(image, with: rotate180(kernel)), tolerance: 1e-12)
    if kernel.rows > 1 || kernel.columns > 1 {
      #expect(
        !convolution.isApproximatelyEqual(
          to: correlate(image, with: kernel), absoluteTolerance: 1e-9),
        Comment(
          rawValue: said(
            "a random kernel is not symmetric, so convolution and correlation must differ",
            "随机的卷积核不对称，卷积和互相关的结果必须不同")))
    }
  }

  @Test(
    "E6.1 output size is (h - kh + 1) x (w - kw + 1); a kernel as large as the input gives one number"
  )
  func sizes() {
    var generator = SeededGenerator(seed: 7)
    let image = Matrix.random(rows: 6, columns: 9, using: &generator)
    for (kh, kw) in [(1, 1), (2, 5), (6, 9), (3, 3)] {
      let kernel = Matrix.random(rows: kh, columns: kw, using: &generator)
      let expected = Shape(rows: 6 - kh + 1, columns: 9 - kw + 1)
      expectShape(
        correlate(image, with: kernel), expected,
        said("correlate, \(kh) x \(kw) kernel", "correlate，\(kh) x \(kw) 卷积核"))
      expectShape(
        convolve(image, with: kernel), expected,
        said("convolve, \(kh) x \(kw) kernel", "convolve，\(kh) x \(kw) 卷积核"))
    }
    let whole = correlate(image, with: image)
    expectClose(
      whole.count == 1 ? whole[0, 0] : .nan, (image.hadamard(image)).sum(), tolerance: 1e-12)
  }

  /// Paddings for which convolution is correlation with the kernel turned by 180 degrees.
  static let flipPaddings: [Padding] = [
    .valid, .full, .explicit(1), .explicit(top: 2, bottom: 0, left: 1, right: 3),
  ]

  @Test(
    "E6.1 conv(x, w) = corr(x, rot180(w)) in valid and full mode and with explicit padding, even kernels too",
    arguments: flipPaddings)
  func identityWithPadding(_ padding: Padding) {
    var generator = SeededGenerator(seed: 41)
    let image = Matrix.random(rows: 5, columns: 6, using: &generator)
    for (kh, kw) in [(2, 2), (3, 2), (3, 3), (1, 4)] {
      let kernel = Matrix.random(rows: kh, columns: kw, using: &generator)
      let margins = padding.margins(forKernel: kernel.shape)
      let shape = Shape(
        rows: 5 + margins.top + margins.bottom - kh + 1,
        columns: 6 + margins.left + margins.right - kw + 1)
      let convolution = convolve(image, with: kernel, padding: padding)
      guard
        expectShape(
          convolution, shape,
          said("\(padding), \(kh) x \(kw) kernel", "\(padding)，\(kh) x \(kw) 卷积核"))
      else { return }
      expectMatrix(
        convolution, equals: correlate(image, with: rotate180(kernel), padding: padding),
        tolerance: 1e-12,
        said("\(padding), \(kh) x \(kw) kernel", "\(padding)，\(kh) x \(kw) 卷积核"))
    }
  }

  @Test("E6.1 in same mode the identity holds for an odd kernel and fails for an even one")
  func identitySame() {
    let image = Self.image
    // An odd 3x3 kernel: scipy.signal.convolve2d(image, odd, mode='same').
    let odd: Matrix = [[1, 2, 0], [-1, 3, 1], [0, 1, 2]]
    let oddExpected: Matrix = [
      [28, 12, 29, 15, 22], [46, 41, 46, 50, 39], [24, 47, 52, 58, 55], [12, 24, 28, 48, 43],
    ]
    expectMatrix(convolve(image, with: odd, padding: .same), equals: oddExpected)
    expectMatrix(
      correlate(image, with: rotate180(odd), padding: .same), equals: oddExpected,
      said(
        "odd kernel: correlation with the turned kernel", "奇数尺寸的卷积核：与旋转 180 度后的卷积核做互相关"))
    // An even 2x2 kernel: scipy.signal.convolve2d(image, even, mode='same') and
    // scipy.signal.correlate2d(image, even[::-1, ::-1], mode='same') differ by one row and
    // one column of shift.
    let even: Matrix = [[1, 2], [3, 4]]
    expectMatrix(
      convolve(image, with: even, padding: .same),
      equals: [
        [3, 7, 6, 9, 7], [18, 35, 26, 36, 32], [32, 60, 51, 64, 52], [18, 52, 66, 71, 75],
      ])
    expectMatrix(
      correlate(image, with: rotate180(even), padding: .same),
      equals: [
        [35, 26, 36, 32, 26], [60, 51, 64, 52, 30], [52, 66, 71, 75, 44], [18, 17, 36, 44, 16],
      ],
      said(
        "even kernel: correlation with the turned kernel is shifted",
        "偶数尺寸的卷积核：与旋转 180 度后的卷积核做互相关，结果错开一行一列"))
  }
}
