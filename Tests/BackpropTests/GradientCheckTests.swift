import Backprop
import LectureKit
import TestSupport
import Testing

/// One seeded random network for the gradient check.
struct GradientCase: Sendable, CustomTestStringConvertible {
  /// The activation of the hidden layers (and of the output, for the squared and hinge losses).
  let activation: Activation
  let loss: Loss
  /// The layers with weights: L - 1.
  let depth: Int

  var testDescription: String { "\(activation), \(loss), \(depth) weight layers" }

  var seed: UInt64 {
    UInt64(100 * depth + 10 * Activation.allCases.firstIndex(of: activation)!)
      + UInt64(Loss.allCases.firstIndex(of: loss)!)
  }

  /// A network of `depth` weight layers, 1 to 5 units wide, an input, and a label the loss
  /// accepts. The hinge label is chosen against the output's sign, so that the loss is active.
  func build() -> (network: Network, x: Matrix, y: Matrix) {
    var generator = SeededGenerator(seed: seed)
    var sizes = (0..<depth).map { _ in Int.random(in: 1...5, using: &generator) }
    var activations = Array(repeating: activation, count: depth - 1)
    switch loss {
    case .squared:
      sizes.append(Int.random(in: 1...3, using: &generator))
      activations.append(activation)
    case .hinge:
      // A ReLU output below 0 would pass no gradient at all: the identity stands in for it.
      sizes.append(1)
      activations.append(activation == .relu ? .identity : activation)
    case .softmaxCrossEntropy:
      sizes.append(Int.random(in: 2...4, using: &generator))
      activations.append(.identity)
    }
    let network = Network.uniform(sizes: sizes, activations: activations, using: &generator)
    let x = Matrix.random(rows: sizes[0], columns: 1, using: &generator)
    let outputs = sizes[sizes.count - 1]
    let y: Matrix
    switch loss {
    case .squared:
      y = .random(rows: outputs, columns: 1, using: &generator)
    case .hinge:
      // Against the output's sign: the margin y a is at most 0, so the loss is active and the
      // check is not a comparison of two zeros.
      y = [[referenceOutput(network, input: x)[0, 0] >= 0 ? -1 : 1]]
    case .softmaxCrossEntropy:
      y = oneHot(Int.random(in: 0..<outputs, using: &generator), classes: outputs)
    }
    return (network, x, y)
  }

  /// Every case: each activation with each loss at depths 1 to 4.
  static let all: [GradientCase] = Loss.allCases.flatMap { loss in
    Activation.allCases.flatMap { activation in
      (1...4).map { GradientCase(activation: activation, loss: loss, depth: $0) }
    }
  }
}

@Suite("Gradient checks: backpropagation against central differences")
struct GradientCheckTests {
  @Test(
    "E6.2 every activation and loss, seeded networks of depth 1 to 4 and widths 1 to 5",
    arguments: GradientCase.all)
  func randomNetwork(_ example: GradientCase) {
    let (network, x, y) = example.build()
    let numerical = numericalGradients(of: network, input: x, label: y, loss: example.loss)
    let computed = gradients(network, input: x, label: y, loss: example.loss)
    expectGradients(computed, match: numerical)
  }
}
