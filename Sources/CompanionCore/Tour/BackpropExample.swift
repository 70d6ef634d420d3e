import Backprop
import Foundation
import LectureKit

/// The slides' class example [E6.4], computed with the Backprop chapter: a sigmoid hidden layer,
/// a linear output, the squared loss, and backpropagation by the notes' delta recursion.
func renderClassExample() -> String {
  let x: Matrix = [[1], [2]]
  let y: Matrix = [[1]]
  // W^2[i, j] = w_(j,i): input i into hidden unit j; W^3[j, 0] = w_(3,j).
  let network = Network(layers: [
    Layer(W: [[2, log(3)], [-1, 0]], b: [[0], [0]], f: .sigmoid),
    Layer(W: [[2], [-4]], b: [[0]], f: .identity),
  ])
  var text = """
    h_j = σ(Σ_i x_i w_(j,i)),  ŷ = Σ_j h_j w_(3,j),  ℓ = 1/2 (y - ŷ)²
    x = (1, 2), y = 1; w_(1,·) = (2, -1), w_(2,·) = (ln 3, 0), w_(3,·) = (2, -4)

    """
  let pass = forwardPass(network, input: x)
  guard pass.unwritten == nil, pass.L == 3, pass.a(2).shape == Shape(rows: 2, columns: 1),
    pass.output.shape == Shape(rows: 1, columns: 1)
  else {
    let problem = pass.unwritten.map { tourMark($0) } ?? tr("tour.forwardWrongShapes")
    return text + "\n" + tr("tour.forwardFailed", ["problem": problem])
  }
  text += "\n" + tr("tour.forward") + "\n"
  text += "h = \(row(pass.a(2)))\n"
  text += "ŷ = \(pass.output[0, 0]),  ℓ = \(lossValue(.squared, output: pass.output, label: y))\n"
  let g = backpropagate(network, pass: pass, loss: .squared, label: y)
  guard g.unwritten == nil, g.L == 3, g.dW(2).shape == network.W(2).shape,
    g.db(3).shape == network.b(3).shape
  else {
    let problem = g.unwritten.map { tourMark($0) } ?? tr("tour.backwardWrongShape")
    return text + "\n" + tr("tour.backwardFailed", ["problem": problem])
  }
  text +=
    "\n"
    + tr(
      "tour.backward",
      [
        "delta3": "\(g.db(3)[0, 0])", "delta2": row(g.db(2)),
        "dW2": indent(tourMatrix(g.dW(2))), "dW3": row(g.dW(3)),
      ]) + "\n\n"
  let h = pass.a(2)
  let error = y[0, 0] - pass.output[0, 0]
  text += tr(
    "tour.byHand",
    [
      "error": "\(error)", "h1": "\(h[0, 0])", "oneMinusH1": "\(1 - h[0, 0])",
      "byHand": "\(-error * 2 * h[0, 0] * (1 - h[0, 0]))", "backprop": "\(g.dW(2)[0, 0])",
    ])
  return text
}

/// A column vector written as a tuple: (0.5, 0.75).
private func row(_ column: Matrix) -> String {
  if let mark = column.unwritten { return tr("tour.placeholder", ["mark": tourMark(mark)]) }
  return "(" + column.elements.map { "\($0)" }.joined(separator: ", ") + ")"
}
