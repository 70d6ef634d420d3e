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
///   row z[m] = x[2m] + i·x[2m + 1], so the first axis takes a transform of length N1/2; the
///   spectra of the even and the odd rows are untangled from Z with X[-u, -v] = conj(X[u, v]).
///   The result comes out the same way, two real rows in one complex one.
/// - Sizes with small prime factors only (2, 3, 5), whose transforms split into small butterflies
///   (``BatchedFFT``); ``fastLength(atLeast:even:)`` picks them, 544 = 2⁵·17 would not do, but
///   540 = 2²·3³·5 and 576 = 2⁶·3² do.
/// - Three passes over memory, each reading its input in order. Every transform runs on slabs,
///   a few columns of an array, small enough to stay in the cache; a slab's load reads whole rows
///   of its source and lays them out as its columns, and its store writes it out to wherever
///   the next pass will read it in order. (1) The rows of x, paired, are transformed along the
///   second axis. (2) For a slab of frequencies v and their mirrors -v, the first axis is
///   transformed, the halves untangled, multiplied by the kernel's spectrum (computed for the
///   same frequencies in the cache, never stored whole) and tangled again into the spectrum of
///   the paired rows of the result, which is transformed back along the first axis. (3) The
///   second axis is transformed back, and the rows of the result are written to the output.
///   The large buffers are kept between calls (``ScratchPool``).
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
  /// second.
  let alongFirstAxis: BatchedFFT
  let alongSecondAxis: BatchedFFT
  /// e^(-2πi·u / N1) for u ≤ N1/2, which untangles the even rows from the odd ones.
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
    let grid = Grid(firstRow, firstColumn, stride, outputRows, outputColumns)
    guard outputRows > 0 && outputColumns > 0 else {
      return Matrix(rows: outputRows, columns: outputColumns)
    }
    // The rows of x and of w, paired and transformed along the second axis: N2 rows v of
    // (h + 1) / 2 pairs m each. The spectrum of the result's paired rows, transformed back
    // along the first axis: N1/2 rows m, each with its frequencies v in the order of the slots.
    let (imagePairs, kernelPairs) = ((x.rows + 1) / 2, (w.rows + 1) / 2)
    let (imageStride, kernelStride) = (lineStride(imagePairs), lineStride(kernelPairs))
    let slots = 2 * (columns / 2 + 1)
    let productStride = lineStride(slots)
    let (imageSize, kernelSize) = (columns * imageStride, columns * kernelStride)
    let productSize = half * productStride
    let capacity = 2 * (imageSize + kernelSize + productSize)
    return ScratchPool.shared.withBuffer(capacity: capacity) { memory in
      let image = SplitComplex(real: memory, imaginary: memory + imageSize)
      let kernel = SplitComplex(
        real: memory + 2 * imageSize, imaginary: memory + 2 * imageSize + kernelSize)
      let rest = memory + 2 * (imageSize + kernelSize)
      let product = SplitComplex(real: rest, imaginary: rest + productSize)
      // (1) The paired rows' transforms along the second axis.
      rowTransforms(of: x, into: image, stride: imageStride, threads: threads)
      rowTransforms(of: w, into: kernel, stride: kernelStride, threads: threads)
      // (2) Along the first axis, on slabs of slots: each holds frequencies v and, in its second
      // half, their mirrors -v, which untangling needs beside them.
      let kernelRowsRead = alongFirstAxis.rowsRead(nonzero: kernelPairs)
      alongFirstAxis.transform(
        product, batch: slots, rowStride: productStride, inverse: false, threads: threads,
        nonzero: imagePairs,
        load: { start, count, rows, slab, padded in
          gather(
            image, stride: imageStride, pairs: imagePairs, slots: start..<(start + count),
            rows: rows, into: slab, padded)
        },
        between: { start, count, slab, padded, spare in
          let (free, kernelSlab) = spare
          if count < padded {
            kernelSlab.real.update(repeating: 0, count: half * padded)
            kernelSlab.imaginary.update(repeating: 0, count: half * padded)
          }
          gather(
            kernel, stride: kernelStride, pairs: kernelPairs, slots: start..<(start + count),
            rows: kernelRowsRead, into: kernelSlab, padded)
          let kernelSpectrum = alongFirstAxis.transform(
            kernelSlab, scratch: free, batch: padded, inverse: false, nonzero: kernelPairs)
          let result = kernelSpectrum.real == kernelSlab.real ? free : kernelSlab
          correlate(
            slab, kernelSpectrum, into: result, padded, count: count,
            scale: 1 / Double(rows * columns))
          return result
        })
      // (3) Back along the second axis, and out to the grid's rows.
      let count = outputRows * outputColumns
      let targets = RowTargets(grid, rows: rows)
      let frequencies = slotFrequencies(slots)
      let elements = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
        let output = buffer.baseAddress!
        if count >= 1 << 22 { adviseHugePages(output, count: count) }  // 32 MB and more
        frequencies.withUnsafeBufferPointer { frequencies in
          alongSecondAxis.transform(
            product, batch: half, inverse: true, threads: threads,
            load: { start, count, rows, slab, padded in
              transpose(
                product, stride: productStride, rows: start..<(start + count),
                frequencies: frequencies, into: slab, padded)
            },
            store: { start, count, slab, padded in
              place(slab, padded, pairs: start..<(start + count), grid, targets, into: output)
            })
        }
        initialized = count
      }
      return Matrix(rows: outputRows, columns: outputColumns, elements: elements)
    }
  }

  /// The distance between rows of n entries: an odd number of cache lines, so that a slab's
  /// store, a few entries to every row, does not fill one set of the cache while the others
  /// stay empty (as it does when the rows are a power of two apart).
  private func lineStride(_ n: Int) -> Int { roundedUp(n, to: 8) | 8 }

  /// The transforms along the second axis of the paired rows z[m] = x[2m] + i·x[2m + 1] of x
  /// (x[2m + 1] zero past x's rows), into `target`: row v holds Z[m, v] for m < (x.rows + 1) / 2,
  /// at `v · stride + m`.
  private func rowTransforms(
    of x: Matrix, into target: SplitComplex, stride: Int, threads: Int
  ) {
    let pairs = (x.rows + 1) / 2
    x.elements.withUnsafeBufferPointer { entries in
      let entries = entries.baseAddress!
      // Past x's columns all is zero: a small kernel's transforms are pruned.
      alongSecondAxis.transform(
        target, batch: pairs, rowStride: stride, inverse: false, threads: threads,
        nonzero: x.columns,
        load: { start, count, rows, slab, padded in
          let filled = min(rows, x.columns)
          // Row by row of x, in order: each becomes a column of the slab.
          let even = { (c: Int) in UnsafePointer(entries + 2 * (start + c) * x.columns) }
          transposed(count, filled, from: even, to: { slab.real + $0 * padded })
          let odd = min(count, x.rows / 2 - start)  // the pairs with an odd row
          transposed(
            odd, filled, from: { even($0) + x.columns }, to: { slab.imaginary + $0 * padded })
          for c in max(odd, 0)..<count {
            for n in 0..<filled { slab.imaginary[n * padded + c] = 0 }
          }
          if rows > filled {
            (slab.real + filled * padded).update(repeating: 0, count: (rows - filled) * padded)
            (slab.imaginary + filled * padded).update(
              repeating: 0, count: (rows - filled) * padded)
          }
        })
    }
  }
}
