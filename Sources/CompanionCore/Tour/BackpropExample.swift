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
    return text + "\nforward pass: \(pass.unwritten.map { "\($0)" } ?? "not of the right shapes")"
  }
  text += "\nforward [E6.2]:  z^2 = s = (W^2)^T x, h = a^2 = σ(s), ŷ = a^3 = (W^3)^T h\n"
  text += "h = \(row(pass.a(2)))\n"
  text += "ŷ = \(pass.output[0, 0]),  ℓ = \(lossValue(.squared, output: pass.output, label: y))\n"
  let g = backpropagate(network, pass: pass, loss: .squared, label: y)
  guard g.unwritten == nil, g.L == 3, g.dW(2).shape == network.W(2).shape,
    g.db(3).shape == network.b(3).shape
  else {
    return text + "\nbackward: \(g.unwritten.map { "\($0)" } ?? "gradients of the wrong shape")"
  }
  text += "\nbackward:  δ^3 = ŷ - y = \(g.db(3)[0, 0])\n"
  text += "           δ^2 = Diag[σ'(s)] W^3 δ^3 = \(row(g.db(2)))\n"
  text += "∂ℓ/∂W^2 = x (δ^2)^T (row i: input x_i, column j: hidden unit j):\n"
  text += indent(g.dW(2).alignedDescription) + "\n"
  text += "∂ℓ/∂W^3 = h δ^3: \(row(g.dW(3)))\n\n"
  let h = pass.a(2)
  let error = y[0, 0] - pass.output[0, 0]
  text += """
    The update of w_(1,1) depends on y - ŷ, h_1, x_1 and w_(3,1) alone:
    ∂ℓ/∂w_(1,1) = -(y - ŷ) w_(3,1) h_1 (1 - h_1) x_1 = -(\(error)) · 2 · \(h[0, 0]) · \
    \(1 - h[0, 0]) · 1 = \(-error * 2 * h[0, 0] * (1 - h[0, 0]))
    backprop gives \(g.dW(2)[0, 0])
    """
  return text
}

/// A column vector written as a tuple: (0.5, 0.75).
private func row(_ column: Matrix) -> String {
  if let unwritten = column.unwritten { return "(placeholder: \(unwritten))" }
  return "(" + column.elements.map { "\($0)" }.joined(separator: ", ") + ")"
}
