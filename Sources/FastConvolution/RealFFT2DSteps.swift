import Foundation
import LectureKit

/// Where ``RealFFT2D/circularCorrelation(of:with:firstRow:firstColumn:stride:outputRows:outputColumns:)``
/// samples its result: y[i, j] = c[firstRow + i·stride, firstColumn + j·stride].
struct Grid {
  let firstRow: Int
  let firstColumn: Int
  let stride: Int
  let rows: Int
  let columns: Int

  init(_ firstRow: Int, _ firstColumn: Int, _ stride: Int, _ rows: Int, _ columns: Int) {
    (self.firstRow, self.firstColumn, self.stride) = (firstRow, firstColumn, stride)
    (self.rows, self.columns) = (rows, columns)
  }
}

/// The transposes go in strips of this many columns, so that the strided side of the copy
/// touches few enough cache lines to keep them all: wide where the strips are read (untangle),
/// narrow where they are written (retangle), as measured on 512² and 2048² images.
private let untangleStrip = 64
private let retangleStrip = 8

extension RealFFT2D {
  /// From the transforms Z[u, n] (u < N1/2, n < width) of the paired rows z = x_even + i·x_odd to
  /// the transform of x along its first axis, written transposed into `target` (n rows of N1/2 + 1
  /// entries; rows from `width` on are zero). With E and O the transforms of the even and the
  /// odd rows (both real, so E[-u] = conj(E[u])):
  ///
  /// ```
  /// E[u] = (Z[u] + conj(Z[-u])) / 2      O[u] = (Z[u] - conj(Z[-u])) / (2i)
  /// X[u] = E[u] + e^(-2πi·u / N1) · O[u]                                  u = 0 ... N1/2
  /// ```
  func untangle(_ z: SplitComplex, width: Int, into target: SplitComplex, threads: Int) {
    let h = half
    let strips = (width + untangleStrip - 1) / untangleStrip
    forEachPart(strips, threads: threads) { index in
      let strip = index * untangleStrip
      for u in 0...h {
        let (a, b) = ((u % h) * width, ((h - u) % h) * width)
        let (wr, wi) = (0.5 * unpackReal[u], 0.5 * unpackImaginary[u])
        for n in strip..<min(strip + untangleStrip, width) {
          let (pr, pi) = (z.real[a + n], z.imaginary[a + n])
          let (qr, qi) = (z.real[b + n], -z.imaginary[b + n])
          // 2·E = p + q;  2·O = -i·(p - q)
          let (er, ei) = (pr + qr, pi + qi)
          let (or, oi) = (pi - qi, qr - pr)
          target.real[n * spectrumStride + u] = 0.5 * er + (wr * or - wi * oi)
          target.imaginary[n * spectrumStride + u] = 0.5 * ei + (wr * oi + wi * or)
        }
      }
    }
    // Zeros past the input's columns, and in the padding of every row.
    let zeros = (columns - width) * spectrumStride
    (target.real + width * spectrumStride).update(repeating: 0, count: zeros)
    (target.imaginary + width * spectrumStride).update(repeating: 0, count: zeros)
    for n in 0..<width where spectrumStride > h + 1 {
      (target.real + n * spectrumStride + h + 1).update(repeating: 0, count: spectrumStride - h - 1)
      (target.imaginary + n * spectrumStride + h + 1).update(
        repeating: 0, count: spectrumStride - h - 1)
    }
  }

  /// The inverse of ``untangle(_:width:into:)``: from X[u] along the first axis (N2 rows of
  /// N1/2 + 1 entries) back to Z[u] = E[u] + i·O[u], written as N1/2 rows of N2 entries, where
  /// X[u + N1/2] = conj(X[N1/2 - u]) gives
  ///
  /// ```
  /// E[u] = (X[u] + conj(X[N1/2 - u])) / 2    O[u] = (X[u] - conj(X[N1/2 - u])) · e^(2πi·u / N1) / 2
  /// ```
  func retangle(_ spectrum: SplitComplex, into z: SplitComplex, threads: Int) {
    let h = half
    let strips = (columns + retangleStrip - 1) / retangleStrip
    forEachPart(strips, threads: threads) { index in
      let strip = index * retangleStrip
      for u in 0..<h {
        let (wr, wi) = (0.5 * unpackReal[u], -0.5 * unpackImaginary[u])
        for n in strip..<min(strip + retangleStrip, columns) {
          let (a, b) = (n * spectrumStride + u, n * spectrumStride + h - u)
          let (pr, pi) = (spectrum.real[a], spectrum.imaginary[a])
          let (qr, qi) = (spectrum.real[b], -spectrum.imaginary[b])
          let (dr, di) = (pr - qr, pi - qi)
          let (or, oi) = (wr * dr - wi * di, wr * di + wi * dr)
          z.real[u * columns + n] = 0.5 * (pr + qr) - oi
          z.imaginary[u * columns + n] = 0.5 * (pi + qi) + or
        }
      }
    }
  }

  /// a ← a · conj(b) · scale, entry by entry.
  func multiplyByConjugate(
    _ a: SplitComplex, _ b: SplitComplex, count: Int, scale: Double, threads: Int
  ) {
    forEachPart(threads, threads: threads) { part in
      for t in (count * part / threads)..<(count * (part + 1) / threads) {
        let (ar, ai) = (a.real[t], a.imaginary[t])
        let (br, bi) = (b.real[t] * scale, -b.imaginary[t] * scale)
        a.real[t] = ar * br - ai * bi
        a.imaginary[t] = ar * bi + ai * br
      }
    }
  }

  /// The grid's entries of c, where row 2m of c is the real part of z's row m and row 2m + 1
  /// its imaginary part.
  func sample(_ z: SplitComplex, _ grid: Grid, threads: Int) -> Matrix {
    let count = grid.rows * grid.columns
    let elements = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      guard let output = buffer.baseAddress else { return }
      if count >= 1 << 22 { adviseHugePages(output, count: count) }  // 32 MB and more
      forEachPart(threads, threads: threads) { part in
        for i in (grid.rows * part / threads)..<(grid.rows * (part + 1) / threads) {
          let r = modulo(grid.firstRow + i * grid.stride, rows)
          let source = (r % 2 == 0 ? z.real : z.imaginary) + (r / 2) * columns
          copy(
            from: source, start: modulo(grid.firstColumn, columns), grid,
            to: output + i * grid.columns)
        }
      }
      initialized = count
    }
    return Matrix(rows: grid.rows, columns: grid.columns, elements: elements)
  }

  /// One row of the grid: entries start, start + stride, ... of a row of N2, wrapping around.
  private func copy(
    from source: UnsafeMutablePointer<Double>, start: Int, _ grid: Grid,
    to target: UnsafeMutablePointer<Double>
  ) {
    var (j, n) = (0, start)
    if grid.stride == 1 {
      while j < grid.columns {
        let run = min(grid.columns - j, columns - n)
        (target + j).initialize(from: source + n, count: run)
        (j, n) = (j + run, 0)
      }
      return
    }
    while j < grid.columns {
      target[j] = source[n]
      (j, n) = (j + 1, (n + grid.stride) % columns)
    }
  }
}

/// a mod n in 0..<n, also for negative a.
private func modulo(_ a: Int, _ n: Int) -> Int {
  let r = a % n
  return r < 0 ? r + n : r
}

/// Asks Linux to back the whole 2 MB pages inside `count` fresh doubles at `start` with huge
/// pages, before they are first written: a 4096 × 4096 result then costs a few dozen page
/// faults instead of thirty thousand.
func adviseHugePages(_ start: UnsafeMutablePointer<Double>, count: Int) {
  #if os(Linux)
    let page = 1 << 21
    let begin = (Int(bitPattern: start) + page - 1) / page * page
    let end = (Int(bitPattern: start + count)) / page * page
    if end > begin, let address = UnsafeMutableRawPointer(bitPattern: begin) {
      _ = madvise(address, end - begin, 14)  // MADV_HUGEPAGE
    }
  #endif
}
