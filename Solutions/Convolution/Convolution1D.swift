import LectureKit

/// The 1D convolution of the sequence `x` with the kernel `w`, as the lecture defines it: the
/// kernel is reversed before it slides along x. [E6.1]
///
/// ```
/// lecture:  y[i] = Σ_j w[j] · x[i - j]
/// here:     y[i] = Σ_j w[j] · x̃[i·s + (k - 1 - j)]
/// ```
/// The second line is the first re-indexed so that output 0 is the first position where the
/// whole kernel lies on x̃, x with zeros before and after it. "The i-th output
/// is the dot product between the reversed w and a window of the same size in x" (`000`).
/// With `full` padding this is numpy's `convolve(x, w)`, the product of two polynomials.
///
/// `padding` is read as for a 1 × n image and a 1 × k kernel: the zeros before and after are the
/// left and right of `padding.margins(forKernel: Shape(rows: 1, columns: k), flipped: true)`.
/// `flipped` matters for `same` only: it follows scipy's `convolve2d` on a 1 × n input (and
/// numpy's `convolve(x, w, 'same')`), which puts the extra zero of an even kernel before the
/// input (k / 2 before, (k - 2) / 2 after), where correlation puts it after.
///
/// Lecture: `000`, "Discrete convolution".
/// - Precondition: the kernel has an entry and fits inside the padded input; `stride >= 1`; no
///   margin is negative; `same` and `full` padding only at stride 1.
/// - Complexity: O(outputs · k).
public func convolve(
  _ x: [Double], with w: [Double], stride: Int = 1, padding: Padding = .valid
) -> [Double] {
  checkSequence(input: x.count, kernel: w.count, stride: stride, padding: padding)
  // BEGIN EXERCISE convolve1D
  let margins = padding.margins(forKernel: Shape(rows: 1, columns: w.count), flipped: true)
  let padded =
    [Double](repeating: 0, count: margins.left) + x
    + [Double](repeating: 0, count: margins.right)
  var y: [Double] = []
  for i in 0..<((padded.count - w.count) / stride + 1) {
    var sum = 0.0
    for j in 0..<w.count {
      sum += w[j] * padded[i * stride + w.count - 1 - j]
    }
    y.append(sum)
  }
  return y
  // END EXERCISE
}
