import LectureKit

/// The matrix of the cross-correlation with `kernel` on inputs of shape `inputShape`: one row per
/// output, one column per input pixel, both counted row by row.
///
/// ```
/// M · vec(x) = vec(correlate(x, with: w, stride: s, padding: padding))
/// M[i·W' + j, p·W + q] = w[p + top - i·s, q + left - j·s]   where that lies inside w
///                      = 0                                  elsewhere
/// ```
/// with W the input's width, W' the output's, and vec the row-major flattening (the image read
/// as one long vector, as the notes do). Correlation is linear, so it is this matrix; the matrix
/// is sparse and highly structured: row i·W' + j holds the kernel's entries at the pixels of
/// window (i, j), and nothing else. Zeros of the padding multiply nothing, so the entries that
/// would fall on them are left out. Its transpose carries an upstream gradient back to the input
/// (``correlationInputGradient(_:kernel:inputShape:stride:padding:)``).
///
/// Lecture: `004`, section 5.1, "The convolution operation", the exercise: a 5 × 5 image and a
/// 2 × 2 patch at stride 1 give a 16 × 25 matrix with 4 non-zeros per row [E4.5].
/// - Precondition: as for ``correlate(_:with:stride:padding:)``.
/// - Complexity: O(outputs · pixels) entries, almost all zero.
public func correlationMatrix(
  of kernel: Matrix, inputShape: Shape, stride: Int = 1, padding: Padding = .valid
) -> Matrix {
  if let mark = firstUnwritten(kernel) { return .placeholder(mark) }
  let margins = padding.margins(forKernel: kernel.shape)
  checkWindow(
    input: inputShape, kernel: kernel.shape, stride: stride, padding: padding)
  // BEGIN EXERCISE correlationMatrix
  return .unwritten("correlationMatrix", in: #filePath)
  // END EXERCISE
}
