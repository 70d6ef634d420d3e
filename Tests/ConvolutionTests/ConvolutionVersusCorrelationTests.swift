import Convolution
import LectureKit
import TestSupport
import Testing

/// A kernel that is not 180-degree symmetric tells convolution from cross-correlation; the
/// lecture's own filters cannot.
@Suite("Convolution versus cross-correlation")
struct ConvolutionVersusCorrelationTests {
  static let image: Matrix = [
    [3, 1, 4, 1, 5], [9, 2, 6, 5, 3], [5, 8, 9, 7, 9], [3, 2, 3, 8, 4],
  ]
  static let kernel: Matrix = [[1, 0, -1], [2, 1, 0]]

  @Test("E6.1 correlation of a 4x5 image with a 2x3 kernel: scipy's values")
  func correlationValues() {
    // scipy.signal.correlate2d(image, kernel, mode='valid')
    expectMatrix(
      correlate(Self.image, with: Self.kernel),
      equals: [[19, 10, 16], [21, 22, 28], [4, 8, 14]])
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
    let computed = convolve(Self.image, with: Self.kernel)
    guard expectMatrix(computed, equals: expected) else {
      if computed == noFlip { fail("convolve did not flip the kernel: that is correlation") }
      if computed == rowsOnly {
        fail("convolve flipped the rows of the kernel but not its columns")
      }
      if computed == columnsOnly {
        fail("convolve flipped the columns of the kernel but not its rows")
      }
      return
    }
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
        "a random kernel is not symmetric, so convolution and correlation must differ")
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
      expectShape(correlate(image, with: kernel), expected, "correlate, \(kh) x \(kw) kernel")
      expectShape(convolve(image, with: kernel), expected, "convolve, \(kh) x \(kw) kernel")
    }
    let whole = correlate(image, with: image)
    expectClose(
      whole.count == 1 ? whole[0, 0] : .nan, (image.hadamard(image)).sum(), tolerance: 1e-12)
  }
}
