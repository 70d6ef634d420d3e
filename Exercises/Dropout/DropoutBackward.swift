import LectureKit

/// The backward pass of a training-mode dropout layer: the gradient flows back through the
/// kept units only, scaled as the forward pass scaled them. `p` is the probability of
/// DROPPING a unit.
///
/// ```
/// notes:     ∂ℓ/∂a[i, j] = mask[i, j] · ∂ℓ/∂y[i, j]
/// inverted:  ∂ℓ/∂a[i, j] = mask[i, j] · ∂ℓ/∂y[i, j] / (1 - p)
/// ```
/// The forward pass y = mask ⊙ a · s (s = 1 or 1 / (1 - p)) is linear in a with the diagonal
/// Jacobian Diag[mask · s], so a dropped unit passes no gradient: the notes' "the input weights
/// coming in / activations going out are not updated, so the unit is effectively dropped out
/// for that particular training sample". The mask must be the one the forward pass used.
///
/// Lecture: `004`, 4.1 "Dropout" ("accounted for during backprop"). [E6.6]
/// - Parameters:
///   - gradient: ∂ℓ/∂y, the gradient with respect to the layer's output, one column per example.
///   - mask: the forward pass's mask, 1 for a kept unit and 0 for a dropped one.
///   - p: the probability of dropping a unit (not of keeping it), as in the forward pass.
///   - convention: as in the forward pass (see ``DropoutConvention``).
/// - Returns: ∂ℓ/∂a, shaped like `gradient`.
/// - Precondition: 0 <= p < 1; `mask` has the shape of `gradient`.
/// - Complexity: O(units · examples).
public func dropoutBackward(
  _ gradient: Matrix, mask: Matrix, p: Double, convention: DropoutConvention
) -> Matrix {
  if let mark = firstUnwritten(gradient, mask) { return .placeholder(mark) }
  requireDropProbability(p)
  requireSameShape(mask: mask, as: gradient, named: "the gradient")
  // BEGIN EXERCISE dropoutBackward
  return .unwritten("dropoutBackward", in: #filePath)
  // END EXERCISE
}
