import LectureKit

/// The cross-correlation of `correlate(_:with:stride:padding:)`, the same sum taken in an
/// order that streams along rows, so that the compiler vectorises the innermost loop.
///
/// ```
/// y[i, j] = Σ_k Σ_l w[k, l] · x̃[i·s + k, j·s + l]
///
/// for every output row i, kernel row k, and kernel entries l, l+1, l+2, l+3 at a time:
///   y[i, ·] += w[k, l]·x̃[i·s + k, l + s·(·)] + ... + w[k, l+3]·x̃[i·s + k, l + 3 + s·(·)]
/// ```
/// The plain loop finishes one output before it starts the next, reading a kernel-sized window
/// for each. Here the sums over k and l move outward and the loop over the output's columns j
/// moves in: it reads a row of x̃ and adds into a row of y, both contiguous, with the same four
/// weights throughout, which is what vector instructions do well. Rows of zero padding are
/// skipped rather than stored; only columns of padding are laid out, one padded copy of x.
/// The sums are the same products added in another order, so the result agrees with the plain
/// loop up to rounding (about 1e-15 relative).
///
/// Not an exercise, and neither is ``fftCorrelate(_:with:stride:padding:)``: both live in this
/// module, out of the chapters, with the FFT engine under the FFT path (``RealFFT2D``). They take
/// the Convolution chapter's arguments (LectureKit's `Padding`), stop on the same window rule
/// (`windowProblem`), and pad on their own, so they work whether or not the chapter's exercises
/// are written; `Tests/FastPathTests` proves they agree with the plain loop.
///
/// Lecture: `004`, section 5.1, "Convolution is fast": the same operation as the dense matrix
/// of `correlationMatrix(of:inputShape:stride:padding:)`, without its zeros.
/// - Precondition: as for the chapter's `correlate(_:with:stride:padding:)`.
/// - Complexity: O(output entries · kh · kw), the plain loop's count, in vector instructions.
public func fastCorrelate(
  _ input: Matrix, with kernel: Matrix, stride: Int = 1, padding: Padding = .valid,
  threads: Threads = .automatic
) -> Matrix {
  if let mark = firstUnwritten(input, kernel) { return .placeholder(mark) }
  let margins = padding.margins(forKernel: kernel.shape)
  checkWindow(input: input.shape, kernel: kernel.shape, stride: stride, padding: padding)
  let shape = windowOutputShape(
    input: input.shape, kernel: kernel.shape, stride: stride, margins: margins)
  let width = margins.left + input.columns + margins.right
  let rows = margins.left == 0 && margins.right == 0 ? input.elements : padColumns(input, margins)
  var output = [Double](repeating: 0, count: shape.rows * shape.columns)
  let threads = threads.resolved(entries: input.count)
  output.withUnsafeMutableBufferPointer { y in
    rows.withUnsafeBufferPointer { x in
      kernel.elements.withUnsafeBufferPointer { w in
        // Each thread computes whole output rows of its own.
        forEachPart(threads, threads: threads) { part in
          for i in (shape.rows * part / threads)..<(shape.rows * (part + 1) / threads) {
            for k in 0..<kernel.rows {
              let r = i * stride + k - margins.top
              guard r >= 0 && r < input.rows else { continue }  // a row of zero padding
              let row = RowProduct(
                x: x.baseAddress! + r * width, w: w.baseAddress! + k * kernel.columns,
                stride: stride, count: shape.columns)
              row.add(kernel.columns, to: y.baseAddress! + i * shape.columns)
            }
          }
        }
      }
    }
  }
  return Matrix(rows: shape.rows, columns: shape.columns, elements: output)
}

/// The input's rows with `margins.left` zeros before and `margins.right` zeros after each.
private func padColumns(_ input: Matrix, _ margins: Margins) -> [Double] {
  let width = margins.left + input.columns + margins.right
  var rows = [Double](repeating: 0, count: input.rows * width)
  guard input.count > 0 else { return rows }
  rows.withUnsafeMutableBufferPointer { padded in
    input.elements.withUnsafeBufferPointer { x in
      for i in 0..<input.rows {
        (padded.baseAddress! + i * width + margins.left).update(
          from: x.baseAddress! + i * input.columns, count: input.columns)
      }
    }
  }
  return rows
}

/// One kernel row against one input row: y[j] += Σ_l w[l] · x[j·s + l] for j < count.
private struct RowProduct {
  let x: UnsafePointer<Double>
  let w: UnsafePointer<Double>
  let stride: Int
  let count: Int

  /// Adds the products of the first `length` kernel entries: at stride 1 through a copy of the
  /// loops in which the compiler knows the stride, so that it reads x contiguously.
  func add(_ length: Int, to y: UnsafeMutablePointer<Double>) {
    if stride == 1 {
      accumulate(length, into: y, stride: 1)
    } else {
      accumulate(length, into: y, stride: stride)
    }
  }

  /// Four kernel entries per pass over the row, then the last one to three.
  @inline(__always)
  private func accumulate(_ length: Int, into y: UnsafeMutablePointer<Double>, stride s: Int) {
    var l = 0
    while l + 4 <= length {
      let (w0, w1, w2, w3) = (w[l], w[l + 1], w[l + 2], w[l + 3])
      let x = self.x + l
      for j in 0..<count {
        y[j] += w0 * x[j * s] + w1 * x[j * s + 1] + w2 * x[j * s + 2] + w3 * x[j * s + 3]
      }
      l += 4
    }
    let x = self.x + l
    switch length - l {
    case 3:
      let (w0, w1, w2) = (w[l], w[l + 1], w[l + 2])
      for j in 0..<count { y[j] += w0 * x[j * s] + w1 * x[j * s + 1] + w2 * x[j * s + 2] }
    case 2:
      let (w0, w1) = (w[l], w[l + 1])
      for j in 0..<count { y[j] += w0 * x[j * s] + w1 * x[j * s + 1] }
    case 1:
      let w0 = w[l]
      for j in 0..<count { y[j] += w0 * x[j * s] }
    default:
      break
    }
  }
}
