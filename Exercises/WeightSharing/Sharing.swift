import Foundation
import LectureKit

/// The Jacobian of a weight-sharing transformation: H(u) copies parameter `pattern[i]` into
/// weight i, so ∂H/∂u has a single 1 in each row. [E6.8]
///
/// ```
/// w_i = u_pattern[i]        (∂H/∂u)[i, j] = 1 if j == pattern[i], else 0
/// ```
/// The lecture's example, w1 = w2 = u1 and w3 = w4 = u2, is the pattern [0, 0, 1, 1] (counted
/// from 0) and gives a 4 × 2 matrix. Since H is linear, H(u) is this matrix times u, and the
/// gradient for u, (∂H/∂u)^T (∂C/∂w)^T, adds up the gradients of the weights that share it.
///
/// Lecture: `000`, "A simple parameter transformation: weight sharing"; `001`, "A simple
/// parameter sharing: Weight sharing".
/// - Returns: a `pattern.count` × `parameterCount` matrix of zeros and ones.
/// - Precondition: `parameterCount >= 1`; every entry of `pattern` is in
///   `0..<parameterCount`.
/// - Complexity: O(`pattern.count` · `parameterCount`), the matrix's entries.
public func sharingMatrix(pattern: [Int], parameterCount: Int) -> Matrix {
  precondition(parameterCount >= 1, "there must be at least one parameter, not \(parameterCount)")
  for (i, j) in pattern.enumerated() {
    precondition(
      (0..<parameterCount).contains(j),
      "weight \(i) copies parameter \(j), but there are only \(parameterCount) (0 to "
        + "\(parameterCount - 1))")
  }
  // BEGIN EXERCISE sharingMatrix
  return .unwritten("sharingMatrix", in: #filePath)
  // END EXERCISE
}

/// The lecture's sharing pattern w1 = w2 = u1, w3 = w4 = u2, counted from 0. [E6.8]
public let lectureSharingPattern = [0, 0, 1, 1]

/// A small network with four weights: two tanh units, each seeing one input, summed by two
/// output weights. With ``lectureSharingPattern`` the two units become one detector applied
/// to both inputs. [E6.8]
///
/// ```
/// G(x, w) = w3 · tanh(w1 · x1) + w4 · tanh(w2 · x2)
/// ```
/// - Precondition: `x` is 2 × 1 and `w` is 4 × 1.
public func twoUnitOutput(_ x: Matrix, weights w: Matrix) -> Double {
  if firstUnwritten(x, w) != nil { return .nan }
  precondition(x.shape == Shape(rows: 2, columns: 1), "x must be 2 x 1, but is \(x.shape)")
  precondition(w.shape == Shape(rows: 4, columns: 1), "w must be 4 x 1, but is \(w.shape)")
  return w[2, 0] * tanh(w[0, 0] * x[0, 0]) + w[3, 0] * tanh(w[1, 0] * x[1, 0])
}

/// The squared-error cost of ``twoUnitOutput(_:weights:)`` against the target `y`.
///
/// ```
/// C = ½ (G(x, w) - y)²
/// ```
public func twoUnitCost(_ x: Matrix, target y: Double, weights w: Matrix) -> Double {
  let error = twoUnitOutput(x, weights: w) - y
  return 0.5 * error * error
}

/// The gradient (∂C/∂w)^T of ``twoUnitCost(_:target:weights:)`` as a 4 × 1 column, the weights
/// treated as four independent numbers. [E6.8]
///
/// ```
/// e = G(x, w) - y
/// ∂C/∂w3 = e · tanh(w1 x1)            ∂C/∂w1 = e · w3 · (1 - tanh²(w1 x1)) · x1
/// ∂C/∂w4 = e · tanh(w2 x2)            ∂C/∂w2 = e · w4 · (1 - tanh²(w2 x2)) · x2
/// ```
/// - Precondition: `x` is 2 × 1 and `w` is 4 × 1.
public func twoUnitGradient(_ x: Matrix, target y: Double, weights w: Matrix) -> Matrix {
  if let mark = firstUnwritten(x, w) { return .placeholder(mark) }
  precondition(x.shape == Shape(rows: 2, columns: 1), "x must be 2 x 1, but is \(x.shape)")
  precondition(w.shape == Shape(rows: 4, columns: 1), "w must be 4 x 1, but is \(w.shape)")
  // BEGIN EXERCISE twoUnitGradient
  return .unwritten("twoUnitGradient", in: #filePath)
  // END EXERCISE
}
