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
    // Each pixel collects the kernel entries that lay on it: the middle one all four. The
    // mistakes: the same with w turned, and each pixel keeping only the last share written.
    expectMatrix(
      correlationInputGradient(ones, kernel: w, inputShape: x.shape),
      equals: [[1, 3, 2], [4, 10, 6], [3, 7, 4]],
      unlike: Self.inputGradientMistakes(
        flipped: [[4, 7, 3], [6, 10, 4], [2, 3, 1]],
        overwritten: [[1, 1, 2], [1, 1, 2], [3, 3, 4]]
      ))
    // Each kernel entry collects the pixels it lay on: w[0, 0] lay on 1, 2, 4 and 5. The
    // mistakes: the same turned by 180 degrees, divided by the 4 windows, and summed on from
    // one entry to the next (12, 12 + 16, 28 + 24, 52 + 28).
    expectMatrix(
      correlationKernelGradient(ones, input: x, kernelShape: w.shape),
      equals: [[12, 16], [24, 28]],
      unlike: Self.kernelGradientMistakes(
        turned: [[28, 24], [16, 12]], averaged: [[3, 4], [6, 7]],
        cumulative: [[12, 28], [52, 80]]
      ))
  }

  /// The classic mistakes of the input gradient, given what each computes on a test's input.
  static func inputGradientMistakes(
    flipped: Matrix, overwritten: Matrix, uncut: Matrix? = nil, strideIgnored: Matrix? = nil
  ) -> [KnownMistake] {
    var mistakes = [
      KnownMistake(
        "the kernel was turned: each output sends w[k, l] back to the pixel that entry lay on, "
          + "as in the forward pass",
        zh: "卷积核被旋转了：每个输出把 w[k, l] 送回这个元素所对的像素，和前向传播一样",
        flipped),
      KnownMistake(
        "the gradient was overwritten, not summed: a pixel under several windows collects "
          + "every share (+=)",
        zh: "梯度被覆盖了，没有相加：被几个窗口覆盖的像素要把每一份都加起来（+=）",
        overwritten),
    ]
    if let uncut {
      mistakes.append(
        KnownMistake(
          "the padding was not cut off: x[p, q] is the padded gradient at (p + top, q + left)",
          zh: "没有去掉填充：x[p, q] 对应填充后梯度的 (p + top, q + left)", uncut))
    }
    if let strideIgnored {
      mistakes.append(
        KnownMistake.strideIgnored(strideIgnored))
    }
    return mistakes
  }

  /// The classic mistakes of the kernel gradient, given what each computes on a test's input.
  static func kernelGradientMistakes(
    turned: Matrix, averaged: Matrix, cumulative: Matrix, strideIgnored: Matrix? = nil
  ) -> [KnownMistake] {
    var mistakes = [
      KnownMistake(
        "the kernel gradient is turned by 180 degrees: entry (k, l) collects the pixels entry "
          + "(k, l) lay on",
        zh: "卷积核的梯度旋转了 180 度：元素 (k, l) 收集的是它自己所对的像素", turned),
      KnownMistake(
        "the windows' shares were averaged: a shared weight's gradient is their sum",
        zh: "把各个窗口的份额取了平均：共享权重的梯度是它们的和", averaged),
      KnownMistake(
        "the sum was not reset for each kernel entry: it ran on from one entry to the next",
        zh: "没有为每个卷积核元素把和重置为 0：和从一个元素累加到了下一个", cumulative),
    ]
    if let strideIgnored {
      mistakes.append(
        KnownMistake.strideIgnored(strideIgnored))
    }
    return mistakes
  }

  @Test("E4.2 stride 2 and one zero all round: a 4x5 image and a 2x3 kernel, both gradients")
  func strideAndPadding() {
    let x = TestImages.piDigits
    let w = TestImages.unevenKernel
    let g: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    // With d = g spread out to 5 x 5 (d[::2, ::2] = g, zeros between):
    // scipy.signal.convolve2d(d, w, 'full')[1:5, 1:6], the padding's border cut off. The
    // mistakes, from the same sum written out: w turned; each pixel keeping its last share;
    // the border not cut off ([0:4, 0:5]); windows one step apart.
    expectMatrix(
      correlationInputGradient(
        g, kernel: w, inputShape: x.shape, stride: 2, padding: .explicit(1)),
      equals: [[1, 4, 2, 6, 3], [0, 1, 0, 1, 0], [4, 10, 5, 12, 6], [0, 1, 0, 1, 0]],
      unlike: Self.inputGradientMistakes(
        flipped: [[0, -1, 0, -1, 0], [4, 8, 5, 10, 6], [0, -1, 0, -1, 0], [7, 14, 8, 16, 9]],
        overwritten: [[1, 4, 2, 6, 3], [0, 5, 0, 6, 0], [4, 10, 5, 12, 6], [0, 8, 0, 9, 0]],
        uncut: [[1, 0, 1, 0, 1], [2, 1, 4, 2, 6], [4, 0, 1, 0, 1], [8, 4, 10, 5, 12]],
        strideIgnored: [
          [10, 10, -2, -6, 0], [22, 19, -2, -9, 0], [23, 26, 9, 0, 0], [0, 0, 0, 0, 0],
        ]
      ), said("input gradient", "输入的梯度"))
    // scipy.signal.correlate2d(np.pad(x, 1), d, 'valid'); the mistakes from the sum written out.
    expectMatrix(
      correlationKernelGradient(
        g, input: x, kernelShape: w.shape, stride: 2, padding: .explicit(1)),
      equals: [[128, 165, 111], [87, 145, 70]],
      unlike: Self.kernelGradientMistakes(
        turned: [[70, 145, 87], [111, 165, 128]],
        averaged: [[128, 165, 111], [87, 145, 70]] / 9,
        cumulative: [[128, 293, 404], [491, 636, 706]],
        strideIgnored: [[111, 174, 137], [178, 279, 271]]), said("kernel gradient", "卷积核的梯度"))
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
