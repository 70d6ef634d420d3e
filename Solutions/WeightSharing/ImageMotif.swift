import LectureKit

/// A template for a small motif in a binary image, with the threshold its score must reach.
///
/// The kernel holds +1 where the motif has stroke, -1 where it must have background and 0
/// where it does not matter. On a 0/1 image the score is (stroke pixels found) minus
/// (background pixels that are lit), so the threshold, the number of +1 entries, is reached
/// exactly where the whole motif is present and nothing lies where it must not.
public struct MotifTemplate: Sendable, CustomStringConvertible {
  public let name: String
  public let kernel: Matrix
  public let threshold: Double

  /// A template drawn in text: `+` is +1, `-` is -1, anything else 0; the threshold is the
  /// number of `+`.
  ///
  /// - Complexity: O(characters of `rows`).
  public init(_ name: String, _ rows: [String]) {
    self.name = name
    self.kernel = Matrix(rows.map { row in row.map { $0 == "+" ? 1.0 : $0 == "-" ? -1.0 : 0.0 } })
    self.threshold = kernel.elements.filter { $0 == 1 }.reduce(0, +)
  }

  public var description: String { name }

  /// Ends of a stroke, the stroke arriving from the left, the right, below and above.
  public static let endpoints = [
    MotifTemplate("end pointing right", ["---", "++-", "---"]),
    MotifTemplate("end pointing left", ["---", "-++", "---"]),
    MotifTemplate("end pointing up", ["---", "-+-", "-+-"]),
    MotifTemplate("end pointing down", ["-+-", "-+-", "---"]),
  ]

  /// Right-angled corners, named by where they sit on a box.
  public static let corners = [
    MotifTemplate("top-left corner", ["---", "-++", "-+-"]),
    MotifTemplate("top-right corner", ["---", "++-", "-+-"]),
    MotifTemplate("bottom-left corner", ["-+-", "-++", "---"]),
    MotifTemplate("bottom-right corner", ["-+-", "++-", "---"]),
  ]
}

/// Where `template`'s motif occurs in `image`: the template slides over the image with the
/// same weights at every position (weight sharing), and each score is thresholded. The image
/// is first framed with background so that every pixel can be a motif's centre and the map
/// has the image's shape. [E6.11]
///
/// ```
/// s = sharedCorrelation(frame(image), template.kernel)
/// map[i, j] = 1 if s[i, j] >= template.threshold, else 0
/// ```
/// Lecture: `000`, "Motif detection in images" ("if the shape is similar to the templates, it
/// will have thresholded outputs").
/// - Returns: a 0/1 map with the image's shape.
/// - Precondition: the template has an odd number of rows and of columns.
/// - Complexity: O(h · w · kh · kw) for an h × w image and a kh × kw template.
public func detectMotif(_ image: Matrix, template: MotifTemplate) -> Matrix {
  if let mark = firstUnwritten(image, template.kernel) { return .placeholder(mark) }
  precondition(
    template.kernel.rows % 2 == 1 && template.kernel.columns % 2 == 1,
    "a template needs a centre: odd sizes, not \(template.kernel.shape)")
  // BEGIN EXERCISE detectMotif
  let framed = surroundedByBackground(
    image, rows: template.kernel.rows / 2, columns: template.kernel.columns / 2)
  let scores = sharedCorrelation(framed, with: template.kernel)
  return scores.map { $0 >= template.threshold ? 1 : 0 }
  // END EXERCISE
}

/// How often the templates' motifs occur in `image`, all templates together: the sum of
/// their thresholded maps. A map that is not a 0/1 map of the image's shape counts nothing.
///
/// - Complexity: O(t · h · w · kh · kw) for t templates of at most kh × kw on an h × w image.
public func motifCount(_ image: Matrix, templates: [MotifTemplate]) -> Int {
  var count = 0
  for template in templates {
    let map = detectMotif(image, template: template)
    guard !map.isPlaceholder, map.shape == image.shape else { continue }
    count += map.elements.filter { $0 == 1 }.count
  }
  return count
}

/// The two letters the lecture's motif detector tells apart.
public enum Letter: String, Sendable {
  case c = "C"
  case d = "D"
}

/// The letter the motif counts decide on: two endpoints and no corners make a "C", two
/// corners and no endpoints a "D"; anything else is neither. [E6.11]
///
/// Lecture: `000`, "the network detects two endpoints and zero corners, so it activates C".
/// - Complexity: O(h · w) for an h × w image: eight 3 × 3 templates.
public func classifyLetter(_ image: Matrix) -> Letter? {
  let endpoints = motifCount(image, templates: MotifTemplate.endpoints)
  let corners = motifCount(image, templates: MotifTemplate.corners)
  switch (endpoints, corners) {
  case (2, 0): return .c
  case (0, 2): return .d
  default: return nil
  }
}
