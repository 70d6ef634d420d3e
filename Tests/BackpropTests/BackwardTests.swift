import Backprop
import Foundation
import LectureKit
import TestSupport
import Testing

/// The backward pass step by step: δ^L, the recursion, ∂ℓ/∂W^l, and all of them together.
@Suite("The backward pass, step by step")
struct BackwardTests {
  @Test("E6.2 δ^L for the squared loss with a sigmoid output: f'(z^L) times (a^L - y)")
  func outputErrorSquared() {
    // z = (0, ln 3): a = (1/2, 3/4), f' = (1/4, 3/16), a - y = (-1/2, 3/4).
    let computed = outputError(
      .squared, z: [[0], [log(3)]], activation: .sigmoid, label: [[1], [0]])
    guard expectMatrix(computed, equals: [[-0.125], [0.140625]], tolerance: 1e-12) else {
      if computed.isApproximatelyEqual(to: [[-0.5], [0.75]], absoluteTolerance: 1e-12) {
        fail(said("δ^L lacks the factor Diag[f'(z^L)]", "δ^L 缺了因子 Diag[f'(z^L)]"))
      }
      return
    }
  }

  @Test("E6.3 δ^L for the hinge loss: tanh output 4/5 with label -1; identity output at the kink")
  func outputErrorHinge() {
    // tanh(ln 3) = 4/5, margin -4/5 < 1, so ∂ℓ/∂a = 1 and δ = tanh'(ln 3) = 9/25.
    expectMatrix(
      outputError(.hinge, z: [[log(3)]], activation: .tanh, label: [[-1]]), equals: [[0.36]],
      tolerance: 1e-12, said("tanh output", "tanh 输出"))
    expectMatrix(
      outputError(.hinge, z: [[0.5]], activation: .identity, label: [[1]]), equals: [[-1]],
      said("identity output, margin 1/2", "恒等输出，间隔 1/2"))
    expectMatrix(
      outputError(.hinge, z: [[-1]], activation: .identity, label: [[-1]]), equals: [[0]],
      said("identity output, margin exactly 1", "恒等输出，间隔恰为 1"))
  }

  @Test("E6.2 δ^L for the softmax cross-entropy: softmax(z) - y = (1/4, 1/4, 1/2) - e_0")
  func outputErrorSoftmax() {
    let computed = outputError(
      .softmaxCrossEntropy, z: [[0], [0], [log(2)]], activation: .identity,
      label: oneHot(0, classes: 3))
    guard expectMatrix(computed, equals: [[-0.75], [0.25], [0.5]], tolerance: 1e-12) else {
      if computed.isApproximatelyEqual(to: [[0.75], [-0.25], [-0.5]], absoluteTolerance: 1e-12) {
        fail(said("the sign is flipped: δ^L = softmax(z) - y", "符号反了：δ^L = softmax(z) - y"))
      }
      return
    }
  }

  @Test("E6.2 the recursion on the 2-3-1 network: δ^2 = Diag[relu'(z^2)] W^3 δ^3")
  func recursionByHand() {
    let network = HandNetwork.network
    let pass = forwardPass(network, input: HandNetwork.x)
    // relu'(z^2) = (1, 1, 0) since z^2 = (1.5, 2, -1.5); W^3 δ^3 = (2, -1, 4) · 2.
    let computed = hiddenError(layer: 2, of: network, pass: pass, next: [[2]])
    expectMatrix(computed, equals: [[4], [-2], [0]])
  }

  @Test("E6.2 the recursion multiplies by W^(l+1), not its transpose, and by f'(z^l)")
  func recursionSquare() {
    // z^2 = x = (0, ln 2): tanh'(z^2) = (1, 16/25). W^3 δ^3 = (4, -5.5); (W^3)^T δ^3 = (-1, 4.5).
    let network = Network(layers: [
      Layer(W: [[1, 0], [0, 1]], b: [[0], [0]], f: .tanh),
      Layer(W: [[1, 2], [-3, 0.5]], b: [[0], [0]], f: .identity),
    ])
    let pass = forwardPass(network, input: [[0], [log(2)]])
    let computed = hiddenError(layer: 2, of: network, pass: pass, next: [[2], [1]])
    guard expectMatrix(computed, equals: [[4], [-3.52]], tolerance: 1e-12) else {
      if computed.isApproximatelyEqual(to: [[-1], [2.88]], absoluteTolerance: 1e-12) {
        fail(
          said(
            "δ^l used (W^(l+1))^T δ^(l+1): W^(l+1) is (units in l) x (units in l+1) already",
            "δ^l 用了 (W^(l+1))^T δ^(l+1)：W^(l+1) 本来就是（第 l 层单元数）x（第 l+1 层单元数）"))
      }
      if computed.isApproximatelyEqual(to: [[4], [-5.5]], absoluteTolerance: 1e-12) {
        fail(said("δ^l lacks the factor Diag[f'(z^l)]", "δ^l 缺了因子 Diag[f'(z^l)]"))
      }
      return
    }
  }

  @Test("E6.2 ∂ℓ/∂W^l = a^(l-1) (δ^l)^T has the shape of W^l: (units in l-1) x (units in l)")
  func weightGradientShape() {
    expectMatrix(
      weightGradient(previous: [[1], [2], [3]], error: [[0.5], [-1]]),
      equals: [[0.5, -1], [1, -2], [1.5, -3]],
      said("a 3-unit layer into a 2-unit layer", "3 个单元的层接 2 个单元的层"))
    let square = weightGradient(previous: [[1], [2]], error: [[3], [4]])
    guard
      expectMatrix(square, equals: [[3, 4], [6, 8]], said("two units into two", "2 个单元接 2 个单元"))
    else {
      if square == [[3, 6], [4, 8]] {
        fail(said("that is δ (a)^T, the transpose of ∂ℓ/∂W^l", "这是 δ (a)^T，即 ∂ℓ/∂W^l 的转置"))
      }
      return
    }
  }

  @Test("E6.2 backpropagate on the 2-3-1 network with the squared loss, by hand")
  func backpropagateByHand() {
    let network = HandNetwork.network
    let pass = forwardPass(network, input: HandNetwork.x)
    // δ^3 = a^3 - y = 1.25 - 0.25 = 1; δ^2 = (1, 1, 0) ⊙ (2, -1, 4) = (2, -1, 0).
    let computed = backpropagate(network, pass: pass, loss: .squared, label: [[0.25]])
    let expected = Gradients(
      dW: [[[2, -1, 0], [4, -2, 0]], [[1.5], [2], [0]]], db: [[[2], [-1], [0]], [[1]]])
    expectGradients(computed, equal: expected)
  }
}
