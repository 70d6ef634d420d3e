import Foundation
import LectureKit

// A small hypernetwork [E6.9]. The network H(x, u) turns the input into the weights of the
// network G(x, w), so G is configured anew for every input:
//
//   w = H(x, u) = tanh(u x)          u is n × n: the parameter vector, arranged as a matrix
//   ŷ = G(x, w) = w^T x
//   C = ½ (ŷ - y)²
//
// x reaches the cost along two paths, through G directly and through H; u only through H,
// and only by way of w. Lecture: `000`, "Hypernetwork"; `001`, "Hypernet".

/// The weights w = tanh(u x) that the hypernetwork produces for input `x`.
///
/// - Precondition: `x` is n × 1 with n ≥ 1 and `u` is n × n.
/// - Complexity: O(n²) for an n × 1 `x`.
public func hypernetworkWeights(_ x: Matrix, parameters u: Matrix) -> Matrix {
  if let mark = firstUnwritten(x, u) { return .placeholder(mark) }
  checkHypernetworkShapes(x, u)
  return (u * x).map(tanh)
}

private func checkHypernetworkShapes(_ x: Matrix, _ u: Matrix) {
  precondition(x.columns == 1 && x.rows >= 1, "x must be a column n x 1, but is \(x.shape)")
  precondition(
    u.shape == Shape(rows: x.rows, columns: x.rows),
    "u must be \(x.rows) x \(x.rows) for a \(x.shape) x, but is \(u.shape)")
}

/// The cost C = ½ (w^T x - y)² of the hypernetwork, with w = tanh(u x).
///
/// - Precondition: as for ``hypernetworkWeights(_:parameters:)``.
/// - Complexity: O(n²) for an n × 1 `x`.
public func hypernetworkCost(_ x: Matrix, target y: Double, parameters u: Matrix) -> Double {
  let w = hypernetworkWeights(x, parameters: u)
  if w.isPlaceholder { return .nan }
  let error = (w.transposed() * x)[0, 0] - y
  return 0.5 * error * error
}

/// The gradient of ``hypernetworkCost(_:target:parameters:)`` for the parameters u of the
/// hypernetwork, an n × n matrix: back from C through G to w, then through H to u. [E6.9]
///
/// ```
/// e = ŷ - y      ∂C/∂w = e x      δ = ∂C/∂(u x) = (1 - w ⊙ w) ⊙ e x      ∂C/∂u = δ x^T
/// ```
/// - Precondition: as for ``hypernetworkWeights(_:parameters:)``.
/// - Complexity: O(n²) for an n × 1 `x`.
public func hypernetworkGradientU(_ x: Matrix, target y: Double, parameters u: Matrix) -> Matrix {
  if let mark = firstUnwritten(x, u) { return .placeholder(mark) }
  checkHypernetworkShapes(x, u)
  // BEGIN EXERCISE hypernetworkGradientU
  return .unwritten("hypernetworkGradientU", in: #filePath)
  // END EXERCISE
}

/// The gradient of ``hypernetworkCost(_:target:parameters:)`` for the input x, an n × 1
/// column: x reaches the cost through G directly and through the weights H produces, and the
/// gradient is the sum of both paths. [E6.9]
///
/// ```
/// ∂C/∂x = e w  +  u^T δ          (through G, through H; e and δ as for the gradient for u)
/// ```
/// - Precondition: as for ``hypernetworkWeights(_:parameters:)``.
/// - Complexity: O(n²) for an n × 1 `x`.
public func hypernetworkGradientX(_ x: Matrix, target y: Double, parameters u: Matrix) -> Matrix {
  if let mark = firstUnwritten(x, u) { return .placeholder(mark) }
  checkHypernetworkShapes(x, u)
  // BEGIN EXERCISE hypernetworkGradientX
  return .unwritten("hypernetworkGradientX", in: #filePath)
  // END EXERCISE
}
