import LectureKit

/// The valid 2D convolution of `input` with `kernel`: the lecture's definition, in which the
/// kernel runs against the input, so that it is cross-correlation with the kernel turned by 180
/// degrees. [E6.1]
///
/// ```
/// lecture:  y[i, j] = Σ_k Σ_l w[k, l] · x[i - k, j - l]
/// here:     y[i, j] = Σ_k Σ_l w[k, l] · x[i + (kh - 1 - k), j + (kw - 1 - l)]
/// ```
/// The second line is the first re-indexed so that output (0, 0) is the first position where
/// the whole kernel fits: an h × w input and a kh × kw kernel give (h - kh + 1) × (w - kw + 1)
/// outputs, as for ``correlate(_:with:)``. For a kernel that equals its own rotation (the
/// lecture's three X filters and the 4 × 4 exercise's filter all do) convolution and
/// cross-correlation agree; for any other kernel they differ.
///
/// Lecture: `000`, "Discrete convolution" and "Higher dimensional convolution".
/// - Precondition: the kernel fits inside the input and is not empty.
/// - Complexity: O(h · w · kh · kw).
public func convolve(_ input: Matrix, with kernel: Matrix) -> Matrix {
  if let unwritten = placeholder(among: input, kernel) { return unwritten }
  precondition(
    kernel.rows >= 1 && kernel.columns >= 1,
    "the kernel must have at least one entry, but is \(kernel.shape)")
  precondition(
    kernel.rows <= input.rows && kernel.columns <= input.columns,
    "a \(kernel.shape) kernel does not fit inside a \(input.shape) input")
  // BEGIN EXERCISE convolve2D
  var output = Matrix(
    rows: input.rows - kernel.rows + 1, columns: input.columns - kernel.columns + 1)
  for i in 0..<output.rows {
    for j in 0..<output.columns {
      var sum = 0.0
      for k in 0..<kernel.rows {
        for l in 0..<kernel.columns {
          sum += kernel[k, l] * input[i + kernel.rows - 1 - k, j + kernel.columns - 1 - l]
        }
      }
      output[i, j] = sum
    }
  }
  return output
  // END EXERCISE
}
