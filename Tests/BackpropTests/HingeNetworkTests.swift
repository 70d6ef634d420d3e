// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The notes name the weight matrices W^l and the number of layers L; the code keeps their names.
import Backprop
import LectureKit
import TestSupport
import Testing

/// The notes' one-hidden-layer ReLU network with the hinge loss, where the chain rule is written
/// out by hand: ∂ℓ/∂w_ij = [x_i][z_j > 0][w_j](-y if ℓ > 0, else 0).
@Suite("Notes 2.2: one ReLU hidden layer and the hinge loss, in closed form")
struct HingeNetworkTests {
  /// The notes' closed form for every weight and bias, written out in plain loops.
  static func closedForm(_ network: Network, x: Matrix, y: Double) -> Gradients {
    let W = network.W(2)
    let w = network.W(3)
    let z = W.transposed() * x + network.b(2)
    let hidden = Activation.relu(z)
    let output = (w.transposed() * hidden)[0, 0] + network.b(3)[0, 0]
    let dLdz = 1 - y * output > 0 ? -y : 0
    let gate = z.map { $0 > 0 ? 1 : 0 }
    let dW = Matrix(rows: W.rows, columns: W.columns) { i, j in
      x[i, 0] * gate[j, 0] * w[j, 0] * dLdz
    }
    let db = Matrix(rows: W.columns, columns: 1) { j, _ in gate[j, 0] * w[j, 0] * dLdz }
    return Gradients(dW: [dW, hidden * dLdz], db: [db, [[dLdz]]])
  }

  static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]

  @Test("E6.3 closed form equals backpropagation on seeded networks, both labels", arguments: seeds)
  func randomNetworks(_ seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let d = Int.random(in: 1...4, using: &generator)
    let m = Int.random(in: 1...5, using: &generator)
    let network = Network.uniform(
      sizes: [d, m, 1], activations: [.relu, .identity], using: &generator)
    let x = Matrix.random(rows: d, columns: 1, using: &generator)
    for y in [1.0, -1.0] {
      let computed = gradients(network, input: x, label: [[y]], loss: .hinge)
      expectGradients(
        computed, equal: Self.closedForm(network, x: x, y: y), tolerance: 1e-14, "y = \(y)")
    }
  }

  /// x = (1, 2); unit 1 has z_1 = 2 - 2 = 0 exactly (the ReLU kink), unit 2 has z_2 = 3;
  /// the output is 5 · 0 + 1/2 · 3 - 1/2 = 1.
  static let kinked = Network(layers: [
    Layer(W: [[2, 1], [-1, 1]], b: [[0], [0]], f: .relu),
    Layer(W: [[5], [0.5]], b: [[-0.5]], f: .identity),
  ])

  @Test("E6.3 at margin exactly 1 (y = 1, output 1) the hinge loss is 0 and every gradient is 0")
  func hingeKink() {
    let computed = gradients(Self.kinked, input: [[1], [2]], label: [[1]], loss: .hinge)
    let zero = Gradients(dW: [[[0, 0], [0, 0]], [[0], [0]]], db: [[[0], [0]], [[0]]])
    expectGradients(computed, equal: zero, tolerance: 0)
  }

  @Test("E6.3 a unit at z_j = 0 exactly passes no gradient (ReLU'(0) = 0); y = -1, loss active")
  func reluKink() {
    // ∂ℓ/∂z = -y = 1; unit 1 is gated off at its kink, unit 2 gives x_i · w_2 = (1/2, 1).
    let computed = gradients(Self.kinked, input: [[1], [2]], label: [[-1]], loss: .hinge)
    guard expectLayers(computed, 3) else { return }
    guard expectMatrix(computed.dW(2), equals: [[0, 0.5], [0, 1]], "∂ℓ/∂W^2") else {
      if computed.dW(2) == [[5, 0.5], [10, 1]] {
        fail(said("ReLU'(0) was taken as 1, not 0", "ReLU'(0) 取成了 1，应为 0"))
      }
      return
    }
    expectMatrix(computed.db(2), equals: [[0], [0.5]], "∂ℓ/∂b^2")
    expectMatrix(computed.dW(3), equals: [[0], [3]], "∂ℓ/∂w = f(z) · 1")
    expectMatrix(computed.db(3), equals: [[1]], "∂ℓ/∂b = -y")
  }
}
