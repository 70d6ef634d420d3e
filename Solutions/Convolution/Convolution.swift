import LectureKit

/// The 2D convolution of `input` with `kernel`: the lecture's definition, in which the kernel
/// runs against the input, so that it is cross-correlation with the kernel turned by 180
/// degrees. [E6.1]
///
/// ```
/// lecture:  y[i, j] = Σ_k Σ_l w[k, l] · x[i - k, j - l]
/// here:     y[i, j] = Σ_k Σ_l w[k, l] · x̃[i·s + (kh - 1 - k), j·s + (kw - 1 - l)]
/// ```
/// The second line is the first re-indexed so that output (0, 0) is the first position where
/// the whole kernel lies on x̃, the input with the zeros of `padding` around it, and moved `s`
/// entries at a time. The output has the shape of ``correlate(_:with:stride:padding:)``'s. For
/// a kernel that equals its own rotation (the lecture's three X filters and the 4 × 4
/// exercise's filter all do) convolution and cross-correlation agree; for any other kernel they
/// differ.
///
/// `same` padding follows scipy's `convolve2d(x, w, mode='same')`: for an even kernel it puts
/// the extra zero before the input, where correlation puts it after, so that the output keeps
/// the middle of the full convolution. That is the one case in which convolution is not
/// correlation with the turned kernel and the same padding.
///
/// Lecture: `000`, "Discrete convolution", "Higher dimensional convolution" and "Regular
/// twists".
/// - Precondition: the kernel has an entry and fits inside the padded input; `stride >= 1`; no
///   margin is negative; `same` and `full` padding only at stride 1.
/// - Complexity: O(output entries · kh · kw).
public func convolve(
  _ input: Matrix, with kernel: Matrix, stride: Int = 1, padding: Padding = .valid
) -> Matrix {
  if let mark = firstUnwritten(input, kernel) { return .placeholder(mark) }
  let margins = padding.margins(forKernel: kernel.shape, flipped: true)
  checkWindow(
    input: input.shape, kernel: kernel.shape, stride: stride, padding: padding)
  let x = paddedInput(input, margins)
  if let mark = firstUnwritten(x) { return .placeholder(mark) }
  // BEGIN EXERCISE convolve2D
  var output = Matrix(
    rows: (x.rows - kernel.rows) / stride + 1, columns: (x.columns - kernel.columns) / stride + 1)
  for i in 0..<output.rows {
    for j in 0..<output.columns {
      var sum = 0.0
      for k in 0..<kernel.rows {
        for l in 0..<kernel.columns {
          sum +=
            kernel[k, l] * x[i * stride + kernel.rows - 1 - k, j * stride + kernel.columns - 1 - l]
        }
      }
      output[i, j] = sum
    }
  }
  return output
  // END EXERCISE
}
