import LectureKit

/// Whether the perceptron finds a line (in d dimensions, a hyperplane) that puts every point
/// on the side of its label within `epochs` passes over the points.
///
/// ```
/// start with w = 0, c = 0
/// each epoch, for each point i in order:
///   if y_i (w · x_i + c) <= 0 { w ← w + y_i x_i;  c ← c + y_i }
/// separable as soon as an epoch makes no change
/// ```
/// The answer `true` is certain: the w and c found separate the set strictly. The answer
/// `false` is certain for a set that is not linearly separable (the perceptron never stops
/// correcting); for a separable set it means that the margin is too small for `epochs`
/// passes (the perceptron converges after at most (R / γ)² corrections, R the largest norm
/// of a point and γ the margin).
///
/// Lecture: `000`, "Visualization of neural networks": "we are eventually able to linearly
/// separate the data" [E6.12].
/// - Parameters:
///   - points: n points, one per row.
///   - labels: n labels, each +1 or -1.
///   - epochs: the most passes over the points.
/// - Precondition: one label per point, each +1 or -1; `epochs >= 1`.
/// - Complexity: O(epochs · n · d).
public func perceptronSeparates(_ points: Matrix, labels: [Double], epochs: Int) -> Bool {
  if points.isPlaceholder { return false }
  precondition(
    labels.count == points.rows,
    "\(points.rows) points need \(points.rows) labels, but there are \(labels.count)")
  precondition(
    labels.allSatisfy { $0 == 1 || $0 == -1 },
    "labels must be +1 or -1, but include \(labels.first { $0 != 1 && $0 != -1 } ?? 0)")
  precondition(epochs >= 1, "the perceptron needs at least one epoch, not \(epochs)")
  // BEGIN EXERCISE perceptronSeparates
  var w = [Double](repeating: 0, count: points.columns)
  var c = 0.0
  for _ in 0..<epochs {
    var corrections = 0
    for i in 0..<points.rows {
      var score = c
      for k in 0..<points.columns { score += w[k] * points[i, k] }
      if labels[i] * score <= 0 {
        for k in 0..<points.columns { w[k] += labels[i] * points[i, k] }
        c += labels[i]
        corrections += 1
      }
    }
    if corrections == 0 { return true }
  }
  return false
  // END EXERCISE
}
