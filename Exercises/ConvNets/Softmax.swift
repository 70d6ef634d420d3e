import Backprop
import LectureKit

/// The softmax of a column of logits: the network's probability for each class. The Backprop
/// chapter's `softmax`, which subtracts the largest logit first so that no exponential
/// overflows.
///
/// ```
/// p_k = e^(z_k) / Σ_i e^(z_i)
/// ```
/// Lecture: `004`, section 2 (a softmax output layer for several classes).
/// - Precondition: `logits` is a column with at least one entry.
/// - Complexity: O(classes).
public func classProbabilities(_ logits: Matrix) -> Matrix {
  softmax(logits)
}

/// The cross-entropy loss of the softmax of `logits` for the true class `label`: the Backprop
/// chapter's `softmaxCrossEntropy` against the one-hot column of `label`.
///
/// ```
/// ℓ = -log p_label = log Σ_i e^(z_i) - z_label
/// ```
/// Its gradient with respect to the logits is p - e_label: the probabilities, less one at the
/// true class. NaN for a placeholder.
///
/// Lecture: `004`, section 2.2 (a loss on the output of the network).
/// - Precondition: `logits` is a column and `0 <= label < logits.rows`.
/// - Complexity: O(classes).
public func crossEntropy(logits: Matrix, label: Int) -> Double {
  if logits.isPlaceholder { return .nan }
  checkLabel(label, classes: logits.rows)
  precondition(logits.columns == 1, "the logits must be a column, but they are \(logits.shape)")
  return softmaxCrossEntropy(logits: logits, label: oneHotLabel(label, classes: logits.rows))
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
