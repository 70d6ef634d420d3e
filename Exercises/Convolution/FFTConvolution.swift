import LectureKit

/// The full 1D convolution of `x` with `w`, computed with the FFT: both zero-padded to
/// n + k - 1 entries, so that the circular convolution the FFT computes has nothing to wrap
/// around, and then ``circularConvolution(_:_:)``.
///
/// ```
/// x̂ = (x[0], ..., x[n-1], 0, ..., 0)        n + k - 1 entries
/// ŵ = (w[0], ..., w[k-1], 0, ..., 0)        n + k - 1 entries
/// fftConvolve(x, w) = x̂ ⊛ ŵ = convolve(x, with: w, padding: .full)
/// ```
/// The last output, y[n + k - 2] = w[k-1] · x[n-1], is the farthest the two reach; a shorter
/// padding lets the tail of the product wrap around onto its first entries.
///
/// Lecture: `004`, section 5.1, "Convolution is fast": with the FFT, O(N log N) instead of the
/// direct sum's O(n · k) [E4.6].
/// - Precondition: neither sequence is empty.
/// - Complexity: O(N log N) for N = n + k - 1.
public func fftConvolve(_ x: [Double], with w: [Double]) -> [Double] {
  precondition(
    !x.isEmpty && !w.isEmpty,
    "both sequences need an entry, but they have \(x.count) and \(w.count)")
  // BEGIN EXERCISE fftConvolve1D
  return .unwritten("fftConvolve1D", in: #filePath)
  // END EXERCISE
}

/// The full 2D convolution of `input` with `kernel`, computed with the 2D FFT: both zero-padded
/// at the bottom and on the right to (h + kh - 1) × (w + kw - 1), then
/// ``circularConvolution(_:_:)``.
///
/// ```
/// fftConvolve(x, w) = x̂ ⊛ ŵ = convolve(x, with: w, padding: .full)
/// ```
/// For a d × d image the FFT costs O(d² log d), where the dense matrix of the convolution costs
/// O(d⁴) (lecture: `004`, section 5.1) [E4.6].
/// - Precondition: neither matrix is empty.
/// - Complexity: O(N1·N2·log(N1·N2)), with N1 = h + kh - 1 and N2 = w + kw - 1.
public func fftConvolve(_ input: Matrix, with kernel: Matrix) -> Matrix {
  if let mark = firstUnwritten(input, kernel) { return .placeholder(mark) }
  precondition(
    input.count > 0 && kernel.count > 0,
    "both matrices need an entry, but are \(input.shape) and \(kernel.shape)")
  // BEGIN EXERCISE fftConvolve2D
  return .unwritten("fftConvolve2D", in: #filePath)
  // END EXERCISE
}
