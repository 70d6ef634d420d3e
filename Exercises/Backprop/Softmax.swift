import Foundation
import LectureKit

/// The softmax of a column of logits, computed so that large logits do not overflow.
///
/// ```
/// softmax(z)_k = e^(z_k) / Σ_i e^(z_i) = e^(z_k - m) / Σ_i e^(z_i - m),   m = max_i z_i
/// ```
/// Subtracting the largest logit changes nothing mathematically, but keeps every exponent at or
/// below 0: e^1000 overflows to infinity and inf / inf is NaN, while e^0 = 1 is harmless.
///
/// Lecture: `004`, section 2 ("a softmax function (when working with multiple classes)").
/// - Precondition: `z` is a column with at least one entry.
/// - Complexity: O(entries of `z`).
public func softmax(_ z: Matrix) -> Matrix {
  if z.isPlaceholder { return z }
  precondition(
    z.columns == 1 && z.rows >= 1, "softmax takes a column of logits, but z is \(z.shape)")
  // BEGIN EXERCISE softmax
  return .unwritten("softmax", in: #filePath)
  // END EXERCISE
}

/// The cross-entropy of the softmax of the logits `z` against the one-hot label `y` of class c,
/// computed without overflow for large logits (the log-sum-exp trick).
///
/// ```
/// ℓ = -log softmax(z)_c = log Σ_i e^(z_i) - z_c = m + log Σ_i e^(z_i - m) - Σ_k y_k z_k
/// ```
/// with `m = max_i z_i`. Its gradient with respect to z is `softmax(z) - y`.
///
/// Lecture: `004`, section 2 (softmax output layer) and section 4, "Loss function" (the
/// multiclass cross-entropy combined with softmax).
/// - Precondition: `y` is a one-hot column of `z`'s shape.
/// - Complexity: O(entries of `z`).
public func softmaxCrossEntropy(logits z: Matrix, label y: Matrix) -> Double {
  if z.isPlaceholder || y.isPlaceholder { return .nan }
  Loss.softmaxCrossEntropy.checkLabel(y, output: z)
  // BEGIN EXERCISE softmaxCrossEntropy
  return .unwritten("softmaxCrossEntropy", in: #filePath)
  // END EXERCISE
}
