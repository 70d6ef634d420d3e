import LectureKit

/// A binary image drawn in text: `#` is stroke (1), anything else background (0).
///
/// - Precondition: the rows are equally long.
/// - Complexity: O(characters of `rows`).
public func binaryImage(_ rows: [String]) -> Matrix {
  Matrix(rows.map { row in row.map { $0 == "#" ? 1.0 : 0.0 } })
}

/// The two letters of the lecture's motif example, 7 × 5 binary images. [E6.11]
///
/// "C" bends round at the left, so it has no corners; its strokes end at the right (two
/// endpoints). "D" has two corners at the left and bends round at the right (no endpoints).
/// Lecture: `000`, "Motif detection in images"; `001`, "Motif detection in images I".
public enum Letters {
  public static let c = binaryImage([
    ".####",
    "#....",
    "#....",
    "#....",
    "#....",
    "#....",
    ".####",
  ])

  public static let d = binaryImage([
    "####.",
    "#...#",
    "#...#",
    "#...#",
    "#...#",
    "#...#",
    "####.",
  ])

  /// An "L": two endpoints and one corner, so neither letter.
  public static let l = binaryImage([
    "#...",
    "#...",
    "#...",
    "####",
  ])
}

/// `image` on a background canvas of `rows` × `columns`, its top-left pixel at
/// (`row`, `column`).
///
/// - Precondition: the image fits on the canvas there.
/// - Complexity: O(rows · columns), the canvas's entries.
public func placed(
  _ image: Matrix, onCanvasOfRows rows: Int, columns: Int, atRow row: Int, column: Int
) -> Matrix {
  if let mark = firstUnwritten(image) { return .placeholder(mark) }
  precondition(
    row >= 0 && column >= 0 && row + image.rows <= rows && column + image.columns <= columns,
    "a \(image.shape) image at (\(row), \(column)) does not fit on a \(rows) x \(columns) canvas")
  var canvas = Matrix(rows: rows, columns: columns)
  for i in 0..<image.rows {
    for j in 0..<image.columns { canvas[row + i, column + j] = image[i, j] }
  }
  return canvas
}

/// `image` inside a frame of background (0) that is `rows` pixels high above and below and
/// `columns` pixels wide left and right.
///
/// - Precondition: `rows >= 0` and `columns >= 0`.
/// - Complexity: O(entries of the framed image).
public func surroundedByBackground(_ image: Matrix, rows: Int, columns: Int) -> Matrix {
  if let mark = firstUnwritten(image) { return .placeholder(mark) }
  precondition(rows >= 0 && columns >= 0, "a frame cannot be \(rows) x \(columns)")
  return placed(
    image, onCanvasOfRows: image.rows + 2 * rows, columns: image.columns + 2 * columns,
    atRow: rows, column: columns)
}
