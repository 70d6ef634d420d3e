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
    // row and column of it, [::2, ::2].
    expectMatrix(
      sharedCorrelation(Self.image, with: Self.kernel),
      equals: [[19, 10, 16], [21, 22, 28], [4, 8, 14]], said("stride 1", "步幅 1"))
    expectMatrix(
      sharedCorrelation(Self.image, with: Self.kernel, stride: 2), equals: [[19, 16], [4, 14]],
      unlike: [
        KnownMistake(
          "the stride is ignored: the window of output (i, j) starts at (i * stride, j * stride)",
          zh: "忽略了步幅：输出 (i, j) 的窗口从 (i * stride, j * stride) 开始",
          [[19, 10], [21, 22]])
      ], said("stride 2", "步幅 2"))
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

  static let shapes: [[Int]] = [
    [5, 6, 2, 3, 1], [5, 6, 2, 3, 2], [7, 7, 3, 3, 2], [6, 4, 1, 2, 3],
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
