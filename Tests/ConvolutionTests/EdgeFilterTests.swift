import Convolution
import LectureKit
import TestSupport
import Testing

/// The slide's four edge filters on 7x7 images of one line each (1 on the line, 0 elsewhere).
/// Each filter sums to 0, so a flat patch gives 0; the line it names gives 2 + 2 + 2 = 6.
@Suite("Slide: edge filters")
struct EdgeFilterTests {
  /// 7x7 images of the four lines, in the order of ``Lecture/edgeFilters``.
  static let lines: [(name: String, image: Matrix)] = [
    ("horizontal", Matrix(rows: 7, columns: 7) { i, _ in i == 3 ? 1 : 0 }),
    ("vertical", Matrix(rows: 7, columns: 7) { _, j in j == 3 ? 1 : 0 }),
    ("45 degrees", Matrix(rows: 7, columns: 7) { i, j in i + j == 6 ? 1 : 0 }),
    ("135 degrees", Matrix(rows: 7, columns: 7) { i, j in i == j ? 1 : 0 }),
  ]

  /// The largest entry of the valid correlation of `image` with `filter`, or NaN when the
  /// correlation is not a 5x5 map.
  static func strongest(_ filter: Matrix, on image: Matrix) -> Double {
    let map = correlate(image, with: filter)
    guard map.shape == Shape(rows: 5, columns: 5) else { return .nan }
    return map.elements.max() ?? .nan
  }

  @Test(
    "E5 each filter responds most (6) to the line it names, at most 2 to the others",
    arguments: 0..<4)
  func respondsToItsLine(_ index: Int) {
    let (name, filter) = Lecture.edgeFilters[index]
    for (line, image) in Self.lines {
      let response = Self.strongest(filter, on: image)
      if line == name {
        expectClose(
          response, 6, said("\(name) filter on the \(line) line", "\(name) 滤波器在 \(line) 线上"))
      } else {
        #expect(
          response <= 2,
          Comment(
            rawValue: said(
              "\(name) filter on the \(line) line: \(response)",
              "\(name) 滤波器在 \(line) 线上：\(response)")))
      }
    }
  }

  @Test("E5 the filter labelled 'horizontal' twice on the slide: the second finds vertical lines")
  func secondFilterIsVertical() {
    let second = Lecture.edgeFilters[1].filter
    expectClose(
      Self.strongest(second, on: Self.lines[1].image), 6, said("on the vertical line", "在竖线上"))
    expectClose(
      Self.strongest(second, on: Self.lines[0].image), 0, said("on the horizontal line", "在横线上"))
  }

  @Test("E5 the horizontal filter's map is 6 along the line and 0 on flat ground")
  func horizontalMap() {
    var expected = Matrix(rows: 5, columns: 5)
    for j in 0..<5 {
      expected[2, j] = 6
      expected[1, j] = -3
      expected[3, j] = -3
    }
    expectMatrix(
      correlate(Self.lines[0].image, with: Lecture.edgeFilters[0].filter), equals: expected)
  }
}
