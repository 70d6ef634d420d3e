import Foundation
import LectureKit

/// How the scores of the detector's copies become one output.
public enum ScorePooling: String, Sendable, CaseIterable {
  /// The largest score, as in the lecture: only the winning copy passes a gradient back
  /// (on a tie, the first of the largest, counted from the start of the sequence).
  case max
  /// The sum of the scores: every copy passes the same gradient back.
  case sum
  /// The soft maximum log Σ_k exp(s_k): every copy passes a gradient back, weighted by
  /// softmax(s)_k.
  case softMaximum
}

/// The scores pooled into one number (see ``ScorePooling``).
///
/// ```
/// max: max_k s_k      sum: Σ_k s_k      softMaximum: log Σ_k exp(s_k)
/// ```
/// NaN for a placeholder or an empty column.
/// - Complexity: O(entries of `scores`).
public func pooledScore(_ scores: Matrix, _ pooling: ScorePooling) -> Double {
  guard !scores.isPlaceholder, let largest = scores.elements.max() else { return .nan }
  switch pooling {
  case .max: return largest
  case .sum: return scores.sum()
  case .softMaximum: return largest + log(scores.map { exp($0 - largest) }.sum())
  }
}

/// The scores of one detector with shared weights, applied to every window of a sequence:
/// window k is the stretch of the sequence that starts at k and is as long as the detector.
/// A sequence of 7 and a detector of 3 give the lecture's 5 copies. [E6.10]
///
/// ```
/// s_k = Σ_j w_j · x_(k + j)        k = 0 ... n - m      (x has n entries, w has m)
/// ```
/// Lecture: `000`, "Motif detection in sequential data"; `001`, same title.
/// - Returns: the scores as an (n - m + 1) × 1 column.
/// - Precondition: `sequence` and `detector` are columns; the detector is not empty and not
///   longer than the sequence.
/// - Complexity: O((n - m + 1) · m) for a sequence of n entries and a detector of m.
public func motifScores(_ sequence: Matrix, detector: Matrix) -> Matrix {
  if let mark = firstUnwritten(sequence, detector) { return .placeholder(mark) }
  checkMotifShapes(sequence, detector)
  // BEGIN EXERCISE motifScores
  return .unwritten("motifScores", in: #filePath)
  // END EXERCISE
}

/// The detector's output: its scores on every window, pooled.
///
/// ```
/// P(x, w) = pool_k s_k
/// ```
/// - Precondition: as for ``motifScores(_:detector:)``.
/// - Complexity: O((n - m + 1) · m) for a sequence of n entries and a detector of m.
public func motifOutput(_ sequence: Matrix, detector: Matrix, pooling: ScorePooling) -> Double {
  pooledScore(motifScores(sequence, detector: detector), pooling)
}

/// The gradient of ``motifOutput(_:detector:pooling:)`` for the shared weights: every copy
/// of the detector contributes the gradient of its own score, the window it sees, weighted by
/// how much its score moves the pooled output; the gradient for the shared weights is the sum
/// over the copies. [E6.10]
///
/// ```
/// ∂P/∂w_j = Σ_k (∂P/∂s_k) · x_(k + j)
/// ∂P/∂s_k:  max: 1 for the first largest score, 0 for the others
///           sum: 1 for every k
///           softMaximum: exp(s_k) / Σ_i exp(s_i)
/// ```
/// Lecture: `000`, "we sum up five gradients and backpropagate the error to update the
/// parameter w".
/// - Returns: a column with the detector's shape.
/// - Precondition: as for ``motifScores(_:detector:)``.
/// - Complexity: O((n - m + 1) · m) for a sequence of n entries and a detector of m.
public func detectorGradient(
  _ sequence: Matrix, detector: Matrix, pooling: ScorePooling
) -> Matrix {
  if let mark = firstUnwritten(sequence, detector) { return .placeholder(mark) }
  checkMotifShapes(sequence, detector)
  // BEGIN EXERCISE detectorGradient
  return .unwritten("detectorGradient", in: #filePath)
  // END EXERCISE
}

private func checkMotifShapes(_ sequence: Matrix, _ detector: Matrix) {
  precondition(sequence.columns == 1, "the sequence must be a column, but is \(sequence.shape)")
  precondition(detector.columns == 1, "the detector must be a column, but is \(detector.shape)")
  precondition(
    detector.rows >= 1 && detector.rows <= sequence.rows,
    "a detector of \(detector.rows) does not fit in a sequence of \(sequence.rows)")
}
