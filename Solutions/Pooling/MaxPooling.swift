import LectureKit

/// Max pooling: each output is the largest entry of its window.
///
/// ```
/// y[i, j] = max { x[r, c] : r in window i of the rows, c in window j of the columns }
/// window i covers rows  i·s - p  ..<  i·s - p + k   (see PoolAxis)
/// ```
/// Padding counts as -∞, so it never wins: only the cells of the window that lie inside the
/// input compete, and a window of negative entries next to the padding keeps its negative
/// maximum. The output has ``pooledShape(_:by:)``; with `window.rounding == .ceil` the last
/// row and column of windows may hang over the edge, as on the slide, which pools the 7 × 7
/// maps of the X with 2 × 2 windows at stride 2 into 4 × 4 maps.
///
/// Max pooling has no parameters; it shrinks the map and makes it locally invariant: a
/// feature that moves inside a window leaves the output unchanged.
///
/// Lecture: `002`, "Pooling = Local invariance", "Max-pooling" and "And a whole max pooling
/// operation"; `004`, section 5.2. [E2.1-E2.4]
/// - Precondition: the input is not empty and the window fits inside the padded input.
/// - Complexity: O(h' · w' · kh · kw) for an h' × w' output and a kh × kw window.
public func maxPool(_ input: Matrix, _ window: PoolWindow) -> Matrix {
  if let mark = firstUnwritten(input) { return .placeholder(mark) }
  checkFits(window, input)
  // BEGIN EXERCISE maxPool2D
  let shape = pooledShape(input.shape, by: window)
  var output = Matrix(rows: shape.rows, columns: shape.columns)
  for i in 0..<output.rows {
    let top = i * window.rows.stride - window.rows.padding
    for j in 0..<output.columns {
      let left = j * window.columns.stride - window.columns.padding
      // Padding is -∞: start from there and let the input's cells compete.
      var largest = -Double.infinity
      for r in max(top, 0)..<min(top + window.rows.size, input.rows) {
        for c in max(left, 0)..<min(left + window.columns.size, input.columns) {
          largest = max(largest, input[r, c])
        }
      }
      output[i, j] = largest
    }
  }
  return output
  // END EXERCISE
}
