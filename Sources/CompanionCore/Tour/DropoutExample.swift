import Dropout
import LectureKit

/// `companion show dropout`: a seeded mask on a small batch, and what each convention makes of
/// it while training and at test time. [E6.6]
let dropoutExample = Example(
  name: "dropout", ids: "E6.6", summary: tr("tour.dropoutSummary"), render: renderDropout)

private func renderDropout() -> String {
  // Four hidden units (rows) of three examples (columns), and the next layer's weights W
  // (4 units in, 2 out), as in the notes' z = W^T a + b.
  let a: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
  let weights: Matrix = [[1, -1], [2, 0], [0, 1], [-1, 2]]
  var text = tr("tour.dropoutIntro") + "\n"
  text += indent(tourMatrix(a))
  text += "\n" + tr("tour.dropoutWeights") + "\n" + indent(tourMatrix(weights))
  for p in [0.5, 0.2] {
    var generator = SeededGenerator(seed: 25)
    let mask = dropoutMask(rows: 4, columns: 3, p: p, using: &generator)
    let note = p == 0.5 ? tr("tour.dropoutLecturesP") : tr("tour.dropoutOtherP")
    text += "\n\n" + tr("tour.dropoutMask", ["p": "\(p)", "note": note]) + "\n"
    text += indent(tourMatrix(mask))
    text += "\n" + tr("tour.dropoutTrainingNotes") + "\n"
    text += indent(tourMatrix(applyDropoutMask(a, mask: mask, p: p, convention: .notes)))
    text += "\n" + tr("tour.dropoutTrainingInverted", ["factor": plain(1 / (1 - p))]) + "\n"
    text += indent(tourMatrix(applyDropoutMask(a, mask: mask, p: p, convention: .inverted)))
    text += "\n" + tr("tour.dropoutTestNotes", ["factor": plain(1 - p)]) + "\n"
    text += indent(tourMatrix(testTimeWeights(weights, p: p, convention: .notes)))
    text += "\n" + tr("tour.dropoutTestInverted") + "\n"
    text += indent(tourMatrix(testTimeWeights(weights, p: p, convention: .inverted)))
  }
  return text
}

/// A number as a person writes it: 2, not 2.0.
private func plain(_ value: Double) -> String {
  value == value.rounded() && value.magnitude < 1e15 ? "\(Int64(value))" : "\(value)"
}
