import LectureKit
import WeightSharing

/// `companion show motif-letters` [E6.11]: the letters with the motifs the templates find in
/// them, and the decision, first alone and then shifted on a larger canvas.
func renderMotifLetters() -> String {
  var blocks = [tr("tour.motifIntro")]
  if let unwritten = detectMotif(Letters.c, template: MotifTemplate.endpoints[0]).unwritten {
    return blocks[0] + "\n\n" + tourMark(unwritten, parenthesized: true)
  }
  let shifted = placed(Letters.d, onCanvasOfRows: 10, columns: 9, atRow: 3, column: 4)
  let cases: [(String, Matrix)] = [
    ("C", Letters.c), ("D", Letters.d), ("L", Letters.l),
    (tr("tour.shiftedD"), shifted),
  ]
  for (name, image) in cases {
    let endpoints = motifCount(image, templates: MotifTemplate.endpoints)
    let corners = motifCount(image, templates: MotifTemplate.corners)
    let decision =
      classifyLetter(image).map { tr("tour.isLetter", ["letter": $0.rawValue]) }
      ?? tr("tour.neitherLetter")
    blocks.append(
      tr("tour.letterName", ["name": name]) + "\n" + indent(picture(image)) + "\n"
        + tr(
          "tour.motifCounts",
          ["endpoints": "\(endpoints)", "corners": "\(corners)", "decision": decision]))
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
