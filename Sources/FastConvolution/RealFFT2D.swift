import Foundation
import LectureKit

/// The 2D discrete Fourier transform of real N1 × N2 arrays, made fast for correlating an image
/// with a kernel: given code, the fast counterpart of ``circularConvolution(_:_:)-(Matrix,_)``.
///
/// ```
/// X[u, v] = Σ_m Σ_n x[m, n] · e^(-2πi·(u·m / N1 + v·n / N2))
/// c[d1, d2] = Σ_k Σ_l w[k, l] · x[(d1 + k) mod N1, (d2 + l) mod N2]   (circular correlation)
///           = inverse transform of X · conj(W)
/// ```
/// Three things make it fast where ``circularConvolution(_:_:)-(Matrix,_)`` is plain:
/// - Real input. The rows 2m and 2m + 1 of x go in as the real and imaginary parts of one complex
///   row, so the first axis takes a transform of length N1/2; the two halves are untangled
///   after it with X[N1 - u] = conj(X[u]). Only N1/2 + 1 frequencies u are kept, the others being
///   their conjugates.
/// - Sizes with small prime factors only (2, 3, 5), whose transforms split into small butterflies
///   (``BatchedFFT``); ``fastLength(atLeast:even:)`` picks them, 544 = 2⁵·17 would not do, but
///   540 = 2²·3³·5 and 576 = 2⁶·3² do.
/// - Batches. Every transform runs down the columns of an array, all columns at once, so the
///   innermost loops sweep contiguous memory, in slabs of columns small enough to stay in the
///   cache. Between the two axes the array is transposed, but not in a pass of its own: the
///   untangling of the two halves fills the next transform's slabs, transposed as it goes
///   (``untangle(_:width:panel:frequencies:rows:into:_:)``). The kernel's spectrum is never stored
///   whole: each slab of the second axis computes it for its own frequencies beside the image's.
///   The two large buffers are kept between calls (``ScratchPool``).
///
/// Lecture: `004`, section 5.1, "Convolution is fast": O(d² log d) for a d × d image.
public struct RealFFT2D: Sendable {
  /// N1, even.
  public let rows: Int
  /// N2.
  public let columns: Int
  /// N1 / 2.
  let half: Int
  /// The transform of length N1/2 along the first axis (row pairs), and of length N2 along the
  /// second, done after a transpose.
  let alongFirstAxis: BatchedFFT
  let alongSecondAxis: BatchedFFT
  /// The length of a row of the spectrum: N1/2 + 1 frequencies, rounded up on large transforms
  /// to a whole number of cache lines, so that every slab of the second axis's transform
  /// starts on a line (measured: it pays from 2048 x 2048 on, and costs below).
  var spectrumStride: Int { columns >= 2048 ? roundedUp(half + 1, to: 8) : half + 1 }
  /// e^(-2πi·u / N1) for u ≤ N1/2, which untangles the two halves.
  let unpackReal: [Double]
  let unpackImaginary: [Double]

  /// - Precondition: `rows` is even, and `rows` and `columns` are positive with no prime factor
  ///   other than 2, 3 and 5.
  /// - Complexity: O(N1 + N2): the twiddle factors of the two transforms.
  public init(rows: Int, columns: Int) {
    require(
      rows >= 2 && rows % 2 == 0 && RealFFT2D.isFast(rows) && RealFFT2D.isFast(columns),
      "the real 2D FFT needs an even number of rows and sizes whose only prime factors are 2, 3 "
        + "and 5, not \(rows) x \(columns)")
    self.rows = rows
    self.columns = columns
    self.half = rows / 2
    alongFirstAxis = BatchedFFT(length: rows / 2)
    alongSecondAxis = BatchedFFT(length: columns)
    let angles = (0...(rows / 2)).map { -2 * Double.pi * Double($0) / Double(rows) }
    unpackReal = angles.map { cos($0) }
    unpackImaginary = angles.map { sin($0) }
  }

  /// Whether `n` is a length this transform takes: positive, no prime factor above 5.
  ///
  /// - Complexity: O(log n).
  public static func isFast(_ n: Int) -> Bool { BatchedFFT.isFactorable(n) }

  /// The smallest length m ≥ `n` of the form 2^a · 3^b · 5^c (with a ≥ 1 when `even`).
  ///
  /// - Complexity: O(log³ n).
  public static func fastLength(atLeast n: Int, even: Bool = false) -> Int {
    let target = max(n, 1)
    var best = Int.max
    var fives = 1
    while fives < 2 * target {
      var threes = fives
      while threes < 2 * target {
        var length = even ? 2 * threes : threes
        while length < target { length *= 2 }
        best = min(best, length)
        threes *= 3
      }
      fives *= 5
    }
    return best
  }

  /// The circular correlation of `x` with `w`, each zero-padded to N1 × N2 at the bottom and on
  /// the right, sampled on a grid:
  ///
  /// ```
  /// c[d1, d2] = Σ_k Σ_l w[k, l] · x[(d1 + k) mod N1, (d2 + l) mod N2]
  /// y[i, j]   = c[firstRow + i·stride, firstColumn + j·stride]       (indices mod N1, N2)
  /// ```
  /// Where d1 + k never wraps around onto x (N1 ≥ h + the offsets' reach), c is the ordinary
  /// correlation: ``circularCorrelation(of:with:firstRow:firstColumn:stride:outputRows:outputColumns:)``
  /// leaves the choice of N1, N2 and offsets to its caller.
  /// - Precondition: `x` and `w` have an entry and fit inside N1 × N2; `stride >= 1`; the output sizes are not
  ///   negative.
  /// - Parameter threads: how many threads share the work (see ``Threads``); the result is the
  ///   same on any number.
  /// - Complexity: O(N1·N2·log(N1·N2)), whatever the kernel's size.
  public func circularCorrelation(
    of x: Matrix, with w: Matrix, firstRow: Int, firstColumn: Int, stride: Int,
    outputRows: Int, outputColumns: Int, threads: Threads = .one
  ) -> Matrix {
    let threads = threads.resolved(entries: rows * columns)
    if let mark = firstUnwritten(x, w) { return .placeholder(mark) }
    require(
      x.count > 0 && w.count > 0 && x.rows <= rows && x.columns <= columns && w.rows <= rows
        && w.columns <= columns,
      "a \(x.shape) input and a \(w.shape) kernel must have an entry and fit inside the "
        + "\(rows) x \(columns) FFT")
    require(stride >= 1, "the stride must be at least 1, but is \(stride)")
    require(
      outputRows >= 0 && outputColumns >= 0,
      "the output needs non-negative sizes, not \(outputRows) x \(outputColumns)")
    // The image's paired rows, in panels and transformed along the first axis, then its
    // product transformed back, in `work`; its spectrum in N2 rows of `spectrumStride`; the
    // kernel's paired rows, in panels, are few.
    let size = columns * spectrumStride
    let (workSize, small) = (max(size, panelSize(x.columns)), panelSize(w.columns))
    return ScratchPool.shared.withBuffer(capacity: 2 * (workSize + size + small)) { memory in
      let work = SplitComplex(real: memory, imaginary: memory + workSize)
      let inputSpectrum = SplitComplex(
        real: memory + 2 * workSize, imaginary: memory + 2 * workSize + size)
      let rest = memory + 2 * (workSize + size)
      let kernelRows = SplitComplex(real: rest, imaginary: rest + small)
      let (inputPanel, kernelPanel) = (panelWidth(x.columns), panelWidth(w.columns))
      firstAxis(of: w, into: kernelRows, threads: threads)
      firstAxis(of: x, into: work, threads: threads)
      // The spectra, one slab of frequencies u at a time: the image's transformed along the
      // second axis; the kernel's computed in the spare arrays for the same frequencies; the
      // product, times the 1 / (N1/2 · N2) that the two inverse transforms leave out,
      // transformed back along that axis; all while the slab is in the cache. Neither spectrum
      // is ever stored whole.
      let kernelRowsRead = alongSecondAxis.rowsRead(nonzero: w.columns)
      alongSecondAxis.transform(
        inputSpectrum, batch: half + 1, rowStride: spectrumStride, inverse: false,
        threads: threads, nonzero: x.columns,
        load: { start, count, rows, slab, padded in
          untangle(
            work, width: x.columns, panel: inputPanel, frequencies: start..<(start + count),
            rows: rows, into: slab, padded)
        },
        between: { start, count, slab, padded, spare in
          let (scratch, kernelSlab) = spare
          if count < padded {
            kernelSlab.real.update(repeating: 0, count: columns * padded)
            kernelSlab.imaginary.update(repeating: 0, count: columns * padded)
          }
          untangle(
            kernelRows, width: w.columns, panel: kernelPanel, frequencies: start..<(start + count),
            rows: kernelRowsRead, into: kernelSlab, padded)
          let kernelSpectrum = alongSecondAxis.transform(
            kernelSlab, scratch: scratch, batch: padded, inverse: false, nonzero: w.columns)
          multiplyByConjugate(
            slab, padded, kernelSpectrum, scale: 1 / Double(half * columns), count: count)
        })
      alongFirstAxis.transform(
        work, batch: columns, inverse: true, threads: threads,
        load: { start, count, rows, slab, padded in
          retangle(inputSpectrum, columns: start..<(start + count), rows: rows, into: slab, padded)
        })
      return sample(
        work, Grid(firstRow, firstColumn, stride, outputRows, outputColumns), threads: threads)
    }
  }

  /// The width of the panels of paired rows of an input with `width` columns: the first axis's
  /// slab width.
  private func panelWidth(_ width: Int) -> Int { alongFirstAxis.slabWidth(batch: width) }

  /// How many doubles each half of the paired rows of an input with `width` columns takes, laid
  /// out in panels by ``pairRows(of:into:width:threads:)``.
  private func panelSize(_ width: Int) -> Int { half * roundedUp(width, to: panelWidth(width)) }

  /// The transforms Z[u, n] of the paired rows of x along the first axis, in `work`, in panels
  /// (N1/2 rows of x.columns entries, see ``pairRows(of:into:width:threads:)``).
  private func firstAxis(of x: Matrix, into work: SplitComplex, threads: Int) {
    pairRows(of: x, into: work, width: panelWidth(x.columns), threads: threads)
    // Past x's rows and columns all is zero: a small kernel's transforms are pruned.
    alongFirstAxis.transform(
      work, batch: x.columns, panelled: true, inverse: false, threads: threads,
      nonzero: (x.rows + 1) / 2)
  }

  /// z[m, n] = x[2m, n] + i·x[2m + 1, n] for m < N1/2 and n < x.columns (zero past x's rows), in
  /// panels of `width` columns, one panel for each slab of the first axis's transform: panel k
  /// holds z[m, k · width + c] at `(k · N1/2 + m) · width + c`. A slab then reads its panel in
  /// order and writes it back in place, where it would otherwise read and write a few entries of
  /// every row, each in a different part of memory and a cache miss of its own (measured at
  /// 4096 x 4096: that load took 43 ms, longer than the transform).
  private func pairRows(of x: Matrix, into z: SplitComplex, width: Int, threads: Int) {
    let columns = x.columns
    let panel = half * width
    x.elements.withUnsafeBufferPointer { entries in
      // A few pairs of rows at a time, panel after panel: each panel receives a run of whole
      // cache lines, and the rows are read in step, each in order.
      func fill(_ target: UnsafeMutablePointer<Double>, row: Int, _ start: Int, _ count: Int) {
        if row < x.rows {
          copy(count, from: entries.baseAddress! + row * columns + start, to: target)
        } else {
          target.update(repeating: 0, count: count)
        }
      }
      func pair(_ pairs: Range<Int>) {
        for start in Swift.stride(from: 0, to: columns, by: width) {
          let count = min(width, columns - start)
          let offset = (start / width) * panel
          for m in pairs {
            fill(z.real + offset + m * width, row: 2 * m, start, count)
            fill(z.imaginary + offset + m * width, row: 2 * m + 1, start, count)
          }
        }
      }
      let block = 8
      forEachPart(threads, threads: threads) { part in
        let pairs = (half * part / threads)..<(half * (part + 1) / threads)
        for first in Swift.stride(from: pairs.lowerBound, to: pairs.upperBound, by: block) {
          pair(first..<min(first + block, pairs.upperBound))
        }
      }
    }
  }
}
