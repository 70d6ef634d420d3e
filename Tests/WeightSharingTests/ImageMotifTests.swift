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

  /// The 0/1 map of `kernel` on `image` framed with `frameRows` and `frameColumns` of
  /// background, 1 where the score reaches `threshold` (or exceeds it, when `strict`): the
  /// detector's rule with the choices a known mistake makes.
  static func detected(
    _ image: Matrix, _ kernel: Matrix, frameRows: Int, frameColumns: Int, threshold: Double,
    strict: Bool = false
  ) -> Matrix {
    let rows = image.rows + 2 * frameRows - kernel.rows + 1
    let columns = image.columns + 2 * frameColumns - kernel.columns + 1
    guard rows >= 1 && columns >= 1 else { return Matrix(rows: 1, columns: 1, repeating: .nan) }
    return Matrix(rows: rows, columns: columns) { i, j in
      var score = 0.0
      for k in 0..<kernel.rows {
        for l in 0..<kernel.columns {
          let (r, c) = (i + k - frameRows, j + l - frameColumns)
          if r >= 0 && r < image.rows && c >= 0 && c < image.columns {
            score += kernel[k, l] * image[r, c]
          }
        }
      }
      return (strict ? score > threshold : score >= threshold) ? 1 : 0
    }
  }

  /// What the known mistakes of a motif detector give for `template` on `image`.
  static func mistakes(_ image: Matrix, _ template: MotifTemplate) -> [KnownMistake] {
    let (kernel, threshold) = (template.kernel, template.threshold)
    let (h, w) = (kernel.rows / 2, kernel.columns / 2)
    return [
      KnownMistake(
        "the score must reach the threshold (>=): it never exceeds it, the number of + entries",
        zh: "得分要达到阈值（>=）：它永远不会超过阈值，即 + 的个数",
        Self.detected(
          image, kernel, frameRows: h, frameColumns: w, threshold: threshold, strict: true)),
      KnownMistake(
        "the frame's rows and columns are swapped: template rows / 2 above and below, template "
          + "columns / 2 left and right",
        zh: "边框的行和列弄反了：上下各 模板行数 / 2，左右各 模板列数 / 2",
        Self.detected(image, kernel, frameRows: w, frameColumns: h, threshold: threshold)),
      KnownMistake(
        "the frame is as wide as the template: it needs template rows / 2 and columns / 2, so "
          + "that every pixel is a centre once",
        zh: "边框和模板一样宽：上下只要 模板行数 / 2，左右只要 模板列数 / 2，每个像素恰好当一次中心",
        Self.detected(
          image, kernel, frameRows: kernel.rows, frameColumns: kernel.columns,
          threshold: threshold)),
      KnownMistake(
        "the threshold is the sum of the kernel: it is the number of + entries, the score of "
          + "the whole motif",
        zh: "阈值取了卷积核各项之和：阈值是 + 的个数，即整个图案的得分",
        Self.detected(image, kernel, frameRows: h, frameColumns: w, threshold: kernel.sum())),
    ]
  }

  @Test("E6.11 a 1 x 1 template: + marks every stroke pixel, - every background pixel")
  func oneByOneTemplates() {
    let c = Letters.c
    for (template, expected) in [
      (MotifTemplate("stroke", ["+"]), c), (MotifTemplate("background", ["-"]), c.map { 1 - $0 }),
    ] {
      expectMatrix(
        detectMotif(c, template: template), equals: expected,
        unlike: Self.mistakes(c, template), "\(template)")
    }
  }

  @Test(
    "E6.11 templates that are not square: a vertical run of 3 (3 x 1), a long stroke end (3 x 5)")
  func nonSquareTemplates() {
    // numpy: pad C by (rows // 2, columns // 2), scipy.signal.correlate2d 'valid', >= the
    // number of + entries.
    let c = Letters.c
    let run = MotifTemplate("vertical run of 3", ["+", "+", "+"])
    expectMatrix(
      detectMotif(c, template: run), equals: Self.map(like: c, ones: [(2, 0), (3, 0), (4, 0)]),
      unlike: Self.mistakes(c, run), "\(run)")
    let end = MotifTemplate("long end pointing right", ["-----", "+++--", "-----"])
    expectMatrix(
      detectMotif(c, template: end), equals: Self.map(like: c, ones: [(0, 4), (6, 4)]),
      unlike: Self.mistakes(c, end), "\(end)")
  }

  @Test("E6.11 a 5 x 5 template: a pixel with nothing else within 2 pixels")
  func largeTemplate() {
    let dots = binaryImage([
      "#......",
      ".......",
      "...#...",
      ".......",
      ".....#.",
      "......#",
      ".......",
    ])
    let alone = MotifTemplate("isolated pixel", ["-----", "-----", "--+--", "-----", "-----"])
    expectMatrix(
      detectMotif(dots, template: alone), equals: Self.map(like: dots, ones: [(0, 0)]),
      unlike: Self.mistakes(dots, alone), "\(alone)")
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
