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

/// For each row r of c, the rows i of a grid that sample it: (firstRow + i·stride) mod N1 = r.
/// Most rows have one or none; a grid that wraps around may take a row more than once.
struct RowTargets {
  /// The grid's rows sorted by the row of c they sample; those of row r at `first[r] ..<
  /// first[r + 1]`.
  let rows: [Int]
  let first: [Int]

  init(_ grid: Grid, rows n: Int) {
    let sampled = (0..<grid.rows).map { modulo(grid.firstRow + $0 * grid.stride, n) }
    var first = [Int](repeating: 0, count: n + 1)
    for r in sampled { first[r + 1] += 1 }
    for r in 0..<n { first[r + 1] += first[r] }
    var next = first
    var rows = [Int](repeating: 0, count: grid.rows)
    for (i, r) in sampled.enumerated() {
      rows[next[r]] = i
      next[r] += 1
    }
    (self.rows, self.first) = (rows, first)
  }
}

extension RealFFT2D {
  /// The frequency v of slot `s` of the slab of slots `slots`: the first half of a slab holds
  /// frequencies v = slots.lowerBound / 2 + s, the second half their mirrors -v mod N2, in the
  /// same order. Every v from 0 to N2/2 has a slot and so does its mirror; 0 (and N2/2 when N2 is
  /// even) is its own mirror and has two.
  @inline(__always)
  func frequency(ofSlot s: Int, in slots: Range<Int>) -> Int {
    let pairs = slots.count / 2
    let v = slots.lowerBound / 2 + s % pairs
    return s < pairs ? v : (columns - v) % columns
  }

  /// Fills a slab of the first axis's transform (row m, column s) with the paired rows' spectra
  /// Z[m, v] along the second axis, for the frequency v of each slot s: row v of `source` holds
  /// them for m < `pairs` (at `v · stride + m`), read in order; the slab's rows from `pairs` to
  /// `rows` are zeros.
  func gather(
    _ source: SplitComplex, stride: Int, pairs: Int, slots: Range<Int>, rows: Int,
    into slab: SplitComplex, _ padded: Int
  ) {
    let filled = min(pairs, rows)
    let row = { (s: Int) in frequency(ofSlot: s, in: slots) * stride }
    transposed(
      slots.count, filled, from: { UnsafePointer(source.real + row($0)) },
      to: { slab.real + $0 * padded })
    transposed(
      slots.count, filled, from: { UnsafePointer(source.imaginary + row($0)) },
      to: { slab.imaginary + $0 * padded })
    if rows > filled {
      (slab.real + filled * padded).update(repeating: 0, count: (rows - filled) * padded)
      (slab.imaginary + filled * padded).update(repeating: 0, count: (rows - filled) * padded)
    }
  }

  /// From the spectra Z of the image's paired rows and K of the kernel's, for the slots of a
  /// slab (row u, column s), to the spectrum Ψ of the paired rows of their correlation c, in
  /// `result`. With z = x_even + i·x_odd, the spectra of the even and the odd rows (both real, so
  /// E[-u, -v] = conj(E[u, v])) and the full transform of x, for u < N1/2 and t = e^(-2πi·u / N1):
  ///
  /// ```
  /// E[u, v] = (Z[u, v] + conj(Z[-u, -v])) / 2      O[u, v] = (Z[u, v] - conj(Z[-u, -v])) / (2i)
  /// X[u, v] = E + t·O      X[u + N1/2, v] = E - t·O       (the kernel's W likewise, from K)
  /// P = X · conj(W)        (the spectrum of c)
  /// Ψ[u, v] = (P[u, v] + P[u + N1/2, v] + i·conj(t)·(P[u, v] - P[u + N1/2, v])) · scale
  /// ```
  /// where Ψ is the transform of c_even + i·c_odd: the rows of c come back paired, as the
  /// image's went in. Z[-u, -v] lies in the same slab: in the mirror slot, row (N1/2 - u) mod
  /// N1/2. Only the first `count` slots are filled; the others are padding.
  func correlate(
    _ z: SplitComplex, _ k: SplitComplex, into result: SplitComplex, _ padded: Int, count: Int,
    scale: Double
  ) {
    let pairs = count / 2
    for u in 0..<half {
      let (row, mirror) = (u * padded, ((half - u) % half) * padded)
      let t = (unpackReal[u], unpackImaginary[u])
      // The slots from `from` to `to`, whose mirrors lie `shift` slots on: four at a time.
      func combine(from: Int, to: Int, shift: Int) {
        var s = from
        while s + Lanes.scalarCount <= to {
          let (a, b) = (row + s, mirror + s + shift)
          result[a] = correlation(z[a], z[b], k[a], k[b], t)
            .scaled(scale)
          s += Lanes.scalarCount
        }
        while s < to {
          let (a, b) = (row + s, mirror + s + shift)
          let value = correlation(
            z.single(a), z.single(b), k.single(a), k.single(b), t
          ).scaled(scale)
          (result.real[a], result.imaginary[a]) = (value.re[0], value.im[0])
          s += 1
        }
      }
      combine(from: 0, to: pairs, shift: pairs)
      combine(from: pairs, to: count, shift: -pairs)
      for s in count..<padded {
        (result.real[row + s], result.imaginary[row + s]) = (0, 0)
      }
    }
  }

  /// Ψ[u, v] (unscaled) from Z[u, v], Z[-u, -v], K[u, v] and K[-u, -v], t = e^(-2πi·u / N1).
  @inline(__always)
  private func correlation(
    _ za: ComplexLanes, _ zb: ComplexLanes, _ ka: ComplexLanes, _ kb: ComplexLanes,
    _ t: (Double, Double)
  ) -> ComplexLanes {
    let (xLow, xHigh) = halves(za, zb, t)
    let (wLow, wHigh) = halves(ka, kb, t)
    // P = X · conj(W), at u and at u + N1/2.
    let low = ComplexLanes(
      re: xLow.re * wLow.re + xLow.im * wLow.im, im: xLow.im * wLow.re - xLow.re * wLow.im)
    let high = ComplexLanes(
      re: xHigh.re * wHigh.re + xHigh.im * wHigh.im, im: xHigh.im * wHigh.re - xHigh.re * wHigh.im)
    // + i·conj(t)·(low - high)
    return low + high + (low - high).times((t.0, -t.1)).timesI(1)
  }

  /// X[u, v] and X[u + N1/2, v] from Z[u, v] = a and Z[-u, -v] = b, t = e^(-2πi·u / N1).
  @inline(__always)
  private func halves(
    _ a: ComplexLanes, _ b: ComplexLanes, _ t: (Double, Double)
  ) -> (low: ComplexLanes, high: ComplexLanes) {
    // E = (a + conj(b)) / 2;  O = (a - conj(b)) / (2i)
    let e = ComplexLanes(re: 0.5 * (a.re + b.re), im: 0.5 * (a.im - b.im))
    let o = ComplexLanes(re: 0.5 * (a.im + b.im), im: -0.5 * (a.re - b.re))
    let to = o.times(t)
    return (e + to, e - to)
  }

  /// The frequency of every slot of the first axis's slabs, for `slots` slots in all.
  func slotFrequencies(_ slots: Int) -> [Int] {
    let width = alongFirstAxis.slabWidth(batch: slots)
    return (0..<slots).map { s in
      let start = s / width * width
      return frequency(ofSlot: s - start, in: start..<min(start + width, slots))
    }
  }

  /// Fills a slab of the second axis's inverse transform (row v, column c) with rows `pairs` of
  /// `source` (row m at `m · stride`, its entries in the order of the slots, whose frequencies
  /// are `frequencies`), each read in order into a column.
  func transpose(
    _ source: SplitComplex, stride: Int, rows pairs: Range<Int>,
    frequencies: UnsafeBufferPointer<Int>, into slab: SplitComplex, _ padded: Int
  ) {
    let row = { (c: Int) in (pairs.lowerBound + c) * stride }
    transposed(
      pairs.count, frequencies.count, from: { UnsafePointer(source.real + row($0)) },
      to: { slab.real + frequencies[$0] * padded })
    transposed(
      pairs.count, frequencies.count, from: { UnsafePointer(source.imaginary + row($0)) },
      to: { slab.imaginary + frequencies[$0] * padded })
  }

  /// Writes the rows of c that a slab of the second axis's inverse transform holds (column c:
  /// rows 2m and 2m + 1 of c, as real and imaginary parts, for the pairs m of `pairs`) to the
  /// grid's rows that sample them, each in order: y[i, j] = c[r, (firstColumn + j·stride)
  /// mod N2].
  func place(
    _ slab: SplitComplex, _ padded: Int, pairs: Range<Int>, _ grid: Grid, _ targets: RowTargets,
    into output: UnsafeMutablePointer<Double>
  ) {
    let start = modulo(grid.firstColumn, columns)
    // With stride 1, each row of c sampled once and no wrap around inside a run, four rows at
    // a time through SIMD lanes.
    var done = 0
    if grid.stride == 1 {
      for parity in 0..<2 {
        let samples = (0..<pairs.count).map { c -> Int? in
          let r = 2 * (pairs.lowerBound + c) + parity
          return targets.first[r + 1] - targets.first[r] == 1 ? targets.rows[targets.first[r]] : nil
        }
        // The columns up to the first one whose row is not sampled exactly once.
        let simple = samples.firstIndex(of: nil) ?? samples.count
        let source = parity == 0 ? slab.real : slab.imaginary
        var (j, n) = (0, start)
        while j < grid.columns {
          let run = min(grid.columns - j, columns - n)
          transposed(
            run, simple, from: { UnsafePointer(source + (n + $0) * padded) },
            to: { output + samples[$0]! * grid.columns + j })
          (j, n) = (j + run, 0)
        }
        done = parity == 0 ? simple : min(done, simple)
      }
    }
    for (c, m) in pairs.enumerated() where c >= done {
      for r in (2 * m)...(2 * m + 1) where targets.first[r] < targets.first[r + 1] {
        let source = (r % 2 == 0 ? slab.real : slab.imaginary) + c
        for i in targets.rows[targets.first[r]..<targets.first[r + 1]] {
          let target = output + i * grid.columns
          var (j, n) = (0, start)
          while j < grid.columns {
            target[j] = source[n * padded]
            j += 1
            n += grid.stride
            if n >= columns { n %= columns }
          }
        }
      }
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
