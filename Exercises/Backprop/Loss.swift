import Foundation
import LectureKit

/// The loss `ℓ(y, a^L)` of one training pair, on the network's output activation `a^L`.
///
/// ```
/// squared              ℓ = 1/2 Σ_k (y_k - a_k)^2      y: a column of a^L's shape
/// hinge                ℓ = max(0, 1 - y a)            y: ±1, a: a single output
/// softmaxCrossEntropy  ℓ = -log softmax(z)_c          y: one-hot column of class c, a = z
/// ```
/// The softmax cross-entropy reads the raw outputs as logits: the output layer's activation must
/// be the identity.
///
/// Lecture: `004`, section 2.2, equation (2) (hinge and squared loss); the output layer as "a
/// softmax function (when working with multiple classes)", section 2.
public enum Loss: String, Sendable, CaseIterable, CustomStringConvertible {
  case squared, hinge, softmaxCrossEntropy

  public var description: String { rawValue }

  /// Stops with a message unless `y` is a label this loss accepts for the output `a`.
  ///
  /// - Complexity: O(entries of `y`) for the softmax cross-entropy; O(1) for the others.
  public func checkLabel(_ y: Matrix, output a: Matrix) {
    switch self {
    case .squared:
      precondition(
        y.shape == a.shape,
        "the squared loss compares a \(a.shape) output with a label of the "
          + "same shape, but the label is \(y.shape)")
    case .hinge:
      precondition(
        a.shape == Shape(rows: 1, columns: 1),
        "the hinge loss takes a single output, but the output is \(a.shape)")
      precondition(
        y.shape == Shape(rows: 1, columns: 1) && (y[0, 0] == 1 || y[0, 0] == -1),
        "the hinge loss takes the label +1 or -1, but the label is \(y.shape): \(y.elements)")
    case .softmaxCrossEntropy:
      precondition(
        y.shape == a.shape && y.elements.allSatisfy { $0 == 0 || $0 == 1 } && y.sum() == 1,
        "the softmax cross-entropy takes a one-hot label of the output's shape \(a.shape), but "
          + "the label is \(y.shape): \(y.elements)")
    }
  }
}

/// The one-hot column of class `c` among `classes`: 1 at entry c (counted from 0), 0 elsewhere.
///
/// - Precondition: `0 <= c < classes`.
/// - Complexity: O(classes).
public func oneHot(_ c: Int, classes: Int) -> Matrix {
  precondition(
    (0..<max(0, classes)).contains(c), "class \(c) is not one of the classes 0 ... \(classes - 1)")
  return Matrix(rows: classes, columns: 1) { i, _ in i == c ? 1 : 0 }
}

/// The value `ℓ(y, a)` of `loss` at the output `a` (see ``Loss``). NaN for a placeholder.
///
/// - Precondition: `y` is a label the loss accepts for `a`.
/// - Complexity: O(entries of `a`).
public func lossValue(_ loss: Loss, output a: Matrix, label y: Matrix) -> Double {
  if a.isPlaceholder || y.isPlaceholder { return .nan }
  loss.checkLabel(y, output: a)
  switch loss {
  case .squared:
    return 0.5 * (y - a).map { $0 * $0 }.sum()
  case .hinge:
    return max(0, 1 - y[0, 0] * a[0, 0])
  case .softmaxCrossEntropy:
    return softmaxCrossEntropy(logits: a, label: y)
  }
}

/// The gradient of the squared loss with respect to the output activation.
///
/// ```
/// ℓ = 1/2 Σ_k (y_k - a_k)^2        ∇_a ℓ = a - y
/// ```
/// Lecture: `004`, section 2.2, equation (2); section 3, step 3 (`∇_(a^L) ℓ`).
/// - Precondition: `y` has the shape of `a`.
/// - Complexity: O(entries of `a`).
public func squaredLossGradient(output a: Matrix, label y: Matrix) -> Matrix {
  if let mark = firstUnwritten(a, y) { return .placeholder(mark) }
  Loss.squared.checkLabel(y, output: a)
  // BEGIN EXERCISE squaredLossGradient
  return .unwritten("squaredLossGradient", in: #filePath)
  // END EXERCISE
}

/// The gradient of the hinge loss with respect to the single output activation, with the
/// notes' choice 0 at the kink (margin `y a` exactly 1).
///
/// ```
/// ℓ = max(0, 1 - y a)        ∂ℓ/∂a = -y if ℓ > 0 (margin y a < 1), else 0
/// ```
/// Lecture: `004`, section 2.2 (the case split "-y if ℓ(y, z) > 0, 0 otherwise").
/// - Precondition: `a` is 1 x 1 and `y` is +1 or -1.
public func hingeLossGradient(output a: Matrix, label y: Matrix) -> Matrix {
  if let mark = firstUnwritten(a, y) { return .placeholder(mark) }
  Loss.hinge.checkLabel(y, output: a)
  // BEGIN EXERCISE hingeLossGradient
  return .unwritten("hingeLossGradient", in: #filePath)
  // END EXERCISE
}
