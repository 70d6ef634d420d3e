import LectureKit

/// The input surrounded by zeros: `margins.top` rows of zeros above, `margins.bottom` below,
/// `margins.left` columns of zeros on the left and `margins.right` on the right.
///
/// ```
/// padded[i, j] = x[i - top, j - left]   where that lies inside x
///              = 0                       elsewhere
/// ```
/// An h × w input becomes (top + h + bottom) × (left + w + right). Lecture: `002`, "Padding"
/// [E4.2]: a 1 × 1 image with padding 2 is 5 × 5.
/// - Precondition: no margin is negative.
/// - Complexity: O(entries of the padded input).
public func zeroPad(_ input: Matrix, _ margins: Margins) -> Matrix {
  if let mark = firstUnwritten(input) { return .placeholder(mark) }
  precondition(
    min(margins.top, margins.bottom, margins.left, margins.right) >= 0,
    "padding must not be negative, but the margins are \(margins)")
  // BEGIN EXERCISE zeroPad
  return .unwritten("zeroPad", in: #filePath)
  // END EXERCISE
}

/// The input padded with `margins`, after checking that the padding has the shape it must have
/// (a wrong shape would make the loops that follow index outside it).
func paddedInput(_ input: Matrix, _ margins: Margins) -> Matrix {
  if margins == .zero { return input }
  let padded = zeroPad(input, margins)
  if padded.isPlaceholder { return padded }
  precondition(
    padded.shape == margins.padded(input.shape),
    "zeroPad gave a \(padded.shape) matrix, but a \(input.shape) input with margins "
      + "\(margins) pads to \(margins.padded(input.shape))")
  return padded
}
