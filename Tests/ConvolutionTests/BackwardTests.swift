import Convolution
import LectureKit
import TestSupport
import Testing

/// The backward pass of the correlation, checked against central differences of the loss
/// ℓ(x, w) = Σ_ij g[i, j] · correlate(x, with: w)[i, j] for a fixed random upstream gradient g
/// (so that ∂ℓ/∂y = g).
@Suite("The backward pass of a correlation")
struct BackwardTests {
  /// A random image, kernel and upstream gradient for `example`.
  static func data(_ example: WindowCase, seed: UInt64) -> (x: Matrix, w: Matrix, g: Matrix) {
    var generator = SeededGenerator(seed: seed)
    let x = Matrix.random(
      rows: example.input.rows, columns: example.input.columns, using: &generator)
    let w = Matrix.random(
      rows: example.kernel.rows, columns: example.kernel.columns, using: &generator)
    let g = Matrix.random(
      rows: example.output.rows, columns: example.output.columns, using: &generator)
    return (x, w, g)
  }

  @Test("the input gradient passes the gradient check (relError < 1e-7)", arguments: WindowCase.all)
  func inputGradientCheck(_ example: WindowCase) {
    let (x, w, g) = Self.data(example, seed: 101)
    let analytic = correlationInputGradient(
      g, kernel: w, inputShape: example.input, stride: example.stride, padding: example.padding)
    let numeric = numericalGradient(
      of: {
        correlate($0, with: w, stride: example.stride, padding: example.padding).hadamard(g).sum()
      },
      at: x)
    expectGradient(analytic, matches: numeric, "\(example)")
  }

  @Test(
    "the kernel gradient passes the gradient check (relError < 1e-7)", arguments: WindowCase.all)
  func kernelGradientCheck(_ example: WindowCase) {
    let (x, w, g) = Self.data(example, seed: 202)
    let analytic = correlationKernelGradient(
      g, input: x, kernelShape: example.kernel, stride: example.stride, padding: example.padding)
    let numeric = numericalGradient(
      of: {
        correlate(x, with: $0, stride: example.stride, padding: example.padding).hadamard(g).sum()
      },
      at: w)
    expectGradient(analytic, matches: numeric, "\(example)")
  }

  @Test("a 3x3 image, a 2x2 kernel, an upstream gradient of ones, worked by hand")
  func byHand() {
    let x: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    let w: Matrix = [[1, 2], [3, 4]]
    let ones = Matrix(rows: 2, columns: 2, repeating: 1)
    // Each pixel collects the kernel entries that lay on it: the middle one all four.
    expectMatrix(
      correlationInputGradient(ones, kernel: w, inputShape: x.shape),
      equals: [[1, 3, 2], [4, 10, 6], [3, 7, 4]])
    // Each kernel entry collects the pixels it lay on: w[0, 0] lay on 1, 2, 4 and 5.
    expectMatrix(
      correlationKernelGradient(ones, input: x, kernelShape: w.shape),
      equals: [[12, 16], [24, 28]])
  }

  @Test("stride 1, valid: the input gradient is the full convolution of upstream with the kernel")
  func inputGradientIsFullConvolution() {
    let (x, w, g) = Self.data(WindowCase.all[0], seed: 303)
    let gradient = correlationInputGradient(g, kernel: w, inputShape: x.shape)
    let numeric = numericalGradient(of: { correlate($0, with: w).hadamard(g).sum() }, at: x)
    guard expectGradient(gradient, matches: numeric) else { return }
    expectMatrix(gradient, equals: convolve(g, with: w, padding: .full), tolerance: 1e-12)
  }

  @Test("stride 1: the kernel gradient is the valid correlation of the padded input with upstream")
  func kernelGradientIsCorrelation() {
    let example = WindowCase.all[2]  // same padding, an even 2x3 kernel
    let (x, w, g) = Self.data(example, seed: 404)
    let gradient = correlationKernelGradient(
      g, input: x, kernelShape: w.shape, padding: example.padding)
    let numeric = numericalGradient(
      of: { correlate(x, with: $0, padding: example.padding).hadamard(g).sum() }, at: w)
    guard expectGradient(gradient, matches: numeric) else { return }
    let padded = zeroPad(x, example.padding.margins(forKernel: w.shape))
    expectMatrix(gradient, equals: correlate(padded, with: g), tolerance: 1e-12)
  }

  @Test(
    "E4.5 the input gradient is the transposed matrix times the upstream gradient",
    arguments: WindowCase.all)
  func transposedMatrix(_ example: WindowCase) {
    let (_, w, g) = Self.data(example, seed: 505)
    let m = correlationMatrix(
      of: w, inputShape: example.input, stride: example.stride, padding: example.padding)
    let gradient = correlationInputGradient(
      g, kernel: w, inputShape: example.input, stride: example.stride, padding: example.padding)
    guard expectShape(gradient, example.input, "\(example)"),
      expectShape(
        m, Shape(rows: g.count, columns: gradient.count),
        said("\(example): matrix", "\(example)：矩阵"))
    else { return }
    expectMatrix(
      m.transposed() * Matrix(column: g.elements), equals: Matrix(column: gradient.elements),
      tolerance: 1e-12, "\(example)")
  }

  @Test("stride 3 leaves rows and columns no window covers: their gradient is exactly 0")
  func uncovered() {
    let example = WindowCase.all[5]
    let (x, w, g) = Self.data(example, seed: 606)
    let gradient = correlationInputGradient(
      g, kernel: w, inputShape: x.shape, stride: example.stride, padding: example.padding)
    guard expectShape(gradient, x.shape) else { return }
    // Windows start at padded rows 0 and 3: input rows -1...0 and 2...3. Rows 1, 4, 5 are left.
    for row in [1, 4, 5] {
      #expect(
        gradient.rowArrays[row].allSatisfy { $0 == 0 },
        Comment(
          rawValue: said(
            "row \(row): \(gradient.rowArrays[row])", "第 \(row) 行：\(gradient.rowArrays[row])")))
    }
    #expect(gradient.rowArrays[0].contains { $0 != 0 })
  }
}
