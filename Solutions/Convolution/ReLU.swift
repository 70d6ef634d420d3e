import LectureKit

/// The rectified linear unit applied to every entry: negatives become 0, the rest stay.
///
/// ```
/// relu(x)[i, j] = max(0, x[i, j])
/// ```
/// Lecture: `002`, "Potential to add a ReLU" [E1.5].
/// - Complexity: O(entries of `map`).
public func relu(_ map: Matrix) -> Matrix {
  // BEGIN EXERCISE relu
  return map.map { max(0, $0) }
  // END EXERCISE
}
