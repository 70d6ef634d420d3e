import Foundation
import LectureKit

/// How many complex numbers a slab of ``BatchedFFT/transform(_:batch:inverse:)`` holds: with its
/// scratch copy, 4 · 8 bytes each, 512 kB, half of this machine's L2 cache per core.
let slabEntries = 16_384

/// The gap, in doubles (five cache lines), between the arrays of a slab.
let slabStagger = 40

/// Fills rows `0 ..< rows` of a slab (row n at `n · padded`) with columns `start ..< start +
/// count` of a transform's input: `(start, count, rows, slab, padded)`.
typealias SlabLoad = (_ start: Int, _ count: Int, _ rows: Int, _ slab: SplitComplex, _ padded: Int)
  -> Void

/// Stores a transformed slab instead of copying it back into the transform's array: `(start,
/// count, slab, padded)`, its rows `length` long.
typealias SlabStore = (_ start: Int, _ count: Int, _ slab: SplitComplex, _ padded: Int) -> Void

/// Works on a transformed slab: `(start, count, slab, padded, spare)`, where `spare` holds two
/// free arrays of the slab's size, in the cache like the slab. Returns the array that holds the
/// result: the slab itself, or one of the spare arrays.
typealias SlabStep = (
  _ start: Int, _ count: Int, _ slab: SplitComplex, _ padded: Int,
  _ spare: (SplitComplex, SplitComplex)
) -> SplitComplex

/// A complex array stored as two arrays of `Double`, the real parts and the imaginary parts, so
/// that the loops of the transform run over plain `Double`s and the compiler vectorises them.
struct SplitComplex {
  let real: UnsafeMutablePointer<Double>
  let imaginary: UnsafeMutablePointer<Double>
}

/// The discrete Fourier transform of length N along the first axis of an N × B array, for all
/// B columns at once (a batch), by Stockham's self-sorting mixed-radix algorithm.
///
/// ```
/// X[k, b] = Σ_n x[n, b] · e^(∓2πi·k·n / N)      for every column b < B
/// ```
/// N is factored into radices 4, 2, 3 and 5. A stage of radix p turns the sequences of length L
/// left from the previous stage into p times as many of length L / p: for j < L/p and k < p,
/// ```
/// y[p·j + k] = w^(j·k) · Σ_r x[j + r·L/p] · e^(∓2πi·r·k / p),   w = e^(∓2πi / L)
/// ```
/// where every "entry" is a block of s·B contiguous numbers (s, the product of the radices
/// already done, interleaves the shorter sequences). So the innermost loop of every stage runs
/// over contiguous memory with fixed twiddle factors: the work the FFT shares between outputs is
/// the same as in ``fft(_:)``, but done for a whole batch of columns in one sweep. Each stage
/// reads one buffer and writes the other (hence no bit reversal and no copies).
struct BatchedFFT: Sendable {
  /// One radix-p pass: the sequence length L before it, the interleaving s, and the twiddle
  /// factors w^(j·k) = e^(-2πi·j·k / L), for j < L/p and 1 ≤ k < p, at `(p - 1)·j + k - 1`.
  struct Stage: Sendable {
    let radix: Int
    let span: Int
    let interleave: Int
    let twiddleReal: [Double]
    let twiddleImaginary: [Double]
  }

  let length: Int
  let stages: [Stage]

  /// The radices 2, 3, 4 and 5 that this transform handles.
  static func isFactorable(_ n: Int) -> Bool {
    guard n >= 1 else { return false }
    var rest = n
    for p in [2, 3, 5] { while rest % p == 0 { rest /= p } }
    return rest == 1
  }

  /// - Precondition: `length >= 1` has no prime factor other than 2, 3 and 5.
  init(length: Int) {
    require(
      BatchedFFT.isFactorable(length),
      "the batched FFT takes lengths whose only prime factors are 2, 3 and 5, not \(length)")
    var radices: [Int] = []
    var rest = length
    for p in [4, 2, 3, 5] {
      while rest % p == 0 {
        radices.append(p)
        rest /= p
      }
    }
    var stages: [Stage] = []
    var span = length
    var interleave = 1
    for p in radices {
      var real: [Double] = []
      var imaginary: [Double] = []
      for j in 0..<(span / p) {
        for k in 1..<p {
          let angle = -2 * Double.pi * Double(j * k) / Double(span)
          real.append(cos(angle))
          imaginary.append(sin(angle))
        }
      }
      stages.append(Stage(p, span, interleave, real, imaginary))
      span /= p
      interleave *= p
    }
    self.length = length
    self.stages = stages
  }

  /// Transforms the `length` × `batch` array in `data` in place, a slab of columns at a time.
  ///
  /// A stage reads and writes the whole array it is given; on a large array every stage would go
  /// out to main memory and back. So the columns are copied, a few at a time, into a small
  /// array that stays in the processor's cache while all the stages run over it, and copied
  /// back: two passes over the large array instead of two per stage.
  /// - Parameters:
  ///   - inverse: false for e^(-2πi·k·n / N), true for e^(+2πi·k·n / N) (no 1/N).
  ///   - threads: the slabs are shared out among this many threads, each with slabs of its own.
  ///   - rowStride: the distance from one row of `data` to the next (`batch` unless the rows are
  ///     padded).
  ///   - nonzero: how many leading rows of `data` may be nonzero; the rest must be zeros. While
  ///     these rows are at most a stage's span / p, that stage has one term per output instead of
  ///     p (a pruned stage, ``pruned(_:_:radix:span:block:nonzero:_:)``): a kernel's spectrum,
  ///     whose input is zeros but for a few rows, costs about half a full transform.
  ///   - load: fills a slab instead of copying it from `data`, if given: its arguments are the
  ///     first column, the number of columns, the number of rows to fill, the slab and the
  ///     length of its rows. ``RealFFT2D`` reads its input there, in the order it lies in memory.
  ///   - store: stores each transformed slab instead of copying it into `data`, if given (its
  ///     arguments as for `load`): ``RealFFT2D`` writes its result there.
  ///   - between: if given, each slab is transformed, handed to `between` (its first column,
  ///     its number of columns, the slab, the length of its rows and two spare arrays as large),
  ///     and what `between` returns is transformed back the other way before it is stored:
  ///     ``RealFFT2D`` computes the kernel's spectrum for the slab's columns in the spare arrays
  ///     and multiplies the spectra there, so neither spectrum goes out to memory.
  func transform(
    _ data: SplitComplex, batch: Int, rowStride: Int? = nil, inverse: Bool, threads: Int = 1,
    nonzero: Int? = nil, load: SlabLoad? = nil, store: SlabStore? = nil,
    between: SlabStep? = nil
  ) {
    let rowStride = rowStride ?? batch
    // A transform of length 1 changes nothing, but a slab's load may still have work to do.
    guard batch > 0, !stages.isEmpty || load != nil else { return }
    let width = slabWidth(batch: batch)
    let slabs = (batch + width - 1) / width
    let parts = min(threads, slabs)
    forEachPart(parts, threads: parts) { part in
      let first = slabs * part / parts
      let last = slabs * (part + 1) / parts
      transformSlabs(
        data, rowStride: rowStride, width: width, from: first * width,
        to: min(batch, last * width), inverse: inverse, nonzero: min(nonzero ?? length, length),
        load: load, store: store, between: between)
    }
  }

  /// How many columns a slab of a `batch`-column transform holds: as many as fit in
  /// ``slabEntries``, but at least a cache line of each row (8 doubles), however long the
  /// transform, and a whole number of vector lanes. Slab k holds columns k · width ..< (k + 1) ·
  /// width (the last may hold fewer).
  func slabWidth(batch: Int) -> Int {
    roundedUp(min(batch, max(8, slabEntries / length)), to: Lanes.scalarCount)
  }

  /// The slabs of columns `start ..< end` of the transform above, one after the other.
  private func transformSlabs(
    _ data: SplitComplex, rowStride: Int, width: Int, from begin: Int, to end: Int,
    inverse: Bool, nonzero: Int, load: SlabLoad?, store: SlabStore?, between: SlabStep?
  ) {
    let lanes = Lanes.scalarCount
    // The four arrays would start a power of two apart (the length and the width often are
    // powers of two), so the same entry of each would fall in the same cache set and the
    // butterflies' loads and stores would evict one another; a few cache lines between them
    // keep them apart (measured with `companion bench`: 15 to 25 % faster at 256 to 1024).
    let part = length * width + slabStagger
    let arrays = between == nil ? 4 : 6
    let memory = UnsafeMutablePointer<Double>.allocate(capacity: arrays * part)
    defer { memory.deallocate() }
    let slab = SplitComplex(real: memory, imaginary: memory + part)
    let scratch = SplitComplex(real: memory + 2 * part, imaginary: memory + 3 * part)
    let spare = SplitComplex(real: memory + 4 * part, imaginary: memory + 5 * part)
    for start in Swift.stride(from: begin, to: end, by: width) {
      // The slab's rows are a whole number of lanes long; the columns past the batch are zeros.
      let count = min(width, end - start)
      let padded = roundedUp(count, to: lanes)
      if count < padded {
        (slab.real).update(repeating: 0, count: length * padded)
        (slab.imaginary).update(repeating: 0, count: length * padded)
      }
      let read = rowsRead(nonzero: nonzero)
      if let load {
        load(start, count, read, slab, padded)
      } else {
        for n in 0..<read {
          copy(count, from: data.real + n * rowStride + start, to: slab.real + n * padded)
          copy(
            count, from: data.imaginary + n * rowStride + start, to: slab.imaginary + n * padded)
        }
      }
      var result = transform(
        slab, scratch: scratch, batch: padded, inverse: inverse, nonzero: nonzero)
      if let between {
        let free = result.real == slab.real ? scratch : slab
        let next = between(start, count, result, padded, (free, spare))
        result = transform(
          next, scratch: next.real == result.real ? free : result, batch: padded,
          inverse: !inverse)
      }
      if let store {
        store(start, count, result, padded)
        continue
      }
      for n in 0..<length {
        copy(count, from: result.real + n * padded, to: data.real + n * rowStride + start)
        copy(count, from: result.imaginary + n * padded, to: data.imaginary + n * rowStride + start)
      }
    }
  }

  /// How many leading rows of its input a transform reads when only the first `nonzero` may be
  /// nonzero: a pruned first stage reads no others.
  func rowsRead(nonzero: Int) -> Int {
    guard let first = stages.first, nonzero <= first.span / first.radix else { return length }
    return nonzero
  }

  /// Transforms the `length` × `batch` array in `data`, using `scratch` (as large) on the way.
  ///
  /// - Returns: the buffer that holds the result, `data` or `scratch`.
  func transform(
    _ data: SplitComplex, scratch: SplitComplex, batch: Int, inverse: Bool, nonzero: Int? = nil
  ) -> SplitComplex {
    var (source, target) = (data, scratch)
    let direction: Double = inverse ? -1 : 1
    // Entries j ≥ nonzero of the sequences a stage reads are zero, as long as every stage
    // before was pruned: a pruned stage keeps them so, a full one fills them.
    var nonzero = nonzero ?? length
    for stage in stages {
      let block = stage.interleave * batch
      stage.twiddleReal.withUnsafeBufferPointer { real in
        stage.twiddleImaginary.withUnsafeBufferPointer { imaginary in
          let twiddles = Twiddles(
            real: real.baseAddress!, imaginary: imaginary.baseAddress!, direction: direction)
          if nonzero <= stage.span / stage.radix {
            pruned(
              source, target, radix: stage.radix, span: stage.span, block: block,
              nonzero: nonzero, twiddles)
            return
          }
          nonzero = stage.span
          switch stage.radix {
          case 2: radix2(source, target, span: stage.span, block: block, twiddles)
          case 3: radix3(source, target, span: stage.span, block: block, twiddles)
          case 4: radix4(source, target, span: stage.span, block: block, twiddles)
          default: radix5(source, target, span: stage.span, block: block, twiddles)
          }
        }
      }
      swap(&source, &target)
    }
    return source
  }
}

extension BatchedFFT.Stage {
  init(_ radix: Int, _ span: Int, _ interleave: Int, _ real: [Double], _ imaginary: [Double]) {
    self.init(
      radix: radix, span: span, interleave: interleave, twiddleReal: real,
      twiddleImaginary: imaginary)
  }
}

/// The twiddle factors of one stage; `direction` is -1 for the inverse transform, whose factors
/// are the conjugates.
struct Twiddles {
  let real: UnsafePointer<Double>
  let imaginary: UnsafePointer<Double>
  let direction: Double

  /// w^(j·k) for this stage's radix p, at index (p - 1)·j + k - 1.
  subscript(index: Int) -> (Double, Double) {
    (real[index], imaginary[index] * direction)
  }
}

/// n rounded up to a multiple of m.
func roundedUp(_ n: Int, to m: Int) -> Int { (n + m - 1) / m * m }

/// Copies `count` doubles, a few at a time: the rows of a slab are too short for a call to
/// `memmove` to pay off.
@inline(__always)
func copy(
  _ count: Int, from source: UnsafePointer<Double>, to target: UnsafeMutablePointer<Double>
) {
  var t = 0
  while t + Lanes.scalarCount <= count {
    UnsafeMutableRawPointer(target + t).storeBytes(
      of: UnsafeRawPointer(source + t).loadUnaligned(as: Lanes.self), as: Lanes.self)
    t += Lanes.scalarCount
  }
  while t < count {
    target[t] = source[t]
    t += 1
  }
}
