import Backprop
import LectureKit
import TestSupport
import Testing

/// A 2-3-1 network small enough to work by hand: x = (1, 2), a ReLU hidden layer, a linear
/// output. W^2 is 2 x 3 (inputs x units), so using W instead of W^T cannot go unnoticed.
enum HandNetwork {
  static let x: Matrix = [[1], [2]]
  static let network = Network(layers: [
    Layer(W: [[1, -1, 0.5], [0, 2, -1]], b: [[0.5], [-1], [0]], f: .relu),
    Layer(W: [[2], [-1], [4]], b: [[0.25]], f: .identity),
  ])
  /// z^2 = (W^2)^T x + b^2 = (1, 3, -1.5) + (0.5, -1, 0).
  static let z2: Matrix = [[1.5], [2], [-1.5]]
  static let a2: Matrix = [[1.5], [2], [0]]
  /// z^3 = 2 · 1.5 - 1 · 2 + 4 · 0 + 0.25.
  static let z3: Matrix = [[1.25]]
}

@Suite("The forward pass")
struct ForwardPassTests {
  @Test("E6.2 the 2-3-1 network by hand: z^2, a^2 = relu(z^2), z^3 = a^3")
  func byHand() {
    let pass = forwardPass(HandNetwork.network, input: HandNetwork.x)
    guard expectPass(pass, layers: 3) else { return }
    expectMatrix(pass.a(1), equals: HandNetwork.x, said("a^1 is the input", "a^1 是输入"))
    guard
      expectMatrix(
        pass.z(2), equals: HandNetwork.z2,
        unlike: [KnownMistake("z^2 lacks the bias b^2", zh: "z^2 缺了偏置 b^2", [[1], [3], [-1.5]])],
        "z^2")
    else { return }
    guard
      expectMatrix(
        pass.a(2), equals: HandNetwork.a2,
        unlike: [
          KnownMistake(
            "a^l = z^l: the activation f was not applied, a^l = f(z^l)",
            zh: "a^l = z^l：没有作用激活函数 f，应为 a^l = f(z^l)", HandNetwork.z2)
        ], "a^2 = relu(z^2)")
    else { return }
    expectMatrix(pass.z(3), equals: HandNetwork.z3, "z^3")
    expectMatrix(pass.a(3), equals: HandNetwork.z3, said("a^3 = z^3 (identity)", "a^3 = z^3（恒等）"))
    expectMatrix(pass.output, equals: HandNetwork.z3, said("the output is a^L", "输出是 a^L"))
  }

  @Test("E6.2 a 2-2-2 network: z^l = (W^l)^T a^(l-1) + b^l, each layer fed the layer before")
  func squareLayers() {
    // W^2 and W^3 are 2 x 2: W^l in place of (W^l)^T, or x in place of a^2, keeps the shapes.
    let network = Network(layers: [
      Layer(W: [[1, 2], [0, -1]], b: [[0.5], [0]], f: .relu),
      Layer(W: [[1, -1], [3, 2]], b: [[0], [1]], f: .identity),
    ])
    let x: Matrix = [[2], [1]]
    let pass = forwardPass(network, input: x)
    guard expectPass(pass, layers: 3) else { return }
    // (W^2)^T x + b^2 = (2 + 0, 4 - 1) + (0.5, 0); W^2 x + b^2 = (2 + 2, 0 - 1) + (0.5, 0).
    guard
      expectMatrix(
        pass.z(2), equals: [[2.5], [3]],
        unlike: [
          KnownMistake(
            "z^l used W^l a^(l-1), not (W^l)^T a^(l-1): W^l is (units in l-1) x (units in l)",
            zh: "z^l 用了 W^l a^(l-1)，应为 (W^l)^T a^(l-1)：W^l 是（第 l-1 层单元数）x（第 l 层单元数）",
            [[4.5], [-1]])
        ], "z^2")
    else { return }
    // a^2 = (2.5, 3): (W^3)^T a^2 + b^3 = (2.5 + 9, -2.5 + 6) + (0, 1); with x in place of a^2,
    // (2 + 3, -2 + 2) + (0, 1).
    expectMatrix(
      pass.z(3), equals: [[11.5], [4.5]],
      unlike: [
        KnownMistake(
          "every layer was fed the input x, not a^(l-1): z^l = (W^l)^T a^(l-1) + b^l",
          zh: "每一层都用了输入 x，应为前一层的 a^(l-1)：z^l = (W^l)^T a^(l-1) + b^l", [[5], [1]])
      ], "z^3")
    expectMatrix(
      pass.output, equals: [[11.5], [4.5]], said("the output a^3 = z^3", "输出 a^3 = z^3"))
  }

  @Test("E6.2 sigmoid and tanh layers: a^l = f(z^l) at ln 3, where σ = 3/4 and tanh = 4/5")
  func smoothActivations() {
    let ln3 = 1.0986122886681098
    let network = Network(layers: [
      Layer(W: [[ln3, 0]], b: [[0], [ln3]], f: .sigmoid),
      Layer(W: [[4, 0], [0, 5]], b: [[0], [0]], f: .tanh),
    ])
    let pass = forwardPass(network, input: [[1]])
    guard expectPass(pass, layers: 3) else { return }
    expectMatrix(pass.a(2), equals: [[0.75], [0.75]], tolerance: 1e-12, "σ(ln 3), σ(ln 3)")
    // z^3 = (3, 3.75); tanh(3) and tanh(3.75), numpy.tanh.
    expectMatrix(
      pass.output, equals: [[0.9950547536867305], [0.9988944427261528]], tolerance: 1e-12,
      said("tanh of z^3", "z^3 的 tanh"))
  }

  @Test("E6.2 every layer of a 3-5-4-2 network: z^l and a^l are (units in l) x 1")
  func shapes() {
    var generator = SeededGenerator(seed: 5)
    let network = Network.uniform(
      sizes: [3, 5, 4, 2], activations: [.tanh, .relu, .identity], using: &generator)
    let x = Matrix.random(rows: 3, columns: 1, using: &generator)
    let pass = forwardPass(network, input: x)
    guard expectPass(pass, layers: 4) else { return }
    for (l, units) in [(2, 5), (3, 4), (4, 2)] {
      guard expectShape(pass.z(l), Shape(rows: units, columns: 1), "z^\(l)") else { continue }
      expectMatrix(
        pass.z(l), equals: network.W(l).transposed() * pass.a(l - 1) + network.b(l),
        tolerance: 1e-12, "z^\(l) = (W^\(l))^T a^\(l - 1) + b^\(l)")
      expectMatrix(pass.a(l), equals: network.f(l)(pass.z(l)), "a^\(l) = f(z^\(l))")
    }
  }
}
