import Foundation
import LectureKit

// The butterflies of ``BatchedFFT``: one stage of radix p reads p blocks of `block` contiguous
// complex numbers, L/p blocks apart, and writes p adjacent blocks:
//
//     y[p·j + k] = w^(j·k) · Σ_r x[j + r·L/p] · e^(∓2πi·r·k / p)      (k < p)
//
// with x and y split into real and imaginary arrays. The sums over r are written out by hand
// for each radix (the small DFTs of sizes 2, 3, 4, 5), four neighbouring columns at a time in
// SIMD lanes: the compiler cannot prove that the blocks do not overlap, so it would not
// vectorise these loops on its own. Blocks are multiples of four entries long
// (``BatchedFFT/transform(_:batch:inverse:)`` pads its slabs).

/// Four doubles, processed by one or two vector instructions.
typealias Lanes = SIMD4<Double>

/// Four complex numbers, split into real and imaginary lanes.
struct ComplexLanes {
  var re: Lanes
  var im: Lanes

  @inline(__always)
  static func + (a: ComplexLanes, b: ComplexLanes) -> ComplexLanes {
    ComplexLanes(re: a.re + b.re, im: a.im + b.im)
  }

  @inline(__always)
  static func - (a: ComplexLanes, b: ComplexLanes) -> ComplexLanes {
    ComplexLanes(re: a.re - b.re, im: a.im - b.im)
  }

  /// Times the real number c.
  @inline(__always)
  func scaled(_ c: Double) -> ComplexLanes { ComplexLanes(re: re * c, im: im * c) }

  /// Times i·c for a real c: (a + ib) · ic = -c·b + i·c·a.
  @inline(__always)
  func timesI(_ c: Double) -> ComplexLanes { ComplexLanes(re: im * -c, im: re * c) }

  /// Times the complex number w = (w.0, w.1).
  @inline(__always)
  func times(_ w: (Double, Double)) -> ComplexLanes {
    ComplexLanes(re: re * w.0 - im * w.1, im: re * w.1 + im * w.0)
  }
}

extension SplitComplex {
  @inline(__always)
  subscript(offset: Int) -> ComplexLanes {
    get {
      ComplexLanes(
        re: UnsafeRawPointer(real + offset).loadUnaligned(as: Lanes.self),
        im: UnsafeRawPointer(imaginary + offset).loadUnaligned(as: Lanes.self))
    }
    nonmutating set {
      UnsafeMutableRawPointer(real + offset).storeBytes(of: newValue.re, as: Lanes.self)
      UnsafeMutableRawPointer(imaginary + offset).storeBytes(of: newValue.im, as: Lanes.self)
    }
  }

  /// The entry at `offset` alone, in the first lane.
  @inline(__always)
  func single(_ offset: Int) -> ComplexLanes {
    ComplexLanes(re: Lanes(real[offset], 0, 0, 0), im: Lanes(imaginary[offset], 0, 0, 0))
  }
}

/// Copies an a × b block transposed: entry j of source row i (at `source(i) + j`) goes to entry
/// i of target row j (`target(j) + i`), for i < a and j < b. Four rows by four entries at a
/// time, through SIMD lanes: the slabs' loads and stores that turn rows into columns.
@inline(__always)
func transposed(
  _ a: Int, _ b: Int, from source: (Int) -> UnsafePointer<Double>,
  to target: (Int) -> UnsafeMutablePointer<Double>
) {
  var i = 0
  while i + 4 <= a {
    let (s0, s1, s2, s3) = (source(i), source(i + 1), source(i + 2), source(i + 3))
    var j = 0
    while j + 4 <= b {
      let r0 = UnsafeRawPointer(s0 + j).loadUnaligned(as: Lanes.self)
      let r1 = UnsafeRawPointer(s1 + j).loadUnaligned(as: Lanes.self)
      let r2 = UnsafeRawPointer(s2 + j).loadUnaligned(as: Lanes.self)
      let r3 = UnsafeRawPointer(s3 + j).loadUnaligned(as: Lanes.self)
      for k in 0..<4 {
        UnsafeMutableRawPointer(target(j + k) + i).storeBytes(
          of: Lanes(r0[k], r1[k], r2[k], r3[k]), as: Lanes.self)
      }
      j += 4
    }
    while j < b {
      let t = target(j) + i
      (t[0], t[1], t[2], t[3]) = (s0[j], s1[j], s2[j], s3[j])
      j += 1
    }
    i += 4
  }
  while i < a {
    let s = source(i)
    for j in 0..<b { target(j)[i] = s[j] }
    i += 1
  }
}

/// y[2j] = x[j] + x[j + L/2];  y[2j + 1] = w^j · (x[j] - x[j + L/2]).
func radix2(
  _ x: SplitComplex, _ y: SplitComplex, span: Int, block: Int, _ twiddles: Twiddles
) {
  let m = span / 2
  for j in 0..<m {
    let w1 = twiddles[j]
    let (a0, a1, y0) = (j * block, (j + m) * block, 2 * j * block)
    for t in Swift.stride(from: 0, to: block, by: Lanes.scalarCount) {
      let (x0, x1) = (x[a0 + t], x[a1 + t])
      y[y0 + t] = x0 + x1
      y[y0 + block + t] = (x0 - x1).times(w1)
    }
  }
}

/// The DFT of 4 entries, e^(∓2πi/4) = ∓i: no multiplications inside the butterfly.
func radix4(
  _ x: SplitComplex, _ y: SplitComplex, span: Int, block: Int, _ twiddles: Twiddles
) {
  let m = span / 4
  let minusI = -twiddles.direction
  for j in 0..<m {
    let (w1, w2, w3) = (twiddles[3 * j], twiddles[3 * j + 1], twiddles[3 * j + 2])
    let (a0, a1, a2, a3) = (j * block, (j + m) * block, (j + 2 * m) * block, (j + 3 * m) * block)
    let y0 = 4 * j * block
    for t in Swift.stride(from: 0, to: block, by: Lanes.scalarCount) {
      let (x0, x1, x2, x3) = (x[a0 + t], x[a1 + t], x[a2 + t], x[a3 + t])
      let (sum02, difference02, sum13) = (x0 + x2, x0 - x2, x1 + x3)
      let turned13 = (x1 - x3).timesI(minusI)
      y[y0 + t] = sum02 + sum13
      y[y0 + block + t] = (difference02 + turned13).times(w1)
      y[y0 + 2 * block + t] = (sum02 - sum13).times(w2)
      y[y0 + 3 * block + t] = (difference02 - turned13).times(w3)
    }
  }
}

/// The DFT of 3 entries: e^(∓2πi/3) = -1/2 ∓ i·√3/2.
func radix3(
  _ x: SplitComplex, _ y: SplitComplex, span: Int, block: Int, _ twiddles: Twiddles
) {
  let m = span / 3
  let sine = -twiddles.direction * (3.0).squareRoot() / 2
  for j in 0..<m {
    let (w1, w2) = (twiddles[2 * j], twiddles[2 * j + 1])
    let (a0, a1, a2) = (j * block, (j + m) * block, (j + 2 * m) * block)
    let y0 = 3 * j * block
    for t in Swift.stride(from: 0, to: block, by: Lanes.scalarCount) {
      let (x0, x1, x2) = (x[a0 + t], x[a1 + t], x[a2 + t])
      let sum = x1 + x2
      let middle = x0 - sum.scaled(0.5)
      let turned = (x1 - x2).timesI(sine)
      y[y0 + t] = x0 + sum
      y[y0 + block + t] = (middle + turned).times(w1)
      y[y0 + 2 * block + t] = (middle - turned).times(w2)
    }
  }
}

/// The DFT of 5 entries, pairing x1 with x4 and x2 with x3 (the conjugate roots of unity).
func radix5(
  _ x: SplitComplex, _ y: SplitComplex, span: Int, block: Int, _ twiddles: Twiddles
) {
  let m = span / 5
  let (c1, c2) = (cos(2 * Double.pi / 5), cos(4 * Double.pi / 5))
  let (s1, s2) = (
    -twiddles.direction * sin(2 * Double.pi / 5), -twiddles.direction * sin(4 * Double.pi / 5)
  )
  for j in 0..<m {
    let (w1, w2) = (twiddles[4 * j], twiddles[4 * j + 1])
    let (w3, w4) = (twiddles[4 * j + 2], twiddles[4 * j + 3])
    let (a0, a1, a2) = (j * block, (j + m) * block, (j + 2 * m) * block)
    let (a3, a4) = ((j + 3 * m) * block, (j + 4 * m) * block)
    let y0 = 5 * j * block
    for t in Swift.stride(from: 0, to: block, by: Lanes.scalarCount) {
      let (x0, x1, x2, x3, x4) = (x[a0 + t], x[a1 + t], x[a2 + t], x[a3 + t], x[a4 + t])
      let (sum14, difference14, sum23, difference23) = (x1 + x4, x1 - x4, x2 + x3, x2 - x3)
      let cosines1 = x0 + sum14.scaled(c1) + sum23.scaled(c2)
      let cosines2 = x0 + sum14.scaled(c2) + sum23.scaled(c1)
      let sines1 = (difference14.scaled(s1) + difference23.scaled(s2)).timesI(1)
      let sines2 = (difference14.scaled(s2) - difference23.scaled(s1)).timesI(1)
      y[y0 + t] = x0 + sum14 + sum23
      y[y0 + block + t] = (cosines1 + sines1).times(w1)
      y[y0 + 2 * block + t] = (cosines2 + sines2).times(w2)
      y[y0 + 3 * block + t] = (cosines2 - sines2).times(w3)
      y[y0 + 4 * block + t] = (cosines1 - sines1).times(w4)
    }
  }
}

/// A stage whose input is zero past its first `nonzero` entries, with `nonzero` ≤ L/p: of the
/// p terms of each output only x[j] (r = 0) is left, so y[p·j + k] = w^(j·k) · x[j] for
/// j < nonzero, and the rest of y is zero.
func pruned(
  _ x: SplitComplex, _ y: SplitComplex, radix p: Int, span: Int, block: Int, nonzero: Int,
  _ twiddles: Twiddles
) {
  let m = span / p
  for j in 0..<nonzero {
    let (a0, y0) = (j * block, p * j * block)
    for t in Swift.stride(from: 0, to: block, by: Lanes.scalarCount) {
      let x0 = x[a0 + t]
      y[y0 + t] = x0
      for k in 1..<p {
        y[y0 + k * block + t] = x0.times(twiddles[(p - 1) * j + k - 1])
      }
    }
  }
  let zeros = p * (m - nonzero) * block
  (y.real + p * nonzero * block).update(repeating: 0, count: zeros)
  (y.imaginary + p * nonzero * block).update(repeating: 0, count: zeros)
}
