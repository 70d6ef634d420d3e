import LectureKit

/// The 2D cross-correlation of `input` with `kernel`: the kernel slides over the (zero-padded)
/// input without flipping, `stride` entries at a time, and each output is the sum of the
/// products where it lies. [E6.1]
///
/// ```
/// y[i, j] = Σ_k Σ_l w[k, l] · x̃[i·s + k, j·s + l]
/// ```
/// where x̃ is the input with the zeros of `padding` around it (``zeroPad(_:_:)``). An h × w
/// input and a kh × kw kernel give floor((h + top + bottom - kh) / s) + 1 rows of output, and
/// columns likewise (``outputLength(_:kernel:stride:padding:)``); valid padding at stride 1
/// gives (h - kh + 1) × (w - kw + 1). Deep-learning libraries call this operation
/// "convolution"; ``convolve(_:with:stride:padding:)`` is the true convolution, with the flip.
///
/// Lecture: `000`, "Higher dimensional convolution" and "Regular twists" (stride, padding);
/// `002`, "Local filtering", "Padding", "Stride 2".
/// - Precondition: the kernel has an entry and fits inside the padded input; `stride >= 1`; no
///   margin is negative; `same` and `full` padding only at stride 1.
/// - Complexity: O(output entries · kh · kw).
public func correlate(
  _ input: Matrix, with kernel: Matrix, stride: Int = 1, padding: Padding = .valid
) -> Matrix {
  if let mark = firstUnwritten(input, kernel) { return .placeholder(mark) }
  let margins = padding.margins(forKernel: kernel.shape)
  checkWindow(
    input: input.shape, kernel: kernel.shape, stride: stride, padding: padding)
  let x = paddedInput(input, margins)
  if let mark = firstUnwritten(x) { return .placeholder(mark) }
  // BEGIN EXERCISE correlate2D
  var output = Matrix(
    rows: (x.rows - kernel.rows) / stride + 1, columns: (x.columns - kernel.columns) / stride + 1)
  for i in 0..<output.rows {
    for j in 0..<output.columns {
      var sum = 0.0
      for k in 0..<kernel.rows {
        for l in 0..<kernel.columns {
          sum += kernel[k, l] * x[i * stride + k, j * stride + l]
        }
      }
      output[i, j] = sum
    }
  }
  return output
  // END EXERCISE
}
