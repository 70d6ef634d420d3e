import LectureKit

/// The two letters the network tells apart, drawn as the lecture draws its X: +1 on the
/// strokes, -1 elsewhere, 7 × 7.
///
/// ```
/// X                       O
/// # . . . . . #           . # # # # # .
/// . # . . . # .           # . . . . . #
/// . . # . # . .           # . . . . . #
/// . . . # . . .           # . . . . . #
/// . . # . # . .           # . . . . . #
/// . # . . . # .           # . . . . . #
/// # . . . . . #           . # # # # # .
/// ```
/// The X is the stroke of the lecture's 9 × 9 image without its frame (`Lecture.xImage`).
///
/// Lecture: `002`, "What is a CNN?" (the X and the O).
public enum XOLetter: Int, Sendable, CaseIterable {
  /// Class 0.
  case x = 0
  /// Class 1.
  case o = 1

  /// The letter's 7 × 7 drawing: +1 stroke, -1 background.
  public var drawing: Matrix {
    Matrix(rows: 7, columns: 7) { i, j in
      switch self {
      case .x: return i == j || i + j == 6 ? 1 : -1
      case .o:
        let onEdge = i == 0 || i == 6 || j == 0 || j == 6
        let isCorner = (i == 0 || i == 6) && (j == 0 || j == 6)
        return onEdge && !isCorner ? 1 : -1
      }
    }
  }
}

/// `letter` drawn on a `size` × `size` background of -1, its top-left corner at (`row`,
/// `column`). The lecture's 9 × 9 X is the X at (1, 1) on a canvas of 9.
///
/// - Precondition: the letter fits on the canvas there.
/// - Complexity: O(size²), the canvas's entries.
public func letterImage(_ letter: XOLetter, canvas size: Int, row: Int, column: Int) -> Matrix {
  let drawing = letter.drawing
  precondition(
    row >= 0 && column >= 0 && row + drawing.rows <= size && column + drawing.columns <= size,
    "a 7 x 7 letter at (\(row), \(column)) does not fit on a \(size) x \(size) canvas")
  var image = Matrix(rows: size, columns: size, repeating: -1)
  for i in 0..<drawing.rows {
    for j in 0..<drawing.columns { image[row + i, column + j] = drawing[i, j] }
  }
  return image
}

/// `image` with `count` pixels, chosen at random without repeats, turned into their opposite
/// (x → -x): stroke becomes background and background stroke.
///
/// - Precondition: `0 <= count <=` the number of pixels.
/// - Complexity: O(entries of `image`), a shuffle of all their indices.
public func flippingPixels(
  _ image: Matrix, count: Int, using generator: inout some RandomNumberGenerator
) -> Matrix {
  precondition(
    count >= 0 && count <= image.count,
    "cannot flip \(count) of the \(image.count) pixels of a \(image.shape) image")
  var flipped = image
  for index in Array(image.elements.indices.shuffled(using: &generator).prefix(count)) {
    flipped.elements[index] = -flipped.elements[index]
  }
  return flipped
}

/// Shifted, noisy letters: for every offset and every letter, `copies` images of the letter
/// at that offset on a `canvas` × `canvas` background, each with `flips` pixels flipped.
/// Labels are the letters' raw values (X is 0, O is 1).
///
/// - Complexity: O(o · copies · canvas²) for o offsets.
public func shiftedLetters(
  at offsets: [(row: Int, column: Int)], canvas: Int, copies: Int, flips: Int,
  using generator: inout some RandomNumberGenerator
) -> [LabelledImage] {
  var examples: [LabelledImage] = []
  for offset in offsets {
    for letter in XOLetter.allCases {
      for _ in 0..<copies {
        let clean = letterImage(letter, canvas: canvas, row: offset.row, column: offset.column)
        let image = flippingPixels(clean, count: flips, using: &generator)
        examples.append(LabelledImage(maps: [image], label: letter.rawValue))
      }
    }
  }
  return examples
}
