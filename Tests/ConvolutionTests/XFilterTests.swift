import Convolution
import LectureKit
import TestSupport
import Testing

@Suite("Slide: the 9x9 X and three filters")
struct XFilterTests {
  @Test(
    "E1.1 E1.2 E1.3 each filter gives the slide's 7x7 map, exactly in ninths",
    arguments: Lecture.xFilters)
  func mapsInNinths(_ example: FilterExample) {
    let map = correlate(Lecture.xImage, with: example.filter) / 9
    expectMatrix(map, equals: example.mapSums / 9, tolerance: 1e-12, "\(example)")
  }

  @Test(
    "E1.1 E1.2 E1.3 the sums before dividing are whole numbers from -9 to 9",
    arguments: Lecture.xFilters)
  func sums(_ example: FilterExample) {
    expectMatrix(
      correlate(Lecture.xImage, with: example.filter), equals: example.mapSums,
      "\(example)")
  }

  @Test(
    "E1.4 each map prints exactly as the slide prints it (two decimals, truncated)",
    arguments: Lecture.xFilters)
  func printedLikeTheSlide(_ example: FilterExample) {
    let map = correlate(Lecture.xImage, with: example.filter) / 9
    expectSlide(map, prints: example.mapSlide, "\(example)")
  }

  @Test("E1.4 the diagonal map's first row reads 0.77 -0.11 0.11 0.33 0.55 -0.11 0.33")
  func firstRow() {
    let map = correlate(Lecture.xImage, with: Lecture.diagonalFilter) / 9
    guard expectMatrix(map, equals: Lecture.xFilters[0].map, said("diagonal map", "对角线特征图")) else {
      return
    }
    let firstRow = Matrix([map.rowArrays[0]])
    #expect(firstRow.slideDescription == Lecture.diagonalMapSlideFirstRow)
  }

  @Test("E1.5 ReLU of the diagonal map: negatives become 0, the rest unchanged")
  func reluMap() {
    let map = correlate(Lecture.xImage, with: Lecture.diagonalFilter) / 9
    let rectified = relu(map)
    let expected = Lecture.xFilters[0].mapSums.map { max(0, $0) } / 9
    guard expectMatrix(rectified, equals: expected, tolerance: 1e-12) else { return }
    // The slide writes the zeros as a bare 0.
    let firstRow = Matrix([rectified.rowArrays[0]]).slideDescription
      .split(separator: " ").map { $0 == "0.00" ? "0" : String($0) }.joined(separator: " ")
    #expect(firstRow == Lecture.diagonalReLUSlideFirstRow)
  }

  @Test("E1.5 ReLU keeps zero at zero and does not flip signs")
  func reluEdges() {
    expectMatrix(
      relu([[-2, 0, 3], [-0.5, 1e-300, -1e-300]]), equals: [[0, 0, 3], [0, 1e-300, 0]],
      unlike: [
        KnownMistake(
          "the negatives were kept and the positives zeroed: ReLU is max(0, x), not min",
          zh: "保留了负数，把正数变成了 0：ReLU 是 max(0, x)，不是 min",
          [[-2, 0, 0], [-0.5, 0, -1e-300]]),
        KnownMistake(
          "the negatives were made positive: ReLU sets them to 0, it is not |x|",
          zh: "负数变成了正数：ReLU 把它们变成 0，不是 |x|",
          [[2, 0, 3], [0.5, 1e-300, 1e-300]]),
        KnownMistake(
          "that is ReLU's derivative, a step of 0s and 1s: ReLU keeps the positive values",
          zh: "这是 ReLU 的导数，只有 0 和 1 的阶跃：ReLU 保留正数本身的值",
          [[0, 0, 1], [0, 1, 0]]),
      ])
  }

  @Test(
    "E1.1 E1.2 E1.3 the filters are 180-degree symmetric, so convolution gives the same maps",
    arguments: Lecture.xFilters)
  func symmetricFilters(_ example: FilterExample) {
    expectMatrix(
      convolve(Lecture.xImage, with: example.filter), equals: example.mapSums,
      "\(example)")
  }

  @Test("E3 the 4x4 exercise: correlation gives [[2, -2], [-1, 1]]")
  func fourByFourCorrelation() {
    expectMatrix(
      correlate(Lecture.fourByFourImage, with: Lecture.fourByFourFilter),
      equals: Lecture.fourByFourAnswer)
  }

  @Test("E3 the 4x4 exercise: the filter is symmetric, so convolution gives the same")
  func fourByFourConvolution() {
    expectMatrix(
      convolve(Lecture.fourByFourImage, with: Lecture.fourByFourFilter),
      equals: Lecture.fourByFourAnswer)
  }
}
