import Dropout
import LectureKit

/// `companion show dropout`: a seeded mask on a small batch, and what each convention makes of
/// it while training and at test time. [E6.6]
let dropoutExample = Example(
  name: "dropout", ids: "E6.6",
  summary: "a seeded dropout mask on a batch of 3, under the notes' and the inverted convention",
  render: renderDropout)

private func renderDropout() -> String {
  // Four hidden units (rows) of three examples (columns), and the next layer's weights W
  // (4 units in, 2 out), as in the notes' z = W^T a + b.
  let a: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
  let weights: Matrix = [[1, -1], [2, 0], [0, 1], [-1, 2]]
  var text = """
    p is the probability of DROPPING a unit; a unit is kept with probability 1 - p.
    Activations a, one column per example (4 units, 3 examples):

    """
  text += indent(a.alignedDescription)
  text +=
    "\nW, the next layer's weights (4 units in, 2 out):\n" + indent(weights.alignedDescription)
  for p in [0.5, 0.2] {
    var generator = SeededGenerator(seed: 25)
    let mask = dropoutMask(rows: 4, columns: 3, p: p, using: &generator)
    let note = p == 0.5 ? "the lecture's p: p and 1 - p coincide" : "p and 1 - p differ"
    text += "\n\np = \(p) (\(note)). A mask from SeededGenerator(seed: 25), 1 = kept,"
    text += "\n0 = dropped, drawn anew for every example:\n" + indent(mask.alignedDescription)
    text += "\ntraining, the notes' convention: dropped units are 0, kept ones unchanged:\n"
    text += indent(applyDropoutMask(a, mask: mask, p: p, convention: .notes).alignedDescription)
    text += "\ntraining, inverted dropout: kept units multiplied by 1 / (1 - p) = "
    text += plain(1 / (1 - p)) + ":\n"
    text += indent(
      applyDropoutMask(a, mask: mask, p: p, convention: .inverted).alignedDescription)
    text += "\ntest time, every unit on. The notes multiply W by 1 - p = \(plain(1 - p)):\n"
    text += indent(testTimeWeights(weights, p: p, convention: .notes).alignedDescription)
    text += "\ntest time, inverted dropout: W as trained:\n"
    text += indent(testTimeWeights(weights, p: p, convention: .inverted).alignedDescription)
  }
  return text
}

/// A number as a person writes it: 2, not 2.0.
private func plain(_ value: Double) -> String {
  value == value.rounded() && value.magnitude < 1e15 ? "\(Int64(value))" : "\(value)"
}
