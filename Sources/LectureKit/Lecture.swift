/// The lecture's worked examples, as data (see `shared/lecture/EXAMPLES.md`, whose ids the
/// names below carry). Given code: no exercise lives here.
///
/// Source: the "Neural Networks 2" slides (`002`), "What is a CNN?" onwards.
public enum Lecture {
  /// The 9 × 9 image of an "X": +1 on the two diagonal strokes, -1 elsewhere. [E1]
  ///
  /// The slide "And at different locations" garbles row 5 in the extracted text (`1 1` at
  /// the centre); the true image has a single +1 there.
  public static let xImage: Matrix = [
    [-1, -1, -1, -1, -1, -1, -1, -1, -1],
    [-1, 1, -1, -1, -1, -1, -1, 1, -1],
    [-1, -1, 1, -1, -1, -1, 1, -1, -1],
    [-1, -1, -1, 1, -1, 1, -1, -1, -1],
    [-1, -1, -1, -1, 1, -1, -1, -1, -1],
    [-1, -1, -1, 1, -1, 1, -1, -1, -1],
    [-1, -1, 1, -1, -1, -1, 1, -1, -1],
    [-1, 1, -1, -1, -1, -1, -1, 1, -1],
    [-1, -1, -1, -1, -1, -1, -1, -1, -1],
  ]

  /// The diagonal stroke "\\" as a 3 × 3 filter. [E1.1]
  public static let diagonalFilter: Matrix = [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]]
  /// The crossing at the centre of the X as a 3 × 3 filter. [E1.2]
  public static let centreXFilter: Matrix = [[1, -1, 1], [-1, 1, -1], [1, -1, 1]]
  /// The anti-diagonal stroke "/" as a 3 × 3 filter. [E1.3]
  public static let antiDiagonalFilter: Matrix = [[-1, -1, 1], [-1, 1, -1], [1, -1, -1]]

  /// The three filters of the slide with the maps they give on ``xImage``.
  public static let xFilters: [FilterExample] = [
    FilterExample(
      id: "E1.1", name: "diagonal", filter: diagonalFilter,
      mapSums: [
        [7, -1, 1, 3, 5, -1, 3],
        [-1, 9, -1, 3, -1, 1, -1],
        [1, -1, 9, -3, 1, -1, 5],
        [3, 3, -3, 5, -3, 3, 3],
        [5, -1, 1, -3, 9, -1, 1],
        [-1, 1, -1, 3, -1, 9, -1],
        [3, -1, 5, 3, 1, -1, 7],
      ],
      mapSlide: [
        "0.77 -0.11 0.11 0.33 0.55 -0.11 0.33",
        "-0.11 1.00 -0.11 0.33 -0.11 0.11 -0.11",
        "0.11 -0.11 1.00 -0.33 0.11 -0.11 0.55",
        "0.33 0.33 -0.33 0.55 -0.33 0.33 0.33",
        "0.55 -0.11 0.11 -0.33 1.00 -0.11 0.11",
        "-0.11 0.11 -0.11 0.33 -0.11 1.00 -0.11",
        "0.33 -0.11 0.55 0.33 0.11 -0.11 0.77",
      ],
      pooledSlide: [
        "1.00 0.33 0.55 0.33",
        "0.33 1.00 0.33 0.55",
        "0.55 0.33 1.00 0.11",
        "0.33 0.55 0.11 0.77",
      ]),
    FilterExample(
      id: "E1.2", name: "centre-X", filter: centreXFilter,
      mapSums: [
        [3, -5, 1, -1, 1, -5, 3],
        [-5, 5, -5, 3, -5, 5, -5],
        [1, -5, 5, -7, 5, -5, 1],
        [-1, 3, -7, 9, -7, 3, -1],
        [1, -5, 5, -7, 5, -5, 1],
        [-5, 5, -5, 3, -5, 5, -5],
        [3, -5, 1, -1, 1, -5, 3],
      ],
      mapSlide: [
        "0.33 -0.55 0.11 -0.11 0.11 -0.55 0.33",
        "-0.55 0.55 -0.55 0.33 -0.55 0.55 -0.55",
        "0.11 -0.55 0.55 -0.77 0.55 -0.55 0.11",
        "-0.11 0.33 -0.77 1.00 -0.77 0.33 -0.11",
        "0.11 -0.55 0.55 -0.77 0.55 -0.55 0.11",
        "-0.55 0.55 -0.55 0.33 -0.55 0.55 -0.55",
        "0.33 -0.55 0.11 -0.11 0.11 -0.55 0.33",
      ],
      pooledSlide: [
        "0.55 0.33 0.55 0.33",
        "0.33 1.00 0.55 0.11",
        "0.55 0.55 0.55 0.11",
        "0.33 0.11 0.11 0.33",
      ]),
    FilterExample(
      id: "E1.3", name: "anti-diagonal", filter: antiDiagonalFilter,
      mapSums: [
        [3, -1, 5, 3, 1, -1, 7],
        [-1, 1, -1, 3, -1, 9, -1],
        [5, -1, 1, -3, 9, -1, 1],
        [3, 3, -3, 5, -3, 3, 3],
        [1, -1, 9, -3, 1, -1, 5],
        [-1, 9, -1, 3, -1, 1, -1],
        [7, -1, 1, 3, 5, -1, 3],
      ],
      mapSlide: [
        "0.33 -0.11 0.55 0.33 0.11 -0.11 0.77",
        "-0.11 0.11 -0.11 0.33 -0.11 1.00 -0.11",
        "0.55 -0.11 0.11 -0.33 1.00 -0.11 0.11",
        "0.33 0.33 -0.33 0.55 -0.33 0.33 0.33",
        "0.11 -0.11 1.00 -0.33 0.11 -0.11 0.55",
        "-0.11 1.00 -0.11 0.33 -0.11 0.11 -0.11",
        "0.77 -0.11 0.11 0.33 0.55 -0.11 0.33",
      ],
      pooledSlide: [
        "0.33 0.55 1.00 0.77",
        "0.55 0.55 1.00 0.33",
        "1.00 1.00 0.11 0.55",
        "0.77 0.33 0.55 0.33",
      ]),
  ]

  /// The first row of the diagonal map as the slide prints it. [E1.4]
  public static let diagonalMapSlideFirstRow = "0.77 -0.11 0.11 0.33 0.55 -0.11 0.33"

  /// The first row of the ReLU of the diagonal map, as the slide "Potential to add a ReLU"
  /// shows it (the slide writes its zeros as `0`). [E1.5]
  public static let diagonalReLUSlideFirstRow = "0.77 0 0.11 0.33 0.55 0 0.33"

  /// The 4 × 4 image of the slide's convolution exercise. [E3]
  public static let fourByFourImage: Matrix = [
    [0, 1, 0, 1], [0, 1, 0, 1], [1, 1, 1, 1], [0, -2, 0, -2],
  ]
  /// The exercise's 3 × 3 filter: every row is (-1/2, 1, -1/2). [E3]
  public static let fourByFourFilter: Matrix = [
    [-0.5, 1, -0.5], [-0.5, 1, -0.5], [-0.5, 1, -0.5],
  ]
  /// The exercise's answer: valid, stride 1, no division. [E3]
  public static let fourByFourAnswer: Matrix = [[2, -2], [-1, 1]]

  /// The slide's edge filters and the line each responds to most. [E5]
  ///
  /// The slide labels both of the first two "horizontal"; the second responds to vertical lines.
  public static let edgeFilters: [(line: String, filter: Matrix)] = [
    ("horizontal", [[-1, -1, -1], [2, 2, 2], [-1, -1, -1]]),
    ("vertical", [[-1, 2, -1], [-1, 2, -1], [-1, 2, -1]]),
    ("45 degrees", [[-1, -1, 2], [-1, 2, -1], [2, -1, -1]]),
    ("135 degrees", [[2, -1, -1], [-1, 2, -1], [-1, -1, 2]]),
  ]
}

/// One of the slide's three filters with what it gives on the 9 × 9 X.
public struct FilterExample: Sendable, CustomStringConvertible {
  /// The example id of EXAMPLES.md (E1.1, E1.2, E1.3).
  public let id: String
  /// The filter's name on the slide.
  public let name: String
  /// The 3 × 3 filter.
  public let filter: Matrix
  /// The 7 × 7 valid cross-correlation sums; the slide's map is these divided by 9.
  public let mapSums: Matrix
  /// The 7 × 7 map as the slide prints it (two decimals, truncated), row by row. [E1.4]
  public let mapSlide: [String]
  /// The map pooled 2 × 2, stride 2, partial windows kept, as the slide prints it. [E2.1-E2.3]
  public let pooledSlide: [String]

  /// The 7 × 7 map the slide shows: the mean of the nine products at each position.
  public var map: Matrix { mapSums / 9 }

  /// The id and the name, as parameterized tests show the example.
  public var description: String { "\(id) \(name)" }
}
