import FastConvolution
import LectureKit
import TestSupport
import Testing

@Suite("The real 2D FFT: sizes with factors 2, 3 and 5, circular correlation")
struct RealFFT2DTests {
  /// c[d1, d2] = Σ_k Σ_l w[k, l] · x[(d1 + k) mod N1, (d2 + l) mod N2], by its definition.
  static func circularCorrelation(_ x: Matrix, _ w: Matrix, rows: Int, columns: Int) -> Matrix {
    Matrix(rows: rows, columns: columns) { d1, d2 in
      var sum = 0.0
      for k in 0..<w.rows {
        for l in 0..<w.columns {
          let (p, q) = ((d1 + k) % rows, (d2 + l) % columns)
          if p < x.rows && q < x.columns { sum += w[k, l] * x[p, q] }
        }
      }
      return sum
    }
  }

  static let sizes: [Shape] = [
    Shape(rows: 2, columns: 1), Shape(rows: 2, columns: 2), Shape(rows: 4, columns: 3),
    Shape(rows: 6, columns: 5), Shape(rows: 8, columns: 16), Shape(rows: 10, columns: 9),
    Shape(rows: 12, columns: 25), Shape(rows: 30, columns: 8), Shape(rows: 50, columns: 27),
    Shape(rows: 18, columns: 60), Shape(rows: 64, columns: 6), Shape(rows: 250, columns: 2),
  ]

  @Test("circular correlation on every grid point, against the definition", arguments: sizes)
  func matchesDefinition(_ size: Shape) {
    var generator = SeededGenerator(seed: UInt64(size.rows * 1000 + size.columns))
    let x = Matrix.random(
      rows: (size.rows + 1) / 2 + 1, columns: size.columns, in: -1...1, using: &generator)
    let w = Matrix.random(
      rows: min(3, size.rows), columns: min(4, size.columns), in: -1...1, using: &generator)
    let transform = RealFFT2D(rows: size.rows, columns: size.columns)
    let c = transform.circularCorrelation(
      of: x, with: w, firstRow: 0, firstColumn: 0, stride: 1, outputRows: size.rows,
      outputColumns: size.columns)
    expectMatrix(
      c, equals: Self.circularCorrelation(x, w, rows: size.rows, columns: size.columns),
      tolerance: 1e-12, "\(size)")
  }

  @Test("the grid: negative first offsets wrap around, strides skip")
  func grid() {
    var generator = SeededGenerator(seed: 3)
    let x = Matrix.random(rows: 5, columns: 7, in: -1...1, using: &generator)
    let w = Matrix.random(rows: 2, columns: 3, in: -1...1, using: &generator)
    let full = Self.circularCorrelation(x, w, rows: 6, columns: 10)
    let transform = RealFFT2D(rows: 6, columns: 10)
    for (first, stride) in [(-2, 1), (-7, 3), (4, 2), (0, 11)] {
      let (rows, columns) = (8, 9)
      let sampled = transform.circularCorrelation(
        of: x, with: w, firstRow: first, firstColumn: first + 1, stride: stride,
        outputRows: rows, outputColumns: columns)
      let expected = Matrix(rows: rows, columns: columns) { i, j in
        let r = ((first + i * stride) % 6 + 6) % 6
        let c = ((first + 1 + j * stride) % 10 + 10) % 10
        return full[r, c]
      }
      expectMatrix(sampled, equals: expected, tolerance: 1e-12, "first \(first), stride \(stride)")
    }
  }

  @Test("fast lengths: the smallest 2^a·3^b·5^c at least n, even when asked")
  func fastLengths() {
    #expect(RealFFT2D.fastLength(atLeast: 542) == 576)
    #expect(RealFFT2D.fastLength(atLeast: 513) == 540)
    #expect(RealFFT2D.fastLength(atLeast: 512) == 512)
    #expect(RealFFT2D.fastLength(atLeast: 7) == 8)
    #expect(RealFFT2D.fastLength(atLeast: 15, even: true) == 16)
    #expect(RealFFT2D.fastLength(atLeast: 0) == 1)
    #expect(RealFFT2D.fastLength(atLeast: 1, even: true) == 2)
    for n in 1...600 {
      for even in [false, true] {
        let length = RealFFT2D.fastLength(atLeast: n, even: even)
        let smallest = (n...).first { RealFFT2D.isFast($0) && (!even || $0 % 2 == 0) }
        #expect(length == smallest, "n = \(n), even: \(even)")
      }
    }
    #expect(!RealFFT2D.isFast(542) && !RealFFT2D.isFast(0) && RealFFT2D.isFast(1))
  }
}
