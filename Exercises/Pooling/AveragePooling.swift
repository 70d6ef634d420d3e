import LectureKit

/// Average pooling: each output is the mean of its window, padding counted as zeros.
///
/// ```
/// y[i, j] = (Σ x[r, c] over the window's cells inside the input) / (cells of the window
///           inside the padded input)
/// ```
/// The divisor counts padding cells (they are zeros that take part in the mean: PyTorch's
/// default, `count_include_pad=True`) but not the cells of a ceil-mode window that hang past
/// the padding: such a window averages only what it covers. With no padding, a partial window
/// at the edge is the mean of its input cells; with padding 1 and a 3 × 3 window, the corner
/// window holds 4 input cells and 5 zeros and divides by 9.
///
/// Lecture: `002`, "Pooling layers" ("Pooling operation can be max or average"); `004`,
/// section 5.2 ("other pooling / combining approaches are also possible (e.g., averaging)").
/// - Precondition: the input is not empty and the window fits inside the padded input.
/// - Complexity: O(h' · w' · kh · kw) for an h' × w' output and a kh × kw window.
public func averagePool(_ input: Matrix, _ window: PoolWindow) -> Matrix {
  if let mark = firstUnwritten(input) { return .placeholder(mark) }
  checkFits(window, input)
  // BEGIN EXERCISE averagePool2D
  return .unwritten("averagePool2D", in: #filePath)
  // END EXERCISE
}
