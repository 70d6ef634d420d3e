import LectureKit

/// The weights a layer uses at test time on the output of a dropout layer: under the notes'
/// convention the outgoing weights are multiplied by 1 - p, the probability of keeping a unit
/// (`p` is the probability of DROPPING one); under inverted dropout they stay as trained.
///
/// ```
/// notes:     W_test = (1 - p) · W
/// inverted:  W_test = W
/// ```
/// With the next layer's pre-activation z = W^T a + b (the notes' `004`, section 3), a unit
/// that was on only a fraction 1 - p of the time while training contributed on average
/// (1 - p) · W[i, k] · a[i] to z[k]; the notes' test-time weights give exactly that with every
/// unit on. Inverted dropout already divided by 1 - p while training, so scaling again at test
/// time would count the factor twice.
///
/// Lecture: `004`, 4.1 "Dropout" ("we simply multiply the outgoing weights of each neuron by
/// 1/2 during test time", the case p = 1/2). [E6.6]
/// - Parameters:
///   - weights: W, the trained weights out of the dropout layer, (units of the dropout layer) ×
///     (units of the next layer).
///   - p: the probability of dropping a unit (not of keeping it) while training.
///   - convention: the convention the network was trained with.
/// - Precondition: 0 <= p < 1.
/// - Complexity: O(entries of `weights`) under the notes' convention; O(1) under inverted dropout.
public func testTimeWeights(
  _ weights: Matrix, p: Double, convention: DropoutConvention
) -> Matrix {
  if let mark = firstUnwritten(weights) { return .placeholder(mark) }
  requireDropProbability(p)
  // BEGIN EXERCISE testTimeWeights
  switch convention {
  case .notes:
    return (1 - p) * weights
  case .inverted:
    return weights
  }
  // END EXERCISE
}
