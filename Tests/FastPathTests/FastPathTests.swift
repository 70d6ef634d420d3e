import Convolution
import FastConvolution
import LectureKit
import TestSupport
import Testing

/// The fast paths of the Convolution chapter, `fastCorrelate` and `fftCorrelate`, against a plain
/// loop written here: given code, so these tests pass on both tracks (on the solutions track they
/// also check the chapter's own plain loop, `correlate`).
@Suite("Fast paths: the streaming loop and the FFT agree with the plain loop")
struct FastPathTests {
  /// One random problem: an image, a kernel, a stride and a padding.
  struct Case: Sendable, CustomStringConvertible {
    var input: Matrix
    var kernel: Matrix
    var stride: Int
    var padding: Padding

    var description: String {
      "\(input.shape) image, \(kernel.shape) kernel, stride \(stride), padding \(padding)"
    }
  }

  /// y[i, j] = Σ_k Σ_l w[k, l] · x̃[i·s + k, j·s + l], with x̃ read through the margins.
  static func plainCorrelate(_ x: Matrix, _ w: Matrix, stride s: Int, padding: Padding) -> Matrix {
    let m = padding.margins(forKernel: w.shape)
    let rows = (m.top + x.rows + m.bottom - w.rows) / s + 1
    let columns = (m.left + x.columns + m.right - w.columns) / s + 1
    return Matrix(rows: rows, columns: columns) { i, j in
      var sum = 0.0
      for k in 0..<w.rows {
        for l in 0..<w.columns {
          let (p, q) = (i * s + k - m.top, j * s + l - m.left)
          if p >= 0 && p < x.rows && q >= 0 && q < x.columns { sum += w[k, l] * x[p, q] }
        }
      }
      return sum
    }
  }

  /// A random problem of at most `size` rows and columns whose kernel fits its padded input.
  static func randomCase(size: Int, using generator: inout SeededGenerator) -> Case {
    while true {
      let input = Matrix.random(
        rows: Int.random(in: 1...size, using: &generator),
        columns: Int.random(in: 1...size, using: &generator), in: -1...1, using: &generator)
      let kernel = Matrix.random(
        rows: Int.random(in: 1...min(size, 9), using: &generator),
        columns: Int.random(in: 1...min(size, 9), using: &generator), in: -1...1,
        using: &generator)
      let stride = Int.random(in: 1...3, using: &generator)
      let paddings: [Padding] =
        [
          .valid, .explicit(Int.random(in: 1...3, using: &generator)),
          .explicit(
            top: Int.random(in: 0...11, using: &generator),
            bottom: Int.random(in: 0...4, using: &generator),
            left: Int.random(in: 0...4, using: &generator),
            right: Int.random(in: 0...11, using: &generator)),
        ] + (stride == 1 ? [.same, .full] : [])
      let padding = paddings.randomElement(using: &generator)!
      let padded = padding.margins(forKernel: kernel.shape).padded(input.shape)
      if kernel.rows <= padded.rows && kernel.columns <= padded.columns {
        return Case(input: input, kernel: kernel, stride: stride, padding: padding)
      }
    }
  }

  static func check(_ problem: Case, sourceLocation: SourceLocation = #_sourceLocation) {
    let (x, w, s, p) = (problem.input, problem.kernel, problem.stride, problem.padding)
    let expected = plainCorrelate(x, w, stride: s, padding: p)
    let context = "\(problem)"
    expectMatrix(
      fastCorrelate(x, with: w, stride: s, padding: p), equals: expected, tolerance: 1e-9,
      "fast loop, " + context, sourceLocation: sourceLocation)
    expectMatrix(
      fftCorrelate(x, with: w, stride: s, padding: p), equals: expected, tolerance: 1e-9,
      "FFT, " + context, sourceLocation: sourceLocation)
    if ConvolutionChapter.track == .solutions {
      expectMatrix(
        correlate(x, with: w, stride: s, padding: p), equals: expected, tolerance: 1e-9,
        "reference plain loop, " + context, sourceLocation: sourceLocation)
    }
  }

  @Test("small random images, kernels, strides 1 to 3 and every kind of padding", arguments: 0..<30)
  func smallRandom(_ seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    for _ in 0..<10 { Self.check(Self.randomCase(size: 12, using: &generator)) }
  }

  @Test("larger random problems: FFT sides with factors 2, 3 and 5", arguments: 0..<6)
  func largerRandom(_ seed: Int) {
    var generator = SeededGenerator(seed: UInt64(1000 + seed))
    Self.check(Self.randomCase(size: 48, using: &generator))
  }

  @Test("kernels of every width from 1 to 31 (the loop takes entries four at a time)")
  func everyKernelWidth() {
    var generator = SeededGenerator(seed: 7)
    for width in 1...31 {
      let input = Matrix.random(rows: 3, columns: 36, in: -1...1, using: &generator)
      let kernel = Matrix.random(rows: 2, columns: width, in: -1...1, using: &generator)
      for stride in 1...2 {
        Self.check(Case(input: input, kernel: kernel, stride: stride, padding: .valid))
      }
      Self.check(Case(input: input, kernel: kernel, stride: 1, padding: .same))
    }
  }

  @Test(
    "two threads give the same result as one, bit for bit: the FFT and the fast loop",
    arguments: [
      (300, 260, 9, 1, Padding.valid), (257, 300, 31, 2, .explicit(3)), (64, 600, 4, 1, .same),
    ])
  func threads(_ rows: Int, _ columns: Int, _ k: Int, _ stride: Int, _ padding: Padding) {
    var generator = SeededGenerator(seed: UInt64(rows * columns + k))
    let x = Matrix.random(rows: rows, columns: columns, in: -1...1, using: &generator)
    let w = Matrix.random(rows: k, columns: k, in: -1...1, using: &generator)
    let one = fftCorrelate(x, with: w, stride: stride, padding: padding, threads: .one)
    let two = fftCorrelate(x, with: w, stride: stride, padding: padding, threads: .count(2))
    #expect(one.elements == two.elements && one.shape == two.shape, "the FFT")
    let fastOne = fastCorrelate(x, with: w, stride: stride, padding: padding, threads: .one)
    let fastTwo = fastCorrelate(x, with: w, stride: stride, padding: padding, threads: .count(2))
    #expect(fastOne.elements == fastTwo.elements && fastOne.shape == fastTwo.shape, "the loop")
    expectMatrix(two, equals: fastOne, tolerance: 1e-9, "the FFT against the loop")
  }

  @Test("windows wholly inside the padding are zero")
  func windowsInPadding() {
    var generator = SeededGenerator(seed: 11)
    let input = Matrix.random(rows: 3, columns: 4, in: -1...1, using: &generator)
    let kernel = Matrix.random(rows: 2, columns: 2, in: -1...1, using: &generator)
    for padding in [Padding.explicit(5), .explicit(top: 9, bottom: 0, left: 0, right: 7)] {
      for stride in 1...3 {
        Self.check(Case(input: input, kernel: kernel, stride: stride, padding: padding))
      }
    }
    let empty = Matrix(rows: 0, columns: 3)
    Self.check(Case(input: empty, kernel: kernel, stride: 1, padding: .explicit(2)))
    Self.check(
      Case(input: Matrix(rows: 2, columns: 0), kernel: kernel, stride: 2, padding: .explicit(1)))
  }

  @Test("the lecture's X and its diagonal filter, exactly in ninths on both fast paths [E4.6]")
  func lectureX() {
    let expected = Self.plainCorrelate(
      Lecture.xImage, Lecture.diagonalFilter, stride: 1, padding: .valid)
    expectMatrix(fastCorrelate(Lecture.xImage, with: Lecture.diagonalFilter), equals: expected)
    expectMatrix(
      fftCorrelate(Lecture.xImage, with: Lecture.diagonalFilter), equals: expected,
      tolerance: 1e-12)
  }

  @Test("a placeholder goes through both fast paths as a placeholder")
  func placeholders() {
    let stub = Matrix.unwritten("example", in: "Exercises/Example.swift")
    #expect(fastCorrelate(stub, with: [[1]]).isPlaceholder)
    #expect(fftCorrelate([[1]], with: stub).isPlaceholder)
  }
}
