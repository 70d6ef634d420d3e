import LectureKit

/// The valid 2D cross-correlation of `input` with `kernel`: the kernel slides over the input
/// without flipping, and each output is the sum of the products where it lies. [E6.1]
///
/// ```
/// y[i, j] = Σ_k Σ_l w[k, l] · x[i + k, j + l]
/// ```
/// for every position where the whole kernel lies inside the input, so an h × w input and a
/// kh × kw kernel give an (h - kh + 1) × (w - kw + 1) output. Deep-learning libraries call this
/// operation "convolution"; ``convolve(_:with:)`` is the true convolution, with the flip.
///
/// Lecture: `000`, "Higher dimensional convolution"; `002`, "Local filtering".
/// - Precondition: the kernel fits inside the input and is not empty.
/// - Complexity: O(h · w · kh · kw).
public func correlate(_ input: Matrix, with kernel: Matrix) -> Matrix {
  if let unwritten = placeholder(among: input, kernel) { return unwritten }
  precondition(
    kernel.rows >= 1 && kernel.columns >= 1,
    "the kernel must have at least one entry, but is \(kernel.shape)")
  precondition(
    kernel.rows <= input.rows && kernel.columns <= input.columns,
    "a \(kernel.shape) kernel does not fit inside a \(input.shape) input")
  // BEGIN EXERCISE correlate2D
  var output = Matrix(
    rows: input.rows - kernel.rows + 1, columns: input.columns - kernel.columns + 1)
  for i in 0..<output.rows {
    for j in 0..<output.columns {
      var sum = 0.0
      for k in 0..<kernel.rows {
        for l in 0..<kernel.columns {
          sum += kernel[k, l] * input[i + k, j + l]
        }
      }
      output[i, j] = sum
    }
  }
  return output
  // END EXERCISE
}
