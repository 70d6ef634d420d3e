import LectureKit

/// The training-time output of a dropout layer for a given mask: dropped units become 0; kept
/// units pass unchanged under the notes' convention and are scaled by 1 / (1 - p) under
/// inverted dropout. `p` is the probability of DROPPING a unit.
///
/// ```
/// notes:     y[i, j] = mask[i, j] · a[i, j]
/// inverted:  y[i, j] = mask[i, j] · a[i, j] / (1 - p)
/// ```
/// The factor is 1 / (1 - p), the inverse of the keep probability, not 1 / p: with p = 0.2 a
/// kept unit is multiplied by 1.25. On average over masks the inverted output equals `a`, and
/// the notes' output equals (1 - p) · a.
///
/// Lecture: `004`, 4.1 "Dropout". [E6.6]
/// - Parameters:
///   - a: the activations, one column per example.
///   - mask: 1 for a kept unit, 0 for a dropped one, shaped like `a` (see
///     ``dropoutMask(rows:columns:p:using:)``).
///   - p: the probability of dropping a unit (not of keeping it).
///   - convention: where the factor 1 - p goes (see ``DropoutConvention``).
/// - Precondition: 0 <= p < 1; `mask` has the shape of `a`.
/// - Complexity: O(units · examples).
public func applyDropoutMask(
  _ a: Matrix, mask: Matrix, p: Double, convention: DropoutConvention
) -> Matrix {
  if let mark = firstUnwritten(a, mask) { return .placeholder(mark) }
  requireDropProbability(p)
  requireSameShape(mask: mask, as: a, named: "the activations")
  // BEGIN EXERCISE applyDropoutMask
  return .unwritten("applyDropoutMask", in: #filePath)
  // END EXERCISE
}

/// A dropout layer's forward pass: in training, each unit of each example is dropped with
/// probability `p` (the probability of DROPPING, not of keeping) by a fresh mask; in
/// evaluation, the input passes through unchanged under both conventions.
///
/// ```
/// training:    mask = dropoutMask(a's shape, p),  y = applyDropoutMask(a, mask, p)
/// evaluation:  y = a,  no mask
/// ```
/// At test time the notes' convention puts its factor 1 - p into the next layer's weights
/// (``testTimeWeights(_:p:convention:)``), not into the activations; inverted dropout needs no
/// factor at all. So an evaluation-mode dropout layer is the identity, draws nothing from
/// `generator`, and returns no mask.
///
/// Lecture: `004`, 4.1 "Dropout". [E6.6]
/// - Parameters:
///   - a: the activations, one column per example.
///   - p: the probability of dropping a unit (not of keeping it).
///   - mode: training or evaluation.
///   - convention: where the factor 1 - p goes (see ``DropoutConvention``).
///   - generator: the source of the mask's randomness (training only).
/// - Returns: the output, and in training the mask drawn (for ``dropoutBackward(_:mask:p:convention:)``);
///   nil in evaluation.
/// - Precondition: 0 <= p < 1.
/// - Complexity: O(units · examples) draws in training; O(1) in evaluation.
public func dropoutForward(
  _ a: Matrix, p: Double, mode: DropoutMode, convention: DropoutConvention,
  using generator: inout some RandomNumberGenerator
) -> (output: Matrix, mask: Matrix?) {
  if let mark = firstUnwritten(a) { return (.placeholder(mark), .placeholder(mark)) }
  requireDropProbability(p)
  // BEGIN EXERCISE dropoutForward stub: return (.unwritten("dropoutForward", in: #filePath), nil)
  return (.unwritten("dropoutForward", in: #filePath), nil)
  // END EXERCISE
}
