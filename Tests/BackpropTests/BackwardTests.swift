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
    let sigmoidSlope = { (v: Double) -> Double in
      let s = 1 / (1 + exp(-v))
      return s * (1 - s)
    }
    expectMatrix(
      computed, equals: [[-0.125], [0.140625]],
      unlike: [
        KnownMistake(
          "δ^L lacks the factor Diag[f'(z^L)]", zh: "δ^L 缺了因子 Diag[f'(z^L)]", [[-0.5], [0.75]]),
        // σ'(1/2) (1/2 - 1) and σ'(3/4) (3/4 - 0)
        KnownMistake(
          "f' was taken at a^L = f(z^L), not at z^L: δ^L = Diag[f'(z^L)] ∇_a ℓ",
          zh: "f' 代入的是 a^L = f(z^L)，不是 z^L：δ^L = Diag[f'(z^L)] ∇_a ℓ",
          [[sigmoidSlope(0.5) * -0.5], [sigmoidSlope(0.75) * 0.75]]),
        // f'(z) (z - y) = (1/4 (0 - 1), 3/16 (ln 3 - 0))
        KnownMistake(
          "∇_a ℓ was taken at z^L, not at the output a^L = f(z^L): ∇_a ℓ = a^L - y",
          zh: "∇_a ℓ 代入的是 z^L，不是输出 a^L = f(z^L)：∇_a ℓ = a^L - y",
          [[-0.25], [3.0 / 16 * log(3)]]),
      ], tolerance: 1e-12)
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
    expectMatrix(
      computed, equals: [[-0.75], [0.25], [0.5]],
      unlike: [
        KnownMistake(
          "the sign is flipped: δ^L = softmax(z) - y", zh: "符号反了：δ^L = softmax(z) - y",
          [[0.75], [-0.25], [-0.5]]),
        KnownMistake(
          "the softmax is missing: δ^L = softmax(z) - y, not z - y",
          zh: "少了 softmax：δ^L = softmax(z) - y，不是 z - y", [[-1], [0], [log(2)]]),
      ], tolerance: 1e-12)
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
    // The output layer's sigmoid takes no part in δ^2: it tells f(l + 1) from f(l).
    let network = Network(layers: [
      Layer(W: [[1, 0], [0, 1]], b: [[0], [0]], f: .tanh),
      Layer(W: [[1, 2], [-3, 0.5]], b: [[0], [0]], f: .sigmoid),
    ])
    let pass = forwardPass(network, input: [[0], [log(2)]])
    let computed = hiddenError(layer: 2, of: network, pass: pass, next: [[2], [1]])
    // a^2 = tanh(z^2) = (0, 3/5); σ'(z^2) = (1/4, 2/9).
    let tanhSlope = 1 - Foundation.tanh(0.6) * Foundation.tanh(0.6)
    expectMatrix(
      computed, equals: [[4], [-3.52]],
      unlike: [
        KnownMistake(
          "δ^l used (W^(l+1))^T δ^(l+1): W^(l+1) is (units in l) x (units in l+1) already",
          zh: "δ^l 用了 (W^(l+1))^T δ^(l+1)：W^(l+1) 本来就是（第 l 层单元数）x（第 l+1 层单元数）",
          [[-1], [2.88]]),
        KnownMistake(
          "δ^l lacks the factor Diag[f'(z^l)]", zh: "δ^l 缺了因子 Diag[f'(z^l)]", [[4], [-5.5]]),
        KnownMistake(
          "f' was taken at a^l = f(z^l), not at z^l: δ^l = Diag[f'(z^l)] W^(l+1) δ^(l+1)",
          zh: "f' 代入的是 a^l = f(z^l)，不是 z^l：δ^l = Diag[f'(z^l)] W^(l+1) δ^(l+1)",
          [[4], [-5.5 * tanhSlope]]),
        KnownMistake(
          "Diag[f(z^l)] stands where Diag[f'(z^l)] belongs: the derivative, not the activation",
          zh: "用了 Diag[f(z^l)]，应为 Diag[f'(z^l)]：要的是导数，不是激活", [[0], [-3.3]]),
        KnownMistake(
          "f' of layer l+1's activation, not of layer l's: δ^l takes f of layer l",
          zh: "用了第 l+1 层激活函数的导数，应为第 l 层的：δ^l 用第 l 层的 f",
          [[1], [-5.5 * 2 / 9]]),
      ], tolerance: 1e-12)
  }

  @Test("E6.2 ∂ℓ/∂W^l = a^(l-1) (δ^l)^T has the shape of W^l: (units in l-1) x (units in l)")
  func weightGradientShape() {
    expectMatrix(
      weightGradient(previous: [[1], [2], [3]], error: [[0.5], [-1]]),
      equals: [[0.5, -1], [1, -2], [1.5, -3]],
      said("a 3-unit layer into a 2-unit layer", "3 个单元的层接 2 个单元的层"))
    let square = weightGradient(previous: [[1], [2]], error: [[3], [4]])
    expectMatrix(
      square, equals: [[3, 4], [6, 8]],
      unlike: [
        KnownMistake(
          "that is δ (a)^T, the transpose of ∂ℓ/∂W^l", zh: "这是 δ (a)^T，即 ∂ℓ/∂W^l 的转置",
          [[3, 6], [4, 8]]),
        KnownMistake(
          "a^T δ is a number, the inner product: ∂ℓ/∂W^l = a δ^T is the outer product, a matrix",
          zh: "a^T δ 是一个数，即内积：∂ℓ/∂W^l = a δ^T 是外积，是一个矩阵", [[11]]),
        KnownMistake(
          "a ⊙ δ is a column, entry by entry: ∂ℓ/∂W^l = a δ^T has an entry a_i δ_j for every pair",
          zh: "a ⊙ δ 是逐元素相乘得到的列向量：∂ℓ/∂W^l = a δ^T 对每一对 (i, j) 都有一项 a_i δ_j",
          [[3], [8]]),
      ], said("two units into two", "2 个单元接 2 个单元"))
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

  /// A 2-2-2-2 network (tanh, sigmoid, identity): every W^l is 2 x 2, so a gradient taken from
  /// the wrong layer keeps its shape and shows in its values.
  static let square = Network(layers: [
    Layer(W: [[0.5, -1], [1.5, 0.25]], b: [[0.1], [-0.3]], f: .tanh),
    Layer(W: [[1, 0.5], [-0.75, 2]], b: [[0.2], [0]], f: .sigmoid),
    Layer(W: [[2, -1], [0.5, 1]], b: [[-0.5], [0.25]], f: .identity),
  ])

  @Test("E6.2 backpropagate on a 2-2-2-2 network: each ∂ℓ/∂W^l from a^(l-1) and δ^l of its layer")
  func backpropagateSquare() {
    let network = Self.square
    let x: Matrix = [[1], [-2]]
    let y: Matrix = [[0.5], [-1]]
    // The pass and the deltas by the notes' formulas, here rather than by the exercises:
    // a[k] = a^(k+1), delta[k] = δ^(k+2).
    var pass = ForwardPass(input: x)
    var a = [x]
    var slopes: [Matrix] = []
    for layer in network.layers {
      let z = layer.W.transposed() * a[a.count - 1] + layer.b
      let activation = layer.f(z)
      pass.append(z: z, a: activation)
      a.append(activation)
      switch layer.f {
      case .tanh: slopes.append(activation.map { 1 - $0 * $0 })
      case .sigmoid: slopes.append(activation.map { $0 * (1 - $0) })
      default: slopes.append(activation.map { _ in 1 })
      }
    }
    var delta = [a[3] - y]
    delta.insert(slopes[1].hadamard(network.W(4) * delta[0]), at: 0)
    delta.insert(slopes[0].hadamard(network.W(3) * delta[0]), at: 0)
    let expected = Gradients(dW: (0..<3).map { a[$0] * delta[$0].transposed() }, db: delta)
    let computed = backpropagate(network, pass: pass, loss: .squared, label: y)
    guard expectWritten(computed) else { return }
    // A loop from L down to 3: the gradients of layers 3 and 4, numbered 2 and 3.
    if computed.L == 3,
      computed.dW(2).isApproximatelyEqual(to: expected.dW(3), absoluteTolerance: 1e-12)
    {
      return nameMistake(
        "the loop over the layers stops before layer 2: for l = L, ..., 2 goes through 2",
        zh: "对各层的循环在第 2 层之前就停了：for l = L, ..., 2 要包括 2",
        said(
          "expected gradients of layers 2 ... 4, computed layers 2 ... 3",
          "应为第 2 ... 4 层的梯度，算出的是第 2 ... 3 层"))
    }
    guard expectLayers(computed, 4) else { return }
    let ownActivation = (0..<3).map { a[$0 + 1] * delta[$0].transposed() }
    let stale = (0..<3).map { a[$0] * delta[2].transposed() }
    for l in 2...4 {
      expectMatrix(
        computed.dW(l), equals: expected.dW(l),
        unlike: [
          KnownMistake(
            "∂ℓ/∂W^l took a^l, not a^(l-1): ∂ℓ/∂W^l = a^(l-1) (δ^l)^T",
            zh: "∂ℓ/∂W^l 用了 a^l，应为 a^(l-1)：∂ℓ/∂W^l = a^(l-1) (δ^l)^T", ownActivation[l - 2]),
          KnownMistake(
            "the gradients are in reverse order: the first must be layer 2's, the last layer L's",
            zh: "梯度的顺序反了：第一个应是第 2 层的，最后一个是第 L 层的", expected.dW(6 - l)),
          KnownMistake(
            "δ was never updated: every layer used δ^L; store δ^l = Diag[f'(z^l)] W^(l+1) δ^(l+1)",
            zh: "δ 一直没有更新：每一层都用了 δ^L；要保存 δ^l = Diag[f'(z^l)] W^(l+1) δ^(l+1)", stale[l - 2]),
        ], tolerance: 1e-12, "∂ℓ/∂W^\(l)")
      expectMatrix(computed.db(l), equals: expected.db(l), tolerance: 1e-12, "∂ℓ/∂b^\(l)")
    }
  }
}
