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
    // scipy.signal.convolve2d(image, kernel, mode='full')
    expectMatrix(
      fftConvolve(image, with: TestImages.unevenKernel),
      equals: [
        [3, 1, 1, 0, 1, -1, -5], [15, 7, 6, 9, 8, 0, -3], [23, 21, 18, 15, 11, -4, -9],
        [13, 23, 26, 29, 26, 1, -4], [6, 7, 8, 19, 16, 4, 0],
      ], tolerance: 1e-9)
  }

  @Test("E4.6 without the padding the product wraps around: the circular convolution differs")
  func circularWrapsAround() {
    let x: [Double] = [1, 2, 3, 4, 5]
    let w: [Double] = [1, 10, 100]
    // numpy.convolve(x, w): 7 entries.
    let linear: [Double] = [1, 12, 123, 234, 345, 450, 500]
    guard expectSequence(fftConvolve(x, with: w), equals: linear, tolerance: 1e-9) else { return }
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
