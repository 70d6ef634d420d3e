import LectureKit

/// The 1D cross-correlation of the sequence `x` with the kernel `w`, as the lecture defines it:
/// the kernel slides along x without being reversed. [E6.1]
///
/// ```
/// y[i] = Σ_j w[j] · x̃[i·s + j]
/// ```
/// where x̃ is x with zeros before and after it. An n-entry input and a k-entry kernel give
/// floor((n + before + after - k) / s) + 1 outputs: with no padding, n - k + 1 at stride 1
/// (lecture: 100 inputs, a kernel of 5: 96 outputs; 48 at stride 2) [E4.1].
///
/// `padding` is read as for a 1 × n image and a 1 × k kernel: the zeros before and after are the
/// left and right of `padding.margins(forKernel: Shape(rows: 1, columns: k))`, and `same`
/// follows scipy's `correlate2d` on a 1 × n input, which puts the extra zero of an even kernel
/// after the input ((k - 2) / 2 before, k / 2 after). numpy's `correlate(x, w, 'same')` (and
/// scipy's n-dimensional `scipy.signal.correlate`) put it before instead, so for an even kernel
/// their 'same' output is this one shifted by one entry.
///
/// Lecture: `000`, "Cross-correlation" and "Regular twists".
/// - Precondition: the kernel has an entry and fits inside the padded input; `stride >= 1`; no
///   margin is negative; `same` and `full` padding only at stride 1.
/// - Complexity: O(outputs · k).
public func correlate(
  _ x: [Double], with w: [Double], stride: Int = 1, padding: Padding = .valid
) -> [Double] {
  checkSequence(input: x.count, kernel: w.count, stride: stride, padding: padding)
  // BEGIN EXERCISE correlate1D
  let margins = padding.margins(forKernel: Shape(rows: 1, columns: w.count))
  let padded =
    [Double](repeating: 0, count: margins.left) + x
    + [Double](repeating: 0, count: margins.right)
  var y: [Double] = []
  for i in 0..<((padded.count - w.count) / stride + 1) {
    var sum = 0.0
    for j in 0..<w.count {
      sum += w[j] * padded[i * stride + j]
    }
    y.append(sum)
  }
  return y
  // END EXERCISE
}

/// The chapter's preconditions for a sequence of `input` entries and a kernel of `kernel`
/// entries: those of a 1 × input image, with only the left and right margins of `padding`.
func checkSequence(input: Int, kernel: Int, stride: Int, padding: Padding) {
  let kernelShape = Shape(rows: 1, columns: kernel)
  var margins = padding.margins(forKernel: kernelShape)
  margins.top = 0
  margins.bottom = 0
  checkWindow(
    input: Shape(rows: 1, columns: input), kernel: kernelShape, stride: stride, padding: padding)
}
