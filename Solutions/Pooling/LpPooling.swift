import Foundation
import LectureKit

/// Lp-norm pooling: each output is the p-norm of its window.
///
/// ```
/// y[i, j] = (Σ |x[r, c]|^p over the window's cells inside the input)^(1/p)
/// ```
/// Padding counts as zeros, which add nothing to the sum. p = 1 sums the magnitudes, p = 2
/// is the Euclidean length of the window, and as p grows the result approaches max pooling
/// of the magnitudes. The output has ``pooledShape(_:by:)``.
///
/// PyTorch's `LPPool2d` differs in three ways: it omits the absolute value (it raises x
/// itself to the power p, so odd p and negative entries differ), it takes no padding, and it
/// computes the sum as a mean times the window's area, so that its partial ceil-mode windows
/// are scaled up. For non-negative inputs, no padding and floor mode the two agree.
///
/// Lecture: `001`, "Handling jitter: Pooling" (max pooling, Lp-norm pooling).
/// - Precondition: the input is not empty, the window fits inside the padded input, and p is
///   a finite number with `p >= 1` (below 1 it is not a norm).
/// - Complexity: O(h' · w' · kh · kw) for an h' × w' output and a kh × kw window.
public func lpPool(_ input: Matrix, _ window: PoolWindow, norm p: Double) -> Matrix {
  if let mark = firstUnwritten(input) { return .placeholder(mark) }
  checkFits(window, input)
  checkNorm(p)
  // BEGIN EXERCISE lpPool2D
  let shape = pooledShape(input.shape, by: window)
  var output = Matrix(rows: shape.rows, columns: shape.columns)
  for i in 0..<output.rows {
    let top = i * window.rows.stride - window.rows.padding
    for j in 0..<output.columns {
      let left = j * window.columns.stride - window.columns.padding
      var sum = 0.0
      for r in max(top, 0)..<min(top + window.rows.size, input.rows) {
        for c in max(left, 0)..<min(left + window.columns.size, input.columns) {
          sum += pow(abs(input[r, c]), p)
        }
      }
      output[i, j] = pow(sum, 1 / p)
    }
  }
  return output
  // END EXERCISE
}

/// Stops with a message unless `p` is a finite number of at least 1.
func checkNorm(_ p: Double) {
  precondition(
    p.isFinite && p >= 1, "the norm of Lp pooling must be a finite number >= 1, but it is \(p)")
}
