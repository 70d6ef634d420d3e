import Foundation
import LectureKit

/// The softmax of a column of logits: the network's probability for each class.
///
/// ```
/// p_k = e^(z_k) / Σ_i e^(z_i) = e^(z_k - m) / Σ_i e^(z_i - m),    m = max_i z_i
/// ```
/// Subtracting the largest logit changes nothing but keeps every exponent at or below 0, so no
/// exponential overflows. Given code here: the Backprop chapter is where it is an exercise.
///
/// Lecture: `004`, section 2 (a softmax output layer for several classes).
/// - Precondition: `logits` is a column with at least one entry.
/// - Complexity: O(entries of `logits`).
public func classProbabilities(_ logits: Matrix) -> Matrix {
  if logits.isPlaceholder { return logits }
  precondition(
    logits.columns == 1 && logits.rows >= 1,
    "softmax takes a column of logits, but they are \(logits.shape)")
  let m = logits.elements.max()!
  let exponentials = logits.map { exp($0 - m) }
  return exponentials / exponentials.sum()
}

/// The cross-entropy loss of the softmax of `logits` for the true class `label`:
///
/// ```
/// ℓ = -log p_label = log Σ_i e^(z_i) - z_label = m + log Σ_i e^(z_i - m) - z_label
/// ```
/// Its gradient with respect to the logits is p - e_label: the probabilities, less one at the
/// true class. NaN for a placeholder.
///
/// Lecture: `004`, section 2.2 (a loss on the output of the network).
/// - Precondition: `logits` is a column and `0 <= label < logits.rows`.
/// - Complexity: O(entries of `logits`).
public func crossEntropy(logits: Matrix, label: Int) -> Double {
  if logits.isPlaceholder { return .nan }
  checkLabel(label, classes: logits.rows)
  precondition(logits.columns == 1, "the logits must be a column, but they are \(logits.shape)")
  let m = logits.elements.max()!
  return m + log(logits.map { exp($0 - m) }.sum()) - logits[label, 0]
}

/// The one-hot column of class `label` among `classes`: 1 at row `label`, 0 elsewhere.
///
/// - Precondition: `0 <= label < classes`.
/// - Complexity: O(classes).
public func oneHotLabel(_ label: Int, classes: Int) -> Matrix {
  checkLabel(label, classes: classes)
  return Matrix(rows: classes, columns: 1) { i, _ in i == label ? 1 : 0 }
}

func checkLabel(_ label: Int, classes: Int) {
  precondition(
    label >= 0 && label < classes,
    "the label must be a class from 0 to \(classes - 1), but it is \(label)")
}
