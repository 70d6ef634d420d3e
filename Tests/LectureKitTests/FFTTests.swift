import Foundation
import LectureKit
import TestSupport
import Testing

@Suite("The FFT and circular convolution")
struct FFTTests {
  /// The transform by its definition, O(N²): X[k] = Σ_n x[n] · e^(-2πi·k·n / N).
  static func dft(_ x: [Complex]) -> [Complex] {
    let n = x.count
    return (0..<n).map { k in
      (0..<n).reduce(Complex(0)) { sum, m in
        sum + x[m] * Complex.unit(angle: -2 * Double.pi * Double(k * m % n) / Double(n))
      }
    }
  }

  static func random(_ count: Int, seed: UInt64) -> [Complex] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      Complex(
        Double.random(in: -1...1, using: &generator), Double.random(in: -1...1, using: &generator))
    }
  }

  static func distance(_ a: [Complex], _ b: [Complex]) -> Double {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { hypot($0.real - $1.real, $0.imaginary - $1.imaginary) }.max() ?? 0
  }

  @Test(
    "the FFT is the DFT, for powers of two (radix 2) and other lengths (Bluestein)",
    arguments: Array(1...17) + [31, 64, 100])
  func matchesDefinition(_ n: Int) {
    let x = Self.random(n, seed: UInt64(n))
    #expect(Self.distance(fft(x), Self.dft(x)) < 1e-10, "length \(n)")
  }

  @Test("the inverse undoes the transform", arguments: [1, 2, 5, 8, 12, 13])
  func roundTrip(_ n: Int) {
    let x = Self.random(n, seed: UInt64(100 + n))
    #expect(Self.distance(inverseFFT(fft(x)), x) < 1e-12, "length \(n)")
    #expect(fft([]).isEmpty && inverseFFT([]).isEmpty)
  }

  @Test("circular convolution wraps indices around, 1D", arguments: [1, 2, 3, 6, 7, 8])
  func circular1D(_ n: Int) {
    var generator = SeededGenerator(seed: UInt64(200 + n))
    let x = (0..<n).map { _ in Double.random(in: -1...1, using: &generator) }
    let w = (0..<n).map { _ in Double.random(in: -1...1, using: &generator) }
    let expected = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + w[$1] * x[(i - $1 + n) % n] } }
    let computed = circularConvolution(x, w)
    #expect(computed.count == n)
    #expect(zip(computed, expected).allSatisfy { abs($0 - $1) < 1e-12 }, "\(computed) \(expected)")
  }

  @Test("circular convolution wraps indices around, 2D")
  func circular2D() {
    var generator = SeededGenerator(seed: 300)
    let x = Matrix.random(rows: 3, columns: 5, using: &generator)
    let w = Matrix.random(rows: 3, columns: 5, using: &generator)
    let expected = Matrix(rows: 3, columns: 5) { i, j in
      var sum = 0.0
      for k in 0..<3 {
        for l in 0..<5 { sum += w[k, l] * x[(i - k + 3) % 3, (j - l + 5) % 5] }
      }
      return sum
    }
    expectMatrix(circularConvolution(x, w), equals: expected, tolerance: 1e-12)
  }
}
