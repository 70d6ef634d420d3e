import LectureKit

/// The cross-correlation of `correlate(_:with:stride:padding:)`, computed through the FFT: the
/// fast counterpart of the chapter's `fftConvolve(_:with:)` exercise, and, like
/// ``fastCorrelate(_:with:stride:padding:)``, not an exercise itself.
///
/// ```
/// y[i, j] = Σ_k Σ_l w[k, l] · x̃[i·s + k, j·s + l] = c[i·s - top, j·s - left]
/// c[d1, d2] = Σ_k Σ_l w[k, l] · x[d1 + k, d2 + l]         (x zero outside its h × w entries)
///           = inverse FFT of FFT(x) · conj(FFT(w))       (circular, on N1 × N2)
/// ```
/// The transform computes c circularly, indices taken mod N1 and N2. An output whose window
/// overlaps x has an offset d1 with -(kh - 1) ≤ d1 ≤ h - 1; its window reads no wrapped-around
/// entry of x as long as
/// ```
/// N1 ≥ h, kh,   N1 ≥ h - d1 (windows sticking out above),   N1 ≥ d1 + kh (below)
/// ```
/// for the smallest and the largest such d1; columns likewise. So valid padding needs only
/// N1 ≥ h (a 512 × 512 image: 512, a power of two), where the full convolution of
/// `fftConvolve(_:with:)` needs h + kh - 1 (542 for a 31 × 31 kernel, rounded up to
/// 576 = 2⁶·3² by ``RealFFT2D/fastLength(atLeast:even:)``, not to 542 = 2 · 271). Outputs whose
/// window lies wholly in the padding are zero, and set so.
///
/// Lecture: `004`, section 5.1, "Convolution is fast": O(d² log d) for a d × d image, whatever
/// the kernel's size [E4.6].
/// - Precondition: as for `correlate(_:with:stride:padding:)`.
/// - Complexity: O(N1·N2·log(N1·N2)), with N1 < 2·(h + kh) and N2 < 2·(w + kw).
public func fftCorrelate(
  _ input: Matrix, with kernel: Matrix, stride: Int = 1, padding: Padding = .valid,
  threads: Threads = .automatic
) -> Matrix {
  if let mark = firstUnwritten(input, kernel) { return .placeholder(mark) }
  let margins = padding.margins(forKernel: kernel.shape)
  checkWindow(input: input.shape, kernel: kernel.shape, stride: stride, padding: padding)
  let shape = windowOutputShape(
    input: input.shape, kernel: kernel.shape, stride: stride, margins: margins)
  let (down, across) = offsets(input.shape, kernel.shape, stride, margins, shape)
  guard
    let size = fftCorrelationSize(
      input: input.shape, kernel: kernel.shape, stride: stride, padding: padding)
  else { return Matrix(rows: shape.rows, columns: shape.columns) }
  let transform = RealFFT2D(rows: size.rows, columns: size.columns)
  var y = transform.circularCorrelation(
    of: input, with: kernel, firstRow: -margins.top, firstColumn: -margins.left, stride: stride,
    outputRows: shape.rows, outputColumns: shape.columns, threads: threads)
  if down.overlapping != 0..<shape.rows || across.overlapping != 0..<shape.columns {
    for i in 0..<shape.rows {
      for j in 0..<shape.columns
      where !down.overlapping.contains(i) || !across.overlapping.contains(j) {
        y[i, j] = 0
      }
    }
  }
  return y
}

/// The N1 × N2 of the transforms ``fftCorrelate(_:with:stride:padding:)`` takes for these
/// arguments (nil when every window lies in the padding, and no transform is needed).
/// - Precondition: as for `correlate(_:with:stride:padding:)`.
/// - Complexity: O(log³(h + kh) + log³(w + kw)), the search for fast lengths.
public func fftCorrelationSize(
  input: Shape, kernel: Shape, stride: Int = 1, padding: Padding = .valid
) -> Shape? {
  let margins = padding.margins(forKernel: kernel)
  checkWindow(input: input, kernel: kernel, stride: stride, padding: padding)
  let shape = windowOutputShape(input: input, kernel: kernel, stride: stride, margins: margins)
  let (down, across) = offsets(input, kernel, stride, margins, shape)
  guard input.rows * input.columns > 0, !down.overlapping.isEmpty, !across.overlapping.isEmpty
  else { return nil }
  return Shape(
    rows: RealFFT2D.fastLength(atLeast: down.wrapFreeLength, even: true),
    columns: RealFFT2D.fastLength(atLeast: across.wrapFreeLength))
}

/// The offsets of the outputs down the rows and across the columns.
private func offsets(
  _ input: Shape, _ kernel: Shape, _ stride: Int, _ margins: Margins, _ output: Shape
) -> (down: Offsets, across: Offsets) {
  (
    Offsets(
      first: -margins.top, stride: stride, count: output.rows, input: input.rows,
      kernel: kernel.rows),
    Offsets(
      first: -margins.left, stride: stride, count: output.columns, input: input.columns,
      kernel: kernel.columns)
  )
}

/// The offsets d = first + i·s (i < count) of the outputs along one axis, for an input of `n`
/// entries and a kernel of `k` along it.
private struct Offsets {
  let first: Int
  let stride: Int
  let count: Int
  let input: Int
  let kernel: Int

  /// The outputs whose window overlaps the input: -(k - 1) ≤ first + i·s ≤ n - 1.
  var overlapping: Range<Int> {
    let low = max(0, -floorDivide(first + kernel - 1, stride))
    let high = min(count, floorDivide(input - 1 - first, stride) + 1)
    return low..<max(low, high)
  }

  /// The smallest circular length that holds the input and the kernel and at which those windows
  /// read no wrapped-around entry.
  var wrapFreeLength: Int {
    let low = first + overlapping.lowerBound * stride
    let high = first + (overlapping.upperBound - 1) * stride
    return max(input, kernel, input - low, high + kernel)
  }
}

/// ⌊a / b⌋ for b > 0, also for negative a.
private func floorDivide(_ a: Int, _ b: Int) -> Int {
  a >= 0 ? a / b : -((-a + b - 1) / b)
}
