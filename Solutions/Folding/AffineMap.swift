import LectureKit

/// The affine map of one layer applied to every point of a set: each point x (a row of
/// `points`, read as a column vector) goes to W x + b.
///
/// ```
/// z_i = W x_i + b          Z[i, j] = b[j] + Σ_k W[j, k] · X[i, k]
/// Z = X Wᵀ + 1 bᵀ           (1: a column of n ones)
/// ```
/// For n points in d dimensions, `weights` is m × d, `bias` is m × 1 and the result n × m.
/// An affine map sends lines to lines and keeps parallel lines parallel; rotation, shear,
/// scaling and reflection are its special cases (with b = 0), and b moves everything by the
/// same vector.
///
/// Lecture: `000`, "Visualization of neural networks": each layer performs "some affine
/// transformation followed by applying the non-linear ReLU operation" [E6.12].
/// - Precondition: `weights.columns == points.columns` and `bias` is `weights.rows` × 1.
/// - Complexity: O(n · m · d).
public func affineMap(_ points: Matrix, weights: Matrix, bias: Matrix) -> Matrix {
  if let mark = firstUnwritten(points, weights, bias) { return .placeholder(mark) }
  precondition(
    weights.columns == points.columns,
    "\(points.columns)-dimensional points need weights with \(points.columns) columns, "
      + "but the weights are \(weights.shape)")
  precondition(
    bias.shape == Shape(rows: weights.rows, columns: 1),
    "\(weights.shape) weights need a \(weights.rows) x 1 bias, but the bias is \(bias.shape)")
  // BEGIN EXERCISE affineMap
  // Z = X Wᵀ + 1 bᵀ: row i of X Wᵀ is (W x_i)ᵀ, and 1 bᵀ repeats bᵀ in every row.
  let ones = Matrix(rows: points.rows, columns: 1, repeating: 1)
  return points * weights.transposed() + ones * bias.transposed()
  // END EXERCISE
}
