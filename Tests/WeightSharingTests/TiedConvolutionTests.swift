import LectureKit
import TestSupport
import Testing
import WeightSharing

@Suite("A convolution layer is a fully connected layer with tied weights")
struct TiedConvolutionTests {
  static let image = TestImages.piDigits
  static let kernel = TestImages.unevenKernel

  @Test("E6.1 sharedCorrelation at stride 1 and 2: scipy's values")
  func correlationValues() {
    // scipy.signal.correlate2d(image, kernel, mode='valid'); stride 2 keeps every other
    // row and column of it, [::2, ::2]. The mistakes: convolve2d(image, kernel, 'valid')
    // (the kernel flipped), the maps without their last row and column, numpy.cumsum of the
    // map (a sum never reset), and a 2 x 4 map (the kernel's rows and columns swapped in the
    // counts).
    expectMatrix(
      sharedCorrelation(Self.image, with: Self.kernel),
      equals: [[19, 10, 16], [21, 22, 28], [4, 8, 14]],
      unlike: [
        KnownMistake(
          "the kernel was flipped: that is the convolution; the layer computes the correlation, "
            + "y[i, j] = Σ_k Σ_l w[k, l] x[i + k, j + l]",
          zh: "卷积核被翻转了：这是卷积；这一层算的是互相关，y[i, j] = Σ_k Σ_l w[k, l] x[i + k, j + l]",
          [[6, 9, 8], [18, 15, 11], [26, 29, 26]]),
        Self.lastWindowMissing([[19, 10], [21, 22]]),
        KnownMistake(
          "the sum was not reset for each output: every output added to the one before",
          zh: "没有为每个输出把和清零：每个输出都加在前一个上",
          [[19, 29, 45], [66, 88, 116], [120, 128, 142]]),
        KnownMistake(
          "rows for columns: the output has (input rows - kernel rows) / stride + 1 rows",
          zh: "行和列弄反了：输出的行数是 (输入行数 - 卷积核行数) / stride + 1",
          where: { $0.shape == Shape(rows: 2, columns: 4) }),
      ], said("stride 1", "步幅 1"))
    expectMatrix(
      sharedCorrelation(Self.image, with: Self.kernel, stride: 2), equals: [[19, 16], [4, 14]],
      unlike: [
        KnownMistake(
          "the stride is ignored: the window of output (i, j) starts at (i * stride, j * stride)",
          zh: "忽略了步幅：输出 (i, j) 的窗口从 (i * stride, j * stride) 开始",
          [[19, 10], [21, 22]]),
        Self.lastWindowMissing([[19]]),
      ], said("stride 2", "步幅 2"))
  }

  /// A map without its last row and column of windows.
  static func lastWindowMissing(_ value: Matrix) -> KnownMistake {
    KnownMistake(
      "the last row and column of windows are missing: a kernel of k along n has "
        + "(n - k) / stride + 1 positions",
      zh: "少了最后一行和最后一列窗口：长 k 的卷积核沿长 n 的边有 (n - k) / stride + 1 个位置",
      value)
  }

  @Test("E6.1 a 1 x 1 kernel scales the image; at stride 2 it keeps every other pixel")
  func oneByOneKernel() {
    expectMatrix(
      sharedCorrelation(Self.image, with: [[2]]), equals: 2 * Self.image,
      unlike: [
        Self.lastWindowMissing(
          Matrix(rows: 3, columns: 4) { i, j in 2 * Self.image[i, j] })
      ], said("stride 1", "步幅 1"))
    expectMatrix(
      sharedCorrelation(Self.image, with: [[-1]], stride: 2),
      equals: [[-3, -4, -5], [-5, -9, -9]],
      said("stride 2", "步幅 2"))
    // The dense matrix of a 1 x 1 kernel at stride 1 is the kernel times the identity.
    expectMatrix(
      tiedWeightMatrix(kernel: [[3]], inputRows: 2, inputColumns: 3),
      equals: Matrix(rows: 6, columns: 6) { i, j in i == j ? 3 : 0 }, said("dense", "稠密矩阵"))
  }

  @Test("E6.1 kernels larger than 3 x 3: a 4 x 4 of ones sums each window; 4 x 5 covers the image")
  func largeKernels() {
    // scipy.signal.correlate2d(image, numpy.ones((4, 4)), 'valid') = [[76, 77]]; image.sum() = 97.
    expectMatrix(
      sharedCorrelation(Self.image, with: Matrix(rows: 4, columns: 4, repeating: 1)),
      equals: [[76, 77]], said("4 x 4 of ones", "4 x 4 的全 1 卷积核"))
    expectMatrix(
      sharedCorrelation(Self.image, with: Matrix(rows: 4, columns: 5, repeating: 1)),
      equals: [[97]], said("4 x 5 of ones", "4 x 5 的全 1 卷积核"))
  }

  @Test("E3 sharedCorrelation of the 4x4 exercise gives [[2, -2], [-1, 1]]")
  func fourByFour() {
    expectMatrix(
      sharedCorrelation(Lecture.fourByFourImage, with: Lecture.fourByFourFilter),
      equals: Lecture.fourByFourAnswer)
  }

  @Test("E4.5 a 2x2 kernel on a 5x5 image: a 16 x 25 matrix, the kernel's copies in every row")
  func exerciseMatrix() {
    let dense = tiedWeightMatrix(kernel: [[1, 2], [3, 4]], inputRows: 5, inputColumns: 5)
    guard expectShape(dense, Shape(rows: 16, columns: 25)) else { return }
    // Output (i, j) is row 4i + j; its patch starts at pixel 5i + j.
    for (row, start) in [(0, 0), (1, 1), (5, 6), (15, 18)] {
      var expected = [Double](repeating: 0, count: 25)
      for (offset, value) in [(0, 1.0), (1, 2), (5, 3), (6, 4)] { expected[start + offset] = value }
      #expect(dense.rowArrays[row] == expected, Comment(rawValue: said("row \(row)", "第 \(row) 行")))
    }
    #expect(
      dense.elements.filter { $0 != 0 }.count == 64,
      Comment(rawValue: said("4 non-zeros in each of 16 rows", "16 行每行 4 个非零元素")))
  }

  /// The dense matrix of `kernel` on an `inputRows` × `inputColumns` input at `stride`, built
  /// with the given index rules: `row(i, j)` is the row of output (i, j), `column(i, j, k, l)`
  /// the column of its kernel entry (k, l); a known mistake is a rule of its own.
  static func dense(
    _ kernel: Matrix, inputRows: Int, inputColumns: Int, stride: Int, rows: Int,
    row: (Int, Int) -> Int, column: (Int, Int, Int, Int) -> Int
  ) -> Matrix {
    let m = (inputRows - kernel.rows) / stride + 1
    let n = (inputColumns - kernel.columns) / stride + 1
    var dense = Matrix(rows: rows, columns: inputRows * inputColumns)
    for i in 0..<m {
      for j in 0..<n {
        for k in 0..<kernel.rows {
          for l in 0..<kernel.columns { dense[row(i, j), column(i, j, k, l)] = kernel[k, l] }
        }
      }
    }
    return dense
  }

  @Test("E4.3 E4.5 a 2 x 3 kernel on a 4 x 7 input at stride 2: the 6 x 28 matrix, entry by entry")
  func denseEntries() {
    // 2 x 3 outputs; output (i, j) is row 3i + j, and its entry (k, l) sits at pixel
    // (2i + k, 2j + l), column (2i + k) · 7 + 2j + l.
    let kernel: Matrix = [[1, 2, 3], [4, 5, 6]]
    func built(_ row: (Int, Int) -> Int, _ column: (Int, Int, Int, Int) -> Int) -> Matrix {
      Self.dense(
        kernel, inputRows: 4, inputColumns: 7, stride: 2, rows: 6, row: row, column: column)
    }
    let expected = built({ 3 * $0 + $1 }, { i, j, k, l in (2 * i + k) * 7 + 2 * j + l })
    expectMatrix(
      tiedWeightMatrix(kernel: kernel, inputRows: 4, inputColumns: 7, stride: 2),
      equals: expected,
      unlike: [
        KnownMistake(
          "that is the transpose: a row per output and a column per input pixel, W · vec(x) = "
            + "vec(y)",
          zh: "这是转置：每个输出占一行，每个输入像素占一列，W · vec(x) = vec(y)",
          expected.transposed()),
        KnownMistake(
          "a pixel's column counted rows of inputRows pixels: pixel (r, c) is column "
            + "r · inputColumns + c",
          zh: "像素所在的列按每行 inputRows 个像素数了：像素 (r, c) 在第 r · inputColumns + c 列",
          built({ 3 * $0 + $1 }, { i, j, k, l in (2 * i + k) * 4 + 2 * j + l })),
        KnownMistake(
          "an output's row counted rows of outputRows outputs: output (i, j) is row "
            + "i · outputColumns + j",
          zh: "输出所在的行按每行 outputRows 个输出数了：输出 (i, j) 在第 i · outputColumns + j 行",
          built({ 2 * $0 + $1 }, { i, j, k, l in (2 * i + k) * 7 + 2 * j + l })),
        KnownMistake(
          "the stride is ignored: the patch of output (i, j) starts at pixel (i · stride, "
            + "j · stride)",
          zh: "忽略了步幅：输出 (i, j) 的图像块从像素 (i · stride, j · stride) 开始",
          built({ 3 * $0 + $1 }, { i, j, k, l in (i + k) * 7 + j + l })),
      ])
  }

  @Test("E6.8 each kernel entry sums its tied entries of a dense gradient (5 x 6 input, stride 2)")
  func kernelGradientEntries() {
    // numpy: D = arange(120).reshape(4, 30); G[k, l] = Σ_i Σ_j D[2i + j, (2i + k)·6 + 2j + l]
    // for the 2 x 2 outputs. The mistakes from the same loop: the last output alone, the
    // first alone, G / 4, and the columns (i + k)·6 + j + l.
    let gradient = tiedKernelGradient(
      Matrix(rows: 4, columns: 30) { Double(30 * $0 + $1) }, kernelRows: 2, kernelColumns: 3,
      inputRows: 5, inputColumns: 6, stride: 2)
    expectMatrix(
      gradient, equals: [[208, 212, 216], [232, 236, 240]],
      unlike: [
        KnownMistake(
          "each output overwrote the last: the tied gradients must add up",
          zh: "每个输出覆盖了前一个的梯度：共享权重的梯度要累加",
          [[104, 105, 106], [110, 111, 112]]),
        KnownMistake(
          "only the first output's copy was read: a kernel entry collects one gradient from "
            + "every output",
          zh: "只读了第一个输出那一份：卷积核的每一项要从每个输出各收一份梯度",
          [[0, 1, 2], [6, 7, 8]]),
        KnownMistake(
          "the tied gradients were averaged: a shared weight's gradient is their sum",
          zh: "共享权重的各个梯度取了平均：应为它们的和",
          [[52, 53, 54], [58, 59, 60]]),
        KnownMistake(
          "the stride is ignored: the patch of output (i, j) starts at pixel (i · stride, "
            + "j · stride)",
          zh: "忽略了步幅：输出 (i, j) 的图像块从像素 (i · stride, j · stride) 开始",
          [[194, 198, 202], [218, 222, 226]]),
      ])
  }

  /// Input rows, input columns, kernel rows, kernel columns, stride: kernels of 1 x 1, not
  /// square, and larger than 3 x 3, one as large as its input.
  static let shapes: [[Int]] = [
    [5, 6, 2, 3, 1], [5, 6, 2, 3, 2], [7, 7, 3, 3, 2], [6, 4, 1, 2, 3], [4, 5, 1, 1, 1],
    [5, 4, 1, 1, 2], [9, 8, 4, 5, 2], [6, 7, 5, 4, 1], [4, 6, 4, 6, 1],
  ]

  @Test(
    "E4.3 the dense matrix times the pixels (row by row) is the correlation",
    arguments: shapes)
  func denseEqualsCorrelation(_ shape: [Int]) {
    var generator = SeededGenerator(seed: UInt64(shape.reduce(0) { $0 * 10 + $1 }))
    let x = Matrix.random(rows: shape[0], columns: shape[1], using: &generator)
    let kernel = Matrix.random(rows: shape[2], columns: shape[3], using: &generator)
    let y = sharedCorrelation(x, with: kernel, stride: shape[4])
    let rows = (shape[0] - shape[2]) / shape[4] + 1
    let columns = (shape[1] - shape[3]) / shape[4] + 1
    guard expectShape(y, Shape(rows: rows, columns: columns), said("correlation", "互相关")) else {
      return
    }
    let dense = tiedWeightMatrix(
      kernel: kernel, inputRows: shape[0], inputColumns: shape[1], stride: shape[4])
    guard expectShape(dense, Shape(rows: rows * columns, columns: x.count), said("dense", "稠密矩阵"))
    else {
      return
    }
    let flat = Matrix(column: y.elements)
    expectMatrix(dense * Matrix(column: x.elements), equals: flat, tolerance: 1e-12)
  }

  @Test("E4.3 14x14 input, 4x4 patches: 576 weights at stride 2, 1936 at stride 1, 16 shared")
  func weightCounts() {
    let strideTwo = untiedWeightCount(inputSize: 14, patchSize: 4, stride: 2)
    if strideTwo == 1936 {
      fail(
        said(
          "probably: the stride is ignored: 6 x 6 patches at stride 2",
          "可能是：忽略了步幅：步幅 2 时只有 6 x 6 个图像块"))
    }
    if strideTwo == 36 {
      fail(
        said(
          "probably: the patches are counted, not their 16 weights each",
          "可能是：数的是图像块的个数，没有乘上每块的 16 个权重"))
    }
    #expect(strideTwo == 576)
    #expect(untiedWeightCount(inputSize: 14, patchSize: 4, stride: 1) == 1936)
    #expect(untiedWeightCount(inputSize: 14, patchSize: 4, stride: 3) == 256)
    #expect(untiedWeightCount(inputSize: 5, patchSize: 2, stride: 1) == 64)
    #expect(untiedWeightCount(inputSize: 15, patchSize: 5, stride: 2) == 900)
    // The dense matrix holds one weight per connection, and 16 distinct ones.
    let kernel = Matrix(rows: 4, columns: 4) { Double(4 * $0 + $1 + 1) }
    for (stride, connections) in [(2, 576), (1, 1936)] {
      let dense = tiedWeightMatrix(kernel: kernel, inputRows: 14, inputColumns: 14, stride: stride)
      let patches = connections / 16
      guard
        expectShape(
          dense, Shape(rows: patches, columns: 196), said("stride \(stride)", "步幅 \(stride)"))
      else {
        continue
      }
      #expect(
        dense.elements.filter { $0 != 0 }.count == connections,
        Comment(rawValue: said("stride \(stride)", "步幅 \(stride)")))
      #expect(
        Set(dense.elements.filter { $0 != 0 }).count == 16,
        Comment(rawValue: said("stride \(stride)", "步幅 \(stride)")))
    }
  }

  /// A square input, a square patch and a stride.
  struct Count: Sendable {
    let n: Int
    let k: Int
    let s: Int
  }

  static let counts: [Count] = (1...16).flatMap { n in
    (1...n).flatMap { k in (1...5).map { s in Count(n: n, k: k, s: s) } }
  }

  /// A count of weights k² · (patches per side)², given how a mistake counts one side.
  static func weights(_ perSide: @escaping @Sendable (Count) -> Int) -> @Sendable (Count) -> Int {
    { c in perSide(c) * perSide(c) * c.k * c.k }
  }

  @Test("E4.3 untiedWeightCount on every square input up to 16, every patch and strides 1 to 5")
  func everyWeightCount() {
    // One side's patches, counted one by one: they start at 0, s, 2s, ... while they fit.
    let perSide: @Sendable (Count) -> Int = { c in
      Array(Swift.stride(from: 0, through: c.n - c.k, by: c.s)).count
    }
    expectTable(
      Self.counts,
      { said("n = \($0.n), k = \($0.k), stride \($0.s)", "n = \($0.n)，k = \($0.k)，步幅 \($0.s)") },
      computed: { untiedWeightCount(inputSize: $0.n, patchSize: $0.k, stride: $0.s) },
      expected: Self.weights(perSide),
      unlike: [
        KnownRuleMistake(
          "the stride is ignored: a patch starts every stride pixels",
          zh: "忽略了步幅：每隔 stride 个像素才有一个图像块", Self.weights { $0.n - $0.k + 1 }),
        KnownRuleMistake(
          "the + 1 is missing: (n - k) / stride counts the steps, and the first patch comes "
            + "before any step",
          zh: "漏了 + 1：(n - k) / stride 数的是步数，第一个图像块不用走步",
          Self.weights { ($0.n - $0.k) / $0.s }),
        KnownRuleMistake(
          "the notes' (n - (k - 1)) / stride, exact only when the stride divides n - k + 1: "
            + "the count is (n - k) / stride + 1",
          zh: "用了笔记里的 (n - (k - 1)) / stride，只有步幅整除 n - k + 1 时才对：个数是 "
            + "(n - k) / stride + 1",
          Self.weights { ($0.n - $0.k + 1) / $0.s }),
        KnownRuleMistake(
          "the patches are counted, not their k² weights each",
          zh: "数的是图像块的个数，没有乘上每块的 k² 个权重",
          { c in perSide(c) * perSide(c) }),
        KnownRuleMistake(
          "one side's patches only: a square input has (patches per side)² of them",
          zh: "只数了一条边上的图像块：正方形输入有 (每边的图像块数)² 个",
          { c in perSide(c) * c.k * c.k }),
      ])
  }

  @Test("E6.8 every kernel entry collects one dense gradient per output, and no others")
  func countsTiedEntries() {
    // A dense gradient of ones: each kernel entry sums one 1 per output (2 x 2 = 4 here).
    let gradient = tiedKernelGradient(
      Matrix(rows: 4, columns: 30, repeating: 1), kernelRows: 2, kernelColumns: 3, inputRows: 5,
      inputColumns: 6, stride: 2)
    expectMatrix(
      gradient, equals: Matrix(rows: 2, columns: 3, repeating: 4),
      unlike: [
        KnownMistake(
          "the tied gradients were averaged: a shared weight's gradient is their sum",
          zh: "共享权重的各个梯度取了平均：应为它们的和",
          Matrix(rows: 2, columns: 3, repeating: 1)),
        KnownMistake(
          "each output overwrote the last: the tied gradients must add up",
          zh: "每个输出覆盖了前一个的梯度：共享权重的梯度要累加",
          Matrix(rows: 2, columns: 3, repeating: 1)),
      ])
  }

  @Test(
    "E6.8 the kernel's gradient is the sum of the gradients of the dense entries tied to it",
    arguments: shapes)
  func kernelGradient(_ shape: [Int]) {
    var generator = SeededGenerator(seed: UInt64(shape.reduce(7) { $0 * 10 + $1 }))
    let x = Matrix.random(rows: shape[0], columns: shape[1], using: &generator)
    let kernel = Matrix.random(rows: shape[2], columns: shape[3], using: &generator)
    let rows = (shape[0] - shape[2]) / shape[4] + 1
    let columns = (shape[1] - shape[3]) / shape[4] + 1
    let target = Matrix.random(rows: rows, columns: columns, using: &generator)
    // C = ½ ‖y - t‖²: for the dense layer y = W vec(x), ∂C/∂W = (y - t) vec(x)^T.
    func cost(_ k: Matrix) -> Double {
      let y = sharedCorrelation(x, with: k, stride: shape[4])
      guard y.shape == target.shape else { return .nan }
      return 0.5 * (y - target).hadamard(y - target).sum()
    }
    let y = sharedCorrelation(x, with: kernel, stride: shape[4])
    guard expectShape(y, target.shape, said("correlation", "互相关")) else { return }
    let denseGradient = Matrix(column: (y - target).elements) * Matrix([x.elements])
    let analytic = tiedKernelGradient(
      denseGradient, kernelRows: shape[2], kernelColumns: shape[3], inputRows: shape[0],
      inputColumns: shape[1], stride: shape[4])
    expectGradient(analytic, matches: numericalGradient(of: cost, at: kernel))
  }
}
