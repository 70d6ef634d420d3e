import Foundation
import LectureKit

/// A non-linear parameter transformation from N_u = 2 parameters to N_w = 3 weights, the
/// chapter's example of a general w = H(u). [E6.7]
///
/// ```
/// H(u) = (u1², u1·u2, exp(u2))
/// ```
/// Lecture: `000` and `001`, "Parameter transformations" (w is the output of H with
/// parameter u).
/// - Precondition: `u` is a 2 × 1 column.
public func nonlinearTransformation(_ u: Matrix) -> Matrix {
  if let mark = firstUnwritten(u) { return .placeholder(mark) }
  precondition(u.shape == Shape(rows: 2, columns: 1), "u must be 2 x 1, but is \(u.shape)")
  return Matrix(column: [u[0, 0] * u[0, 0], u[0, 0] * u[1, 0], exp(u[1, 0])])
}

/// The Jacobian ∂H/∂u of ``nonlinearTransformation(_:)`` at `u`: one row per weight, one
/// column per parameter, so N_w × N_u = 3 × 2. [E6.7]
///
/// ```
/// (∂H/∂u)[i, j] = ∂w_i / ∂u_j
/// ```
/// Lecture: `001`, "Parameter Transformation II".
/// - Precondition: `u` is a 2 × 1 column.
public func nonlinearJacobian(_ u: Matrix) -> Matrix {
  if let mark = firstUnwritten(u) { return .placeholder(mark) }
  precondition(u.shape == Shape(rows: 2, columns: 1), "u must be 2 x 1, but is \(u.shape)")
  // BEGIN EXERCISE nonlinearJacobian
  return .unwritten("nonlinearJacobian", in: #filePath)
  // END EXERCISE
}

/// One gradient step on the parameters u of a transformation w = H(u): the gradient of the
/// cost for w, carried back through the Jacobian. [E6.7]
///
/// ```
/// u ← u - η (∂H/∂u)^T (∂C/∂w)^T
/// [N_u × 1] = [N_u × 1] - η [N_u × N_w] [N_w × 1]
/// ```
/// Lecture: `000`, "Parameter transformations"; `001`, "Parameter Transformation III".
/// - Parameters:
///   - u: the parameters, N_u × 1.
///   - jacobian: ∂H/∂u at `u`, N_w × N_u.
///   - costGradient: (∂C/∂w)^T, the cost's gradient for the weights as a column, N_w × 1.
///   - learningRate: η.
/// - Returns: the new u, N_u × 1.
/// - Precondition: the shapes above.
/// - Complexity: O(N_w · N_u).
public func updateThroughTransformation(
  _ u: Matrix, jacobian: Matrix, costGradient: Matrix, learningRate: Double
) -> Matrix {
  if let mark = firstUnwritten(u, jacobian, costGradient) { return .placeholder(mark) }
  precondition(u.columns == 1, "u must be a column N_u x 1, but is \(u.shape)")
  precondition(
    costGradient.columns == 1,
    "(∂C/∂w)^T must be a column N_w x 1, but is \(costGradient.shape)")
  precondition(
    jacobian.shape == Shape(rows: costGradient.rows, columns: u.rows),
    "∂H/∂u must be N_w x N_u = \(costGradient.rows) x \(u.rows) for a \(u.shape) u and a "
      + "\(costGradient.shape) (∂C/∂w)^T, but is \(jacobian.shape)")
  // BEGIN EXERCISE updateThroughTransformation
  return .unwritten("updateThroughTransformation", in: #filePath)
  // END EXERCISE
}

/// The change of the weights w = H(u) that the step of
/// ``updateThroughTransformation(_:jacobian:costGradient:learningRate:)`` causes, to first
/// order in η. [E6.7]
///
/// ```
/// w ← w - η (∂H/∂u) (∂H/∂u)^T (∂C/∂w)^T
/// [N_w × 1] = [N_w × 1] - η [N_w × N_u] [N_u × N_w] [N_w × 1]
/// ```
/// It is the Taylor expansion of H(u - η (∂H/∂u)^T (∂C/∂w)^T) around u. For a linear H it is
/// exact; otherwise it is off by a term of order η², so halving η quarters the error until
/// rounding takes over. (The last line of `001`, "Parameter Transformation IV", lost its η.)
/// - Parameters:
///   - w: the weights H(u), N_w × 1.
///   - jacobian: ∂H/∂u at `u`, N_w × N_u.
///   - costGradient: (∂C/∂w)^T, N_w × 1.
///   - learningRate: η.
/// - Returns: the predicted new w, N_w × 1.
/// - Precondition: the shapes above.
/// - Complexity: O(N_w · N_u).
public func firstOrderWeightUpdate(
  _ w: Matrix, jacobian: Matrix, costGradient: Matrix, learningRate: Double
) -> Matrix {
  if let mark = firstUnwritten(w, jacobian, costGradient) { return .placeholder(mark) }
  precondition(w.columns == 1, "w must be a column N_w x 1, but is \(w.shape)")
  precondition(
    costGradient.shape == w.shape,
    "(∂C/∂w)^T must have the shape of w, \(w.shape), but is \(costGradient.shape)")
  precondition(
    jacobian.rows == w.rows && jacobian.columns >= 1,
    "∂H/∂u must be N_w x N_u with N_w = \(w.rows) rows, but is \(jacobian.shape)")
  // BEGIN EXERCISE firstOrderWeightUpdate
  return .unwritten("firstOrderWeightUpdate", in: #filePath)
  // END EXERCISE
}
