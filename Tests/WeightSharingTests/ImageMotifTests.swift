import LectureKit
import TestSupport
import Testing
import WeightSharing

@Suite("Motif detection in images: C or D")
struct ImageMotifTests {
  /// The 0/1 map with ones at `points` and the shape of `image`.
  static func map(like image: Matrix, ones points: [(Int, Int)]) -> Matrix {
    var map = Matrix(rows: image.rows, columns: image.columns)
    for (i, j) in points { map[i, j] = 1 }
    return map
  }

  static func template(_ name: String) -> MotifTemplate {
    (MotifTemplate.endpoints + MotifTemplate.corners).first { $0.name == name }!
  }

  @Test("E6.11 C: two endpoints, at the right ends of its strokes, and no corners")
  func letterC() {
    let c = Letters.c
    expectMatrix(
      detectMotif(c, template: Self.template("end pointing right")),
      equals: Self.map(like: c, ones: [(0, 4), (6, 4)]))
    for template in MotifTemplate.endpoints.dropFirst() + MotifTemplate.corners {
      expectMatrix(
        detectMotif(c, template: template), equals: Self.map(like: c, ones: []), "\(template)")
    }
    #expect(motifCount(c, templates: MotifTemplate.endpoints) == 2)
    #expect(classifyLetter(c) == .c)
  }

  @Test("E6.11 D: two corners, top-left and bottom-left, and no endpoints")
  func letterD() {
    let d = Letters.d
    expectMatrix(
      detectMotif(d, template: Self.template("top-left corner")),
      equals: Self.map(like: d, ones: [(0, 0)]))
    expectMatrix(
      detectMotif(d, template: Self.template("bottom-left corner")),
      equals: Self.map(like: d, ones: [(6, 0)]))
    #expect(motifCount(d, templates: MotifTemplate.corners) == 2)
    #expect(motifCount(d, templates: MotifTemplate.endpoints) == 0)
    #expect(classifyLetter(d) == .d)
  }

  @Test("E6.11 an L has two endpoints and a corner: the counts make it neither letter")
  func letterL() {
    #expect(motifCount(Letters.l, templates: MotifTemplate.endpoints) == 2)
    #expect(motifCount(Letters.l, templates: MotifTemplate.corners) == 1)
    #expect(classifyLetter(Letters.l) == nil)
  }

  @Test("E6.11 thresholds: a two-pixel stroke has an end each way; a near miss does not fire")
  func thresholds() {
    let dash = binaryImage(["##"])
    expectMatrix(
      detectMotif(dash, template: Self.template("end pointing right")),
      equals: [[0, 1]], said("right end of ##", "## 的右端"))
    expectMatrix(
      detectMotif(dash, template: Self.template("end pointing left")),
      equals: [[1, 0]], said("left end of ##", "## 的左端"))
    // The same stroke end with a lit pixel diagonally beyond it scores 1 below the threshold.
    let nearMiss = binaryImage(["##.", "..#"])
    expectMatrix(
      detectMotif(nearMiss, template: Self.template("end pointing right")),
      equals: Matrix(rows: 2, columns: 3), said("## with a pixel below right", "## 的右下方多一个像素"))
  }

  static let letters: [(String, Matrix, Letter)] = [("C", Letters.c, .c), ("D", Letters.d, .d)]

  @Test(
    "E6.11 the decision is the same wherever the letter stands on a 10x9 canvas (20 placements)",
    arguments: [0, 1])
  func shiftInvariance(_ index: Int) {
    let (name, letter, expected) = Self.letters[index]
    let alone = detectMotif(letter, template: MotifTemplate.endpoints[0])
    guard expectShape(alone, letter.shape, said("\(name) alone", "单独的 \(name)")) else { return }
    for row in 0...(10 - letter.rows) {
      for column in 0...(9 - letter.columns) {
        let canvas = placed(letter, onCanvasOfRows: 10, columns: 9, atRow: row, column: column)
        let decided = classifyLetter(canvas)
        #expect(
          decided == expected,
          Comment(
            rawValue: said(
              "\(name) at (\(row), \(column)): \(String(describing: decided))",
              "\(name) 在 (\(row), \(column))：\(String(describing: decided))")))
        // The detection map moves with the letter (shift equivariance).
        expectMatrix(
          detectMotif(canvas, template: MotifTemplate.endpoints[0]),
          equals: placed(alone, onCanvasOfRows: 10, columns: 9, atRow: row, column: column),
          said("\(name) at (\(row), \(column))", "\(name) 在 (\(row), \(column))"))
      }
    }
  }
}
