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

extension RealFFT2D {
  /// From the transforms Z[u, n] (u < N1/2, n < width) of the paired rows z = x_even + i·x_odd to
  /// the transform of x along its first axis, X[u, n], for the frequencies u of one slab of the
  /// second axis's transform: its row n holds X[u, n] for those u (rows from `width` on are
  /// zero). With E and O the transforms of the even and the odd rows (both real, so
  /// E[-u] = conj(E[u])):
  ///
  /// ```
  /// E[u] = (Z[u] + conj(Z[-u])) / 2      O[u] = (Z[u] - conj(Z[-u])) / (2i)
  /// X[u] = E[u] + e^(-2πi·u / N1) · O[u]                                  u = 0 ... N1/2
  /// ```
  /// Z is laid out in panels of `panel` columns, as the first axis's transform left it (see
  /// ``BatchedFFT/transform(_:batch:rowStride:panelled:inverse:threads:nonzero:load:between:)``):
  /// Z[u, n] at `(n / panel · N1/2 + u) · panel + n mod panel`. Done while filling the slab, this
  /// is the transpose between the two axes without a pass of its own.
  func untangle(
    _ z: SplitComplex, width: Int, panel: Int, frequencies: Range<Int>, rows: Int,
    into slab: SplitComplex, _ padded: Int
  ) {
    let h = half
    let filled = min(rows, width)
    // Panel by panel: in each, the rows u of the slab's frequencies lie one after the other,
    // and so do the rows -u, so both are read in runs of whole cache lines.
    for first in Swift.stride(from: 0, to: filled, by: panel) {
      let origin = first * h - first
      for (c, u) in frequencies.enumerated() {
        let (a, b) = (origin + (u % h) * panel, origin + ((h - u) % h) * panel)
        let (wr, wi) = (0.5 * unpackReal[u], 0.5 * unpackImaginary[u])
        for n in first..<min(first + panel, filled) {
          let (pr, pi) = (z.real[a + n], z.imaginary[a + n])
          let (qr, qi) = (z.real[b + n], -z.imaginary[b + n])
          // 2·E = p + q;  2·O = -i·(p - q)
          let (er, ei) = (pr + qr, pi + qi)
          let (or, oi) = (pi - qi, qr - pr)
          slab.real[n * padded + c] = 0.5 * er + (wr * or - wi * oi)
          slab.imaginary[n * padded + c] = 0.5 * ei + (wr * oi + wi * or)
        }
      }
    }
    if rows > width {
      (slab.real + width * padded).update(repeating: 0, count: (rows - width) * padded)
      (slab.imaginary + width * padded).update(repeating: 0, count: (rows - width) * padded)
    }
  }

  /// The inverse of ``untangle(_:width:panel:frequencies:rows:into:_:)``, for the columns n of one slab
  /// of the first axis's inverse transform: from X[u, n] (the spectrum: N2 rows n of N1/2 + 1
  /// entries u) back to Z[u, n] = E[u] + i·O[u] for u < N1/2, where
  /// X[u + N1/2] = conj(X[N1/2 - u]) gives
  ///
  /// ```
  /// E[u] = (X[u] + conj(X[N1/2 - u])) / 2    O[u] = (X[u] - conj(X[N1/2 - u])) · e^(2πi·u / N1) / 2
  /// ```
  func retangle(
    _ spectrum: SplitComplex, columns: Range<Int>, rows: Int, into slab: SplitComplex,
    _ padded: Int
  ) {
    let h = half
    // Along u inside: row n of the spectrum is read in order, forwards and backwards.
    for (c, n) in columns.enumerated() {
      let row = n * spectrumStride
      for u in 0..<rows {
        let (wr, wi) = (0.5 * unpackReal[u], -0.5 * unpackImaginary[u])
        let (a, b) = (row + u, row + h - u)
        let (pr, pi) = (spectrum.real[a], spectrum.imaginary[a])
        let (qr, qi) = (spectrum.real[b], -spectrum.imaginary[b])
        let (dr, di) = (pr - qr, pi - qi)
        let (or, oi) = (wr * dr - wi * di, wr * di + wi * dr)
        slab.real[u * padded + c] = 0.5 * (pr + qr) - oi
        slab.imaginary[u * padded + c] = 0.5 * (pi + qi) + or
      }
    }
  }

  /// A slab's entries (rows v of `padded`, its columns frequencies u) times conj(W[v, u]) · scale,
  /// W the kernel's spectrum for the same frequencies, in a slab of the same layout. Only the
  /// first `count` columns are multiplied: the others are padding.
  func multiplyByConjugate(
    _ slab: SplitComplex, _ padded: Int, _ kernel: SplitComplex, scale: Double, count: Int
  ) {
    for v in 0..<self.columns {
      let row = v * padded
      for c in 0..<count {
        let (ar, ai) = (slab.real[row + c], slab.imaginary[row + c])
        let (br, bi) = (kernel.real[row + c] * scale, -kernel.imaginary[row + c] * scale)
        slab.real[row + c] = ar * br - ai * bi
        slab.imaginary[row + c] = ar * bi + ai * br
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
