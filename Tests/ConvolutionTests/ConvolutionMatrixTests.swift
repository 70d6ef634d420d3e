import Convolution
import LectureKit
import TestSupport
import Testing

/// One configuration of a correlation: input shape, kernel shape, stride, padding.
struct WindowCase: Sendable, CustomStringConvertible {
  let input: Shape
  let kernel: Shape
  let stride: Int
  let padding: Padding
  /// The output shape, worked out by hand.
  let output: Shape

  var description: String {
    said(
      "\(input) input, \(kernel) kernel, stride \(stride), padding \(padding)",
      "\(input) 输入，\(kernel) 卷积核，步幅 \(stride)，填充 \(padding)")
  }

  /// Configurations that cover every way the windows can sit: padding per side, even kernels in
  /// same mode, strides that leave rows and columns over.
  static let all: [WindowCase] = [
    WindowCase(
      input: Shape(rows: 5, columns: 5), kernel: Shape(rows: 2, columns: 2), stride: 1,
      padding: .valid, output: Shape(rows: 4, columns: 4)),
    WindowCase(
      input: Shape(rows: 4, columns: 6), kernel: Shape(rows: 3, columns: 2), stride: 2,
      padding: .valid, output: Shape(rows: 1, columns: 3)),
    WindowCase(
      input: Shape(rows: 5, columns: 4), kernel: Shape(rows: 2, columns: 3), stride: 1,
      padding: .same, output: Shape(rows: 5, columns: 4)),
    WindowCase(
      input: Shape(rows: 3, columns: 4), kernel: Shape(rows: 2, columns: 3), stride: 1,
      padding: .full, output: Shape(rows: 4, columns: 6)),
    WindowCase(
      input: Shape(rows: 5, columns: 6), kernel: Shape(rows: 3, columns: 3), stride: 2,
      padding: .explicit(1), output: Shape(rows: 3, columns: 3)),
    WindowCase(
      input: Shape(rows: 6, columns: 5), kernel: Shape(rows: 2, columns: 2), stride: 3,
      padding: .explicit(top: 1, bottom: 0, left: 2, right: 1), output: Shape(rows: 2, columns: 3)),
    // 1 x 1 and one-row or one-column shapes: a rule written for one axis cannot pass.
    WindowCase(
      input: Shape(rows: 1, columns: 1), kernel: Shape(rows: 1, columns: 1), stride: 1,
      padding: .valid, output: Shape(rows: 1, columns: 1)),
    WindowCase(
      input: Shape(rows: 1, columns: 5), kernel: Shape(rows: 1, columns: 2), stride: 2,
      padding: .valid, output: Shape(rows: 1, columns: 2)),
    WindowCase(
      input: Shape(rows: 4, columns: 1), kernel: Shape(rows: 3, columns: 1), stride: 1,
      padding: .explicit(top: 0, bottom: 1, left: 0, right: 0), output: Shape(rows: 3, columns: 1)),
    // Kernels larger than 3 x 3: a 4 x 5 at stride 2 with a zero all round, a 4 x 4 in same mode.
    WindowCase(
      input: Shape(rows: 7, columns: 8), kernel: Shape(rows: 4, columns: 5), stride: 2,
      padding: .explicit(1), output: Shape(rows: 3, columns: 3)),
    WindowCase(
      input: Shape(rows: 5, columns: 6), kernel: Shape(rows: 4, columns: 4), stride: 1,
      padding: .same, output: Shape(rows: 5, columns: 6)),
  ]
}

@Suite("The matrix form of a correlation")
struct ConvolutionMatrixTests {
  @Test("E4.5 a 5x5 image and a 2x2 patch at stride 1: a 16x25 matrix, 4 non-zeros per row")
  func lectureExercise() {
    let patch: Matrix = [[1, 2], [3, 4]]
    let m = correlationMatrix(of: patch, inputShape: Shape(rows: 5, columns: 5))
    guard expectShape(m, Shape(rows: 16, columns: 25)) else { return }
    for row in 0..<16 {
      let nonZeros = (0..<25).filter { m[row, $0] != 0 }
      #expect(
        nonZeros.count == 4,
        Comment(
          rawValue: said(
            "row \(row) has non-zeros in columns \(nonZeros)",
            "第 \(row) 行的非零元素在第 \(nonZeros) 列")))
    }
    // Output (0, 0) reads pixels (0, 0), (0, 1), (1, 0), (1, 1): columns 0, 1, 5, 6.
    expectMatrix(
      Matrix([m.rowArrays[0]]),
      equals: Matrix([[1, 2, 0, 0, 0, 3, 4] + [Double](repeating: 0, count: 18)]),
      said("row 0", "第 0 行"))
    // Output (3, 3), the last, reads pixels (3, 3), (3, 4), (4, 3), (4, 4): columns 18, 19, 23, 24.
    expectMatrix(
      Matrix([m.rowArrays[15]]),
      equals: Matrix([[Double](repeating: 0, count: 18) + [1, 2, 0, 0, 0, 3, 4]]),
      said("row 15", "第 15 行"))
    // A corner pixel lies in one window, an edge pixel in two, an inner pixel in four.
    let windows = (0..<25).map { column in (0..<16).filter { m[$0, column] != 0 }.count }
    #expect(windows[0] == 1 && windows[2] == 2 && windows[12] == 4 && windows[24] == 1)
  }

  @Test("E4.5 a 3x3 image and a 2x2 kernel, written out: 4 x 9")
  func writtenOut() {
    expectMatrix(
      correlationMatrix(of: [[1, 2], [3, 4]], inputShape: Shape(rows: 3, columns: 3)),
      equals: [
        [1, 2, 0, 3, 4, 0, 0, 0, 0],
        [0, 1, 2, 0, 3, 4, 0, 0, 0],
        [0, 0, 0, 1, 2, 0, 3, 4, 0],
        [0, 0, 0, 0, 1, 2, 0, 3, 4],
      ],
      unlike: [
        KnownMistake(
          "the outputs are counted column by column: output (i, j) is row i * W' + j, row by row",
          zh: "输出是按列数的：输出 (i, j) 是第 i * W' + j 行，按行数",
          [
            [1, 2, 0, 3, 4, 0, 0, 0, 0],
            [0, 0, 0, 1, 2, 0, 3, 4, 0],
            [0, 1, 2, 0, 3, 4, 0, 0, 0],
            [0, 0, 0, 0, 1, 2, 0, 3, 4],
          ]),
        KnownMistake(
          "the kernel is flipped: that is the matrix of the convolution, correlation does not flip",
          zh: "卷积核翻转了：这是卷积的矩阵，互相关不翻转",
          [
            [4, 3, 0, 2, 1, 0, 0, 0, 0],
            [0, 4, 3, 0, 2, 1, 0, 0, 0],
            [0, 0, 0, 4, 3, 0, 2, 1, 0],
            [0, 0, 0, 0, 4, 3, 0, 2, 1],
          ]),
      ])
  }

  @Test(
    "E4.5 E4.2 stride 2 and one zero all round, written out: 4 x 9, the padding's entries left out")
  func writtenOutStrideAndPadding() {
    // Row i * 2 + j holds w[p + 1 - 2i, q + 1 - 2j] in column p * 3 + q; checked against
    // scipy.signal.correlate2d(np.pad(x, 1), w, 'valid')[::2, ::2] for x = 1 ... 9.
    // The mistakes: the same without the margins (p = 2i + k, q = 2j + l), and with stride 1
    // (p = i + k - 1, q = j + l - 1).
    expectMatrix(
      correlationMatrix(
        of: [[1, 2], [3, 4]], inputShape: Shape(rows: 3, columns: 3), stride: 2,
        padding: .explicit(1)),
      equals: [
        [4, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 3, 4, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 2, 0, 0, 4, 0, 0],
        [0, 0, 0, 0, 1, 2, 0, 3, 4],
      ],
      unlike: [
        KnownMistake(
          "the padding is left out: pixel (p, q) lies under kernel entry (p + top - i * stride, "
            + "q + left - j * stride)",
          zh: "漏了填充：像素 (p, q) 对着卷积核的元素 (p + top - i * stride, q + left - j * stride)",
          [
            [1, 2, 0, 3, 4, 0, 0, 0, 0],
            [0, 0, 1, 0, 0, 3, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 1, 2, 0],
            [0, 0, 0, 0, 0, 0, 0, 0, 1],
          ]),
        KnownMistake.strideIgnored([
          [4, 0, 0, 0, 0, 0, 0, 0, 0],
          [3, 4, 0, 0, 0, 0, 0, 0, 0],
          [2, 0, 0, 4, 0, 0, 0, 0, 0],
          [1, 2, 0, 3, 4, 0, 0, 0, 0],
        ]),
      ])
  }

  @Test("E4.5 with same padding the matrix is d² x d², as the notes say; padding drops entries")
  func samePadding() {
    let m = correlationMatrix(
      of: Lecture.diagonalFilter, inputShape: Shape(rows: 4, columns: 4), padding: .same)
    guard expectShape(m, Shape(rows: 16, columns: 16)) else { return }
    // Output (0, 0) sits on the top-left corner: only the kernel's lower-right 2x2 is on pixels.
    expectMatrix(
      Matrix([m.rowArrays[0]]),
      equals: Matrix([[1, -1, 0, 0, -1, 1] + [Double](repeating: 0, count: 10)]),
      said("row 0", "第 0 行"))
  }

  @Test("E4.5 M times the flattened image is the flattened correlation", arguments: WindowCase.all)
  func timesImage(_ example: WindowCase) {
    var generator = SeededGenerator(seed: UInt64(example.input.rows * 10 + example.input.columns))
    let image = Matrix.random(
      rows: example.input.rows, columns: example.input.columns, using: &generator)
    let kernel = Matrix.random(
      rows: example.kernel.rows, columns: example.kernel.columns, using: &generator)
    let m = correlationMatrix(
      of: kernel, inputShape: example.input, stride: example.stride, padding: example.padding)
    let outputs = example.output.rows * example.output.columns
    guard expectShape(m, Shape(rows: outputs, columns: image.count), "\(example)") else { return }
    let product = m * Matrix(column: image.elements)
    let correlation = correlate(
      image, with: kernel, stride: example.stride, padding: example.padding)
    guard expectShape(correlation, example.output, "\(example): correlate") else { return }
    expectMatrix(
      product, equals: Matrix(column: correlation.elements), tolerance: 1e-12, "\(example)")
  }
}
