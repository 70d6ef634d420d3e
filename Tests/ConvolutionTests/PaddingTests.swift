import Convolution
import LectureKit
import TestSupport
import Testing

@Suite("Zero padding")
struct PaddingTests {
  @Test("E4.2 a 1x1 image with padding 2 is 5x5, the pixel in the middle")
  func onePixel() {
    var expected = Matrix(rows: 5, columns: 5)
    expected[2, 2] = 7
    expectMatrix(zeroPad([[7]], Margins(top: 2, bottom: 2, left: 2, right: 2)), equals: expected)
  }

  @Test("each margin goes on its own side: 1 row above, 2 below, 3 columns left, none right")
  func eachSide() {
    let padded = zeroPad(
      [[1, 2], [3, 4]], Margins(top: 1, bottom: 2, left: 3, right: 0))
    expectMatrix(
      padded,
      equals: [
        [0, 0, 0, 0, 0],
        [0, 0, 0, 1, 2],
        [0, 0, 0, 3, 4],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
      ],
      unlike: [
        KnownMistake(
          "the input sits in the top-left corner: the zeros all went below and to the right",
          zh: "输入留在了左上角：零全补到了下方和右侧",
          [
            [1, 2, 0, 0, 0], [3, 4, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0],
          ]),
        KnownMistake(
          "the top margin was used for the columns too: the columns shift by left",
          zh: "列也按上边距平移了：列要平移左边距 left",
          [
            [0, 0, 0, 0, 0], [0, 1, 2, 0, 0], [0, 3, 4, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0],
          ]),
        KnownMistake(
          "the rows and the columns of the offset are swapped: (i + top, j + left)",
          zh: "偏移的行和列弄反了：应为 (i + top, j + left)",
          [
            [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 1, 2, 0, 0], [0, 3, 4, 0, 0],
          ]),
      ])
  }

  @Test("no margins give the input back; the input's entries are copied, not moved")
  func noMargins() {
    let input: Matrix = [[1, -2, 3], [4, 5, -6]]
    expectMatrix(zeroPad(input, .zero), equals: input)
    expectMatrix(
      zeroPad(input, Margins(top: 0, bottom: 1, left: 0, right: 1)),
      equals: [[1, -2, 3, 0], [4, 5, -6, 0], [0, 0, 0, 0]])
  }

  @Test("E4.2 a 300x400 image with padding 2 is 304x404, zeros all round")
  func largeImage() {
    let image = Matrix(rows: 300, columns: 400, repeating: 1)
    let padded = zeroPad(image, Margins(top: 2, bottom: 2, left: 2, right: 2))
    guard expectShape(padded, Shape(rows: 304, columns: 404)) else { return }
    expectClose(padded.sum(), 300 * 400, said("the padding adds zeros only", "填充只添零"))
    expectClose(
      padded[1, 1] + padded[303, 403] + padded[2, 2], 1,
      said("corners are zero, (2, 2) is 1", "四角是 0，(2, 2) 是 1"))
  }
}

/// Values of scipy.signal, computed once and written in (scipy 1.17.1). `same` follows
/// `correlate2d` and `convolve2d`, which centre an even kernel differently.
@Suite("The modes valid, same and full: scipy.signal's values")
struct ScipyModeTests {
  static let image = TestImages.piDigits
  /// Two rows (even) and three columns (odd), not 180-degree symmetric.
  static let kernel = TestImages.unevenKernel

  /// (mode, scipy.signal.correlate2d(image, kernel, mode), scipy.signal.convolve2d(image,
  /// kernel, mode)).
  static let modes: [(Padding, Matrix, Matrix)] = [
    (
      .valid,
      [[19, 10, 16], [21, 22, 28], [4, 8, 14]],
      [[6, 9, 8], [18, 15, 11], [26, 29, 26]]
    ),
    (
      .same,
      [[8, 19, 10, 16, 14], [3, 21, 22, 28, 28], [-5, 4, 8, 14, 27], [-2, 0, -6, -1, 8]],
      [[1, 1, 0, 1, -1], [7, 6, 9, 8, 0], [21, 18, 15, 11, -4], [23, 26, 29, 26, 1]]
    ),
    (
      .full,
      [
        [0, 3, 7, 6, 9, 7, 10], [-3, 8, 19, 10, 16, 14, 11], [-9, 3, 21, 22, 28, 28, 21],
        [-5, -5, 4, 8, 14, 27, 17], [-3, -2, 0, -6, -1, 8, 4],
      ],
      [
        [3, 1, 1, 0, 1, -1, -5], [15, 7, 6, 9, 8, 0, -3], [23, 21, 18, 15, 11, -4, -9],
        [13, 23, 26, 29, 26, 1, -4], [6, 7, 8, 19, 16, 4, 0],
      ]
    ),
  ]

  @Test("correlate2d(image, kernel, mode=...) for valid, same and full", arguments: modes)
  func correlation(_ example: (Padding, Matrix, Matrix)) {
    let (mode, expected, _) = example
    expectMatrix(
      correlate(Self.image, with: Self.kernel, padding: mode), equals: expected, "\(mode)")
  }

  @Test("convolve2d(image, kernel, mode=...) for valid, same and full", arguments: modes)
  func convolution(_ example: (Padding, Matrix, Matrix)) {
    let (mode, _, expected) = example
    expectMatrix(
      convolve(Self.image, with: Self.kernel, padding: mode), equals: expected, "\(mode)")
  }

  @Test(
    "an even 2x2 kernel in same mode: the extra zero goes after for correlation, before for convolution"
  )
  func evenKernelSame() {
    let kernel: Matrix = [[1, 2], [3, 4]]
    // scipy.signal.correlate2d(image, kernel, mode='same')
    let correlation: Matrix = [
      [40, 39, 44, 38, 14], [60, 74, 71, 68, 30], [38, 44, 64, 65, 21], [7, 8, 19, 16, 4],
    ]
    // scipy.signal.convolve2d(image, kernel, mode='same')
    let convolution: Matrix = [
      [3, 7, 6, 9, 7], [18, 35, 26, 36, 32], [32, 60, 51, 64, 52], [18, 52, 66, 71, 75],
    ]
    expectMatrix(correlate(Self.image, with: kernel, padding: .same), equals: correlation)
    expectMatrix(convolve(Self.image, with: kernel, padding: .same), equals: convolution)
  }

  @Test("E1.1 the X with same padding stays 9x9; inside the border it is the slide's map")
  func xSame() {
    // scipy.signal.correlate2d(x, diagonal, mode='same')
    let expected: Matrix = [
      [2, 0, 0, 2, 2, 2, 4, 0, 0],
      [0, 7, -1, 1, 3, 5, -1, 3, 0],
      [0, -1, 9, -1, 3, -1, 1, -1, 4],
      [2, 1, -1, 9, -3, 1, -1, 5, 2],
      [2, 3, 3, -3, 5, -3, 3, 3, 2],
      [2, 5, -1, 1, -3, 9, -1, 1, 2],
      [4, -1, 1, -1, 3, -1, 9, -1, 0],
      [0, 3, -1, 5, 3, 1, -1, 7, 0],
      [0, 0, 4, 2, 2, 2, 0, 0, 2],
    ]
    let map = correlate(Lecture.xImage, with: Lecture.diagonalFilter, padding: .same)
    guard expectMatrix(map, equals: expected) else { return }
    let inner = Matrix(rows: 7, columns: 7) { map[$0 + 1, $1 + 1] }
    expectMatrix(inner, equals: Lecture.xFilters[0].mapSums, said("the 7x7 inside", "内部的 7x7"))
  }
}
