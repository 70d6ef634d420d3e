import LectureKit

/// ReLU applied to every coordinate of every point: the fold.
///
/// ```
/// relu(x)_j = max(0, x_j)
/// ```
/// Points in the closed positive quadrant stay where they are; a point with one negative
/// coordinate lands on an axis, and a point with both negative lands on the origin. The plane
/// is folded onto the positive quadrant along the two axes.
///
/// Lecture: `000`, "Visualization of neural networks": ReLU "eliminates any negative values"
/// [E6.12].
/// - Complexity: O(n · d) for n points in d dimensions.
public func applyReLU(_ points: Matrix) -> Matrix {
  if let mark = firstUnwritten(points) { return .placeholder(mark) }
  // BEGIN EXERCISE applyReLU
  return points.map { max(0, $0) }
  // END EXERCISE
}
