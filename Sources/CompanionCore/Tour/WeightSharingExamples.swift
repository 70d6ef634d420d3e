import LectureKit
import WeightSharing

/// `companion show motif-letters` [E6.11]: the letters with the motifs the templates find in
/// them, and the decision, first alone and then shifted on a larger canvas.
func renderMotifLetters() -> String {
  var blocks = [
    """
    Endpoint and corner templates (3 x 3) slide over each image with the same weights
    everywhere; where a score reaches the template's threshold, a motif is found [E6.11].
    Two endpoints and no corners make a C, two corners and no endpoints a D.
    (# stroke, * an endpoint found, + a corner found)
    """
  ]
  if let unwritten = detectMotif(Letters.c, template: MotifTemplate.endpoints[0]).unwritten {
    return blocks[0] + "\n\n(\(unwritten))"
  }
  let shifted = placed(Letters.d, onCanvasOfRows: 10, columns: 9, atRow: 3, column: 4)
  let cases: [(String, Matrix)] = [
    ("C", Letters.c), ("D", Letters.d), ("L", Letters.l),
    ("D at (3, 4) on a 10 x 9 canvas", shifted),
  ]
  for (name, image) in cases {
    let endpoints = motifCount(image, templates: MotifTemplate.endpoints)
    let corners = motifCount(image, templates: MotifTemplate.corners)
    let decision = classifyLetter(image).map { "a \($0.rawValue)" } ?? "neither letter"
    blocks.append(
      "\(name):\n" + indent(picture(image)) + "\n"
        + "endpoints \(endpoints), corners \(corners): \(decision)")
  }
  return blocks.joined(separator: "\n\n")
}

/// A binary image as text, `#` for stroke and `.` for background, with the centres of the
/// motifs found marked `*` (endpoints) and `+` (corners).
private func picture(_ image: Matrix) -> String {
  var cells = image.rowArrays.map { row in row.map { $0 == 1 ? "#" : "." } }
  for (mark, templates) in [("*", MotifTemplate.endpoints), ("+", MotifTemplate.corners)] {
    for template in templates {
      let map = detectMotif(image, template: template)
      guard map.shape == image.shape else { continue }
      for i in 0..<map.rows {
        for j in 0..<map.columns where map[i, j] == 1 { cells[i][j] = mark }
      }
    }
  }
  return cells.map { $0.joined() }.joined(separator: "\n")
}
