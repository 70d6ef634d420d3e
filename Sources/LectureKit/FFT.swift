import Foundation

/// A complex number, for the discrete Fourier transform.
public struct Complex: Sendable, Hashable, CustomStringConvertible {
  public var real: Double
  public var imaginary: Double

  public init(_ real: Double, _ imaginary: Double = 0) {
    self.real = real
    self.imaginary = imaginary
  }

  /// e^(iθ) = cos θ + i sin θ.
  public static func unit(angle theta: Double) -> Complex {
    Complex(cos(theta), sin(theta))
  }

  /// The complex conjugate: the imaginary part negated.
  public var conjugate: Complex { Complex(real, -imaginary) }

  public static func + (a: Complex, b: Complex) -> Complex {
    Complex(a.real + b.real, a.imaginary + b.imaginary)
  }

  public static func - (a: Complex, b: Complex) -> Complex {
    Complex(a.real - b.real, a.imaginary - b.imaginary)
  }

  public static func * (a: Complex, b: Complex) -> Complex {
    Complex(
      a.real * b.real - a.imaginary * b.imaginary, a.real * b.imaginary + a.imaginary * b.real)
  }

  public static func * (a: Complex, scale: Double) -> Complex {
    Complex(a.real * scale, a.imaginary * scale)
  }

  public var description: String { "\(real) + \(imaginary)i" }
}

/// The discrete Fourier transform of `x`, in O(N log N) for every length N.
///
/// ```
/// X[k] = Σ_n x[n] · e^(-2πi·k·n / N)
/// ```
/// A length that is a power of two goes through the radix-2 Cooley–Tukey recursion; any other
/// length through Bluestein's algorithm, which writes the transform as a convolution of a
/// length that is a power of two. Lecture: `004`, section 5.1, "Convolution is fast".
/// - Complexity: O(N log N) for N entries.
public func fft(_ x: [Complex]) -> [Complex] {
  let n = x.count
  if n <= 1 { return x }
  return n & (n - 1) == 0 ? radix2(x) : bluestein(x)
}

/// The inverse transform: `inverseFFT(fft(x)) == x` up to rounding.
///
/// ```
/// x[n] = (1/N) Σ_k X[k] · e^(2πi·k·n / N)
/// ```
/// - Complexity: O(N log N) for N entries.
public func inverseFFT(_ spectrum: [Complex]) -> [Complex] {
  guard !spectrum.isEmpty else { return [] }
  let scale = 1 / Double(spectrum.count)
  return fft(spectrum.map(\.conjugate)).map { $0.conjugate * scale }
}

/// The circular convolution of two sequences of one length N, through the FFT: the product of
/// their transforms, transformed back (the convolution theorem).
///
/// ```
/// (x ⊛ w)[i] = Σ_j w[j] · x[(i - j) mod N]
/// ```
/// Indices wrap around: what falls off the end comes back at the start. Zero-padding both to at
/// least n + k - 1 entries first leaves nothing to wrap, so the result is then the ordinary
/// (linear) convolution.
/// - Precondition: `x.count == w.count`.
/// - Complexity: O(N log N) for two sequences of N entries.
public func circularConvolution(_ x: [Double], _ w: [Double]) -> [Double] {
  require(
    x.count == w.count,
    "circular convolution needs two sequences of one length, not \(x.count) and \(w.count)")
  let product = zip(fft(x.map { Complex($0) }), fft(w.map { Complex($0) })).map { $0 * $1 }
  return inverseFFT(product).map(\.real)
}

/// The 2D circular convolution of two matrices of one shape, through the 2D FFT (the 1D
/// transform of every row, then of every column).
///
/// ```
/// (x ⊛ w)[i, j] = Σ_k Σ_l w[k, l] · x[(i - k) mod H, (j - l) mod W]
/// ```
/// - Precondition: `x` and `w` have the same shape.
/// - Complexity: O(H·W·log(H·W)) for two H × W matrices.
public func circularConvolution(_ x: Matrix, _ w: Matrix) -> Matrix {
  if let mark = firstUnwritten(x, w) { return .placeholder(mark) }
  require(
    x.shape == w.shape,
    "circular convolution needs two matrices of one shape, not \(x.shape) and \(w.shape)")
  let spectrumX = fft2D(complexRows(x), inverse: false)
  let spectrumW = fft2D(complexRows(w), inverse: false)
  let product = zip(spectrumX, spectrumW).map { zip($0, $1).map { $0 * $1 } }
  let rows = fft2D(product, inverse: true)
  return Matrix(rows: x.rows, columns: x.columns) { i, j in rows[i][j].real }
}

private func complexRows(_ x: Matrix) -> [[Complex]] {
  x.rowArrays.map { $0.map { Complex($0) } }
}

/// The 2D transform: every row, then every column.
private func fft2D(_ rows: [[Complex]], inverse: Bool) -> [[Complex]] {
  let transform = inverse ? inverseFFT : fft
  let byRow = rows.map(transform)
  guard let width = byRow.first?.count else { return byRow }
  let byColumn = (0..<width).map { j in transform(byRow.map { $0[j] }) }
  return (0..<byRow.count).map { i in byColumn.map { $0[i] } }
}

/// Cooley–Tukey: the transform of the even-indexed and of the odd-indexed entries, combined.
private func radix2(_ x: [Complex]) -> [Complex] {
  let n = x.count
  if n == 1 { return x }
  let even = radix2(stride(from: 0, to: n, by: 2).map { x[$0] })
  let odd = radix2(stride(from: 1, to: n, by: 2).map { x[$0] })
  var spectrum = [Complex](repeating: Complex(0), count: n)
  for k in 0..<(n / 2) {
    let twiddled = Complex.unit(angle: -2 * Double.pi * Double(k) / Double(n)) * odd[k]
    spectrum[k] = even[k] + twiddled
    spectrum[k + n / 2] = even[k] - twiddled
  }
  return spectrum
}

/// Bluestein: with k·n = (k² + n² - (k - n)²) / 2, the transform of any length N is a chirp
/// times a convolution with a chirp, which a power-of-two FFT of length ≥ 2N - 1 computes.
private func bluestein(_ x: [Complex]) -> [Complex] {
  let n = x.count
  // chirp[k] = e^(-πi·k²/N); k² is reduced modulo 2N so that the angle stays accurate.
  let chirp = (0..<n).map { k in
    Complex.unit(angle: -Double.pi * Double((k * k) % (2 * n)) / Double(n))
  }
  var m = 1
  while m < 2 * n - 1 { m *= 2 }
  var a = [Complex](repeating: Complex(0), count: m)
  var b = [Complex](repeating: Complex(0), count: m)
  for k in 0..<n {
    a[k] = x[k] * chirp[k]
    b[k] = chirp[k].conjugate
    if k > 0 { b[m - k] = chirp[k].conjugate }
  }
  let convolution = inverseFFT(zip(radix2(a), radix2(b)).map { $0 * $1 })
  return (0..<n).map { k in chirp[k] * convolution[k] }
}
