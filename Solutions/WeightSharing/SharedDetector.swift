import LectureKit

/// The shared weights of a sequence motif detector together with a gradient that accumulates,
/// as a deep-learning library keeps them: every backward pass adds to ``gradient``, and only
/// ``zeroGradient()`` clears it. A training step must therefore clear the gradient before its
/// backward pass (PyTorch's `zero_grad()`), or it steps along the sum of this step's gradient
/// and every earlier one. [E6.10]
///
/// The accumulation is on purpose: the lecture's five copies of the detector each add their
/// share to the one gradient of the shared weights. Lecture: `000`, "Motif detection in
/// sequential data".
public struct SharedDetector: Sendable {
  /// The detector's weights w, a column.
  public var weights: Matrix
  /// The gradient accumulated since the last ``zeroGradient()``, with the shape of the
  /// weights.
  public private(set) var gradient: Matrix

  /// A detector with the given weights and a zero gradient.
  ///
  /// - Complexity: O(m) for a detector of m weights.
  public init(weights: Matrix) {
    self.weights = weights
    self.gradient = Matrix(rows: weights.rows, columns: weights.columns)
  }

  /// Adds the gradient of the pooled output on `sequence` to ``gradient``.
  ///
  /// ```
  /// gradient ← gradient + ∂P/∂w
  /// ```
  /// - Complexity: O((n - m + 1) · m) for a sequence of n entries and a detector of m.
  public mutating func backward(on sequence: Matrix, pooling: ScorePooling) {
    gradient += detectorGradient(sequence, detector: weights, pooling: pooling)
  }

  /// Sets ``gradient`` to zero.
  ///
  /// - Complexity: O(m) for a detector of m weights.
  public mutating func zeroGradient() {
    gradient = Matrix(rows: weights.rows, columns: weights.columns)
  }

  /// One gradient-descent step along the accumulated gradient.
  ///
  /// ```
  /// w ← w - η · gradient
  /// ```
  /// - Complexity: O(m) for a detector of m weights.
  public mutating func step(learningRate: Double) {
    weights -= learningRate * gradient
  }
}
