import LectureKit
import Testing

@Suite("The slides' number format")
struct SlideFormatTests {
  static let truncated: [(Double, String)] = [
    (7.0 / 9, "0.77"), (5.0 / 9, "0.55"), (1.0, "1.00"), (-1.0 / 9, "-0.11"),
    (-7.0 / 9, "-0.77"), (3.0 / 9, "0.33"), (0.999, "0.99"), (12.3456, "12.34"),
    (-2.5, "-2.50"), (100, "100.00"),
  ]
  static let typed: [(Double, String)] = [
    (0.29, "0.29"), (-0.29, "-0.29"), (0.57, "0.57"), (1.13, "1.13"), (4.35, "4.35"),
  ]

  @Test("two decimals, truncated toward zero", arguments: truncated)
  func truncates(_ value: Double, _ printed: String) {
    #expect(slideFormat(value) == printed)
  }

  @Test(
    "a value that truncates to zero prints 0.00, never -0.00",
    arguments: [0.0, -0.0, -0.001, 0.009, -0.0099, 1e-300])
  func zero(_ value: Double) {
    #expect(slideFormat(value) == "0.00")
  }

  @Test(
    "a decimal typed by a person prints as typed, though it is a hair below in binary",
    arguments: typed)
  func typedDecimals(_ value: Double, _ printed: String) {
    #expect(slideFormat(value) == printed)
  }

  @Test("not a number and the infinities print as words")
  func nonFinite() {
    #expect(slideFormat(.nan) == "nan")
    #expect(slideFormat(.infinity) == "inf")
    #expect(slideFormat(-.infinity) == "-inf")
  }

  @Test("a matrix prints one row per line, entries separated by one space")
  func matrix() {
    let map: Matrix = [[7.0 / 9, -1.0 / 9], [0, 1]]
    #expect(map.slideDescription == "0.77 -0.11\n0.00 1.00")
    #expect(map.description == "\(7.0 / 9) \(-1.0 / 9)\n0.0 1.0")
    #expect(Matrix([[-1, 1], [10, 0.5]]).alignedDescription == " -1   1\n 10 0.5")
  }

  @Test("E1.4 the lecture's data prints as the slide does", arguments: Lecture.xFilters)
  func lectureData(_ example: FilterExample) {
    #expect(
      example.map.slideDescription.split(separator: "\n").map(String.init) == example.mapSlide)
  }

  @Test("E1.4 the diagonal map's first row is the one the slide works out")
  func firstRow() {
    #expect(Lecture.xFilters[0].mapSlide[0] == Lecture.diagonalMapSlideFirstRow)
  }
}
