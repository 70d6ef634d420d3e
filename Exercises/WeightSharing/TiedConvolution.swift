import Convolution
import LectureKit

/// How many positions a window of length `window` takes along an axis of length `length` when
/// it moves `stride` steps at a time and never hangs over the edge: the Convolution chapter's
/// ``outputLength(_:kernel:stride:padding:)`` without padding.
///
/// Lecture: `004`, section 5 (a 14 × 14 input has 6 × 6 patches of 4 × 4 at stride 2). [E4.3]
/// - Precondition: `1 <= window <= length` and `stride >= 1`.
public func slidingWindowCount(length: Int, window: Int, stride: Int) -> Int {
  precondition(
    window >= 1 && window <= length,
    "a window of \(window) does not fit along a length of \(length)")
  precondition(stride >= 1, "the stride must be at least 1, but is \(stride)")
  return outputLength(length, kernel: window, stride: stride)
}

/// Stops with a message unless a non-empty `kernel` fits in a `rows` × `columns` input and
/// `stride >= 1`.
private func checkKernelFits(_ kernel: Matrix, rows: Int, columns: Int, stride: Int) {
  _ = slidingWindowCount(length: rows, window: kernel.rows, stride: stride)
  _ = slidingWindowCount(length: columns, window: kernel.columns, stride: stride)
}

/// The valid cross-correlation of `input` with `kernel`, the kernel moving `stride` steps at a
/// time: every output is one patch's weighted sum, and every patch uses the same weights.
///
/// ```
/// y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + k, j·s + l]
/// ```
/// Lecture: `004`, section 5, hidden unit (p, q) computes Σ_ij w_ij x_(i+p, j+q); `000`,
/// "Higher dimensional convolution". [E6.1]
/// - Precondition: the kernel is not empty and fits inside the input; `stride >= 1`.
/// - Complexity: O(output entries · kh · kw) for a kh × kw kernel.
public func sharedCorrelation(_ input: Matrix, with kernel: Matrix, stride: Int = 1) -> Matrix {
  if let mark = firstUnwritten(input, kernel) { return .placeholder(mark) }
  checkKernelFits(kernel, rows: input.rows, columns: input.columns, stride: stride)
  // BEGIN EXERCISE sharedCorrelation
  return .unwritten("sharedCorrelation", in: #filePath)
  // END EXERCISE
}

/// The weight matrix of the fully connected layer that computes
/// ``sharedCorrelation(_:with:stride:)``: one row per output, one column per input pixel, both
/// counted row by row. Each row holds a copy of the kernel where its patch lies and zeros
/// elsewhere; the copies are the tied weights. [E4.3, E4.5]
///
/// ```
/// W[i·m + j, (i·s + k)·c + (j·s + l)] = kernel[k, l]      (m output columns, c input columns)
/// W · vec(x) = vec(sharedCorrelation(x, kernel, s))
/// ```
/// Lecture: `004`, section 5.1 (convolution as a large, very sparse matrix).
/// - Precondition: the kernel is not empty and fits inside the input; `stride >= 1`.
/// - Complexity: O(outputs · pixels) entries, almost all zero.
public func tiedWeightMatrix(
  kernel: Matrix, inputRows: Int, inputColumns: Int, stride: Int = 1
) -> Matrix {
  if let mark = firstUnwritten(kernel) { return .placeholder(mark) }
  checkKernelFits(kernel, rows: inputRows, columns: inputColumns, stride: stride)
  // BEGIN EXERCISE tiedWeightMatrix
  return .unwritten("tiedWeightMatrix", in: #filePath)
  // END EXERCISE
}

/// The gradient for a kernel, given the gradient for every entry of its dense weight matrix
/// (``tiedWeightMatrix(kernel:inputRows:inputColumns:stride:)``): each kernel entry is shared
/// by one dense entry per output, so its gradient is the sum of theirs. The dense entries that
/// are zero by construction belong to no kernel entry and do not count. [E6.8]
///
/// ```
/// ∂C/∂kernel[k, l] = Σ_i Σ_j ∂C/∂W[i·m + j, (i·s + k)·c + (j·s + l)]
/// ```
/// Lecture: `000`, "we force shared parameters to be equal, so the gradient ... will be
/// summed".
/// - Precondition: `denseGradient` has the shape of the dense matrix for these sizes.
/// - Complexity: O(output entries · kh · kw) for a kh × kw kernel.
public func tiedKernelGradient(
  _ denseGradient: Matrix, kernelRows: Int, kernelColumns: Int, inputRows: Int,
  inputColumns: Int, stride: Int = 1
) -> Matrix {
  let outputRows = slidingWindowCount(length: inputRows, window: kernelRows, stride: stride)
  let outputColumns = slidingWindowCount(
    length: inputColumns, window: kernelColumns, stride: stride)
  // The sizes come from the Convolution chapter's outputLength: while that exercise is wrong,
  // a student's run gets a failing result here, not a stop.
  let expected = Shape(rows: outputRows * outputColumns, columns: inputRows * inputColumns)
  if let mark = firstUnwritten(denseGradient)
    ?? refusal(
      denseGradient.shape == expected
        ? nil
        : "the dense gradient must be \(expected) for this layer, but is \(denseGradient.shape)")
  {
    return .placeholder(mark)
  }
  // BEGIN EXERCISE tiedKernelGradient
  return .unwritten("tiedKernelGradient", in: #filePath)
  // END EXERCISE
}

/// The number of weights that connects a square input to its patches' hidden units when every
/// patch has weights of its own: one weight per pixel of each patch. With weight sharing the
/// layer needs `patchSize²` instead. [E4.3]
///
/// ```
/// (number of patches per side)² · patchSize²
/// ```
/// Lecture: `004`, section 5 (14 × 14, 4 × 4 patches: 576 weights at stride 2, 1936 at
/// stride 1, 16 with sharing).
/// - Precondition: `1 <= patchSize <= inputSize` and `stride >= 1`.
public func untiedWeightCount(inputSize: Int, patchSize: Int, stride: Int) -> Int {
  precondition(
    patchSize >= 1 && patchSize <= inputSize,
    "a \(patchSize) x \(patchSize) patch does not fit in a \(inputSize) x \(inputSize) input")
  precondition(stride >= 1, "the stride must be at least 1, but is \(stride)")
  // BEGIN EXERCISE untiedWeightCount
  return .unwritten("untiedWeightCount", in: #filePath)
  // END EXERCISE
}
