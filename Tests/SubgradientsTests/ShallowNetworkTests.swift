import LectureKit
import Subgradients
import TestSupport
import Testing

/// Expects a gradient equal entry by entry to the expected one (shapes first).
func expectShallow(
  _ computed: ShallowGradient, equals expected: ShallowGradient, tolerance: Double = 0,
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard expectWritten(computed, context, sourceLocation: sourceLocation) else { return }
  expectMatrix(
    computed.W, equals: expected.W, tolerance: tolerance, "\(context) ∂ℓ/∂w_ij",
    sourceLocation: sourceLocation)
  expectMatrix(
    computed.b, equals: expected.b, tolerance: tolerance, "\(context) ∂ℓ/∂b_j",
    sourceLocation: sourceLocation)
  expectMatrix(
    computed.w, equals: expected.w, tolerance: tolerance, "\(context) ∂ℓ/∂w_j",
    sourceLocation: sourceLocation)
  expectClose(
    computed.outputBias, expected.outputBias, tolerance: tolerance, "\(context) ∂ℓ/∂b",
    sourceLocation: sourceLocation)
}

/// The hinge loss's gradient by central differences, one parameter block at a time.
func numericalShallowGradient(_ network: ShallowNetwork, x: Matrix, y: Double) -> ShallowGradient {
  let n = network
  return ShallowGradient(
    W: numericalGradient(
      of: { ShallowNetwork(W: $0, b: n.b, w: n.w, outputBias: n.outputBias).loss(x, label: y) },
      at: n.W),
    b: numericalGradient(
      of: { ShallowNetwork(W: n.W, b: $0, w: n.w, outputBias: n.outputBias).loss(x, label: y) },
      at: n.b),
    w: numericalGradient(
      of: { ShallowNetwork(W: n.W, b: n.b, w: $0, outputBias: n.outputBias).loss(x, label: y) },
      at: n.w),
    outputBias: numericalGradient(
      of: { ShallowNetwork(W: n.W, b: n.b, w: n.w, outputBias: $0[0, 0]).loss(x, label: y) },
      at: [[n.outputBias]])[0, 0])
}

@Suite("Notes 2.2: the chain rule through a ReLU layer and the hinge loss")
struct ShallowNetworkTests {
  /// x = (1, 2): unit 1 has z_1 = 2 - 2 = 0 exactly, unit 2 has z_2 = 3; the output is
  /// 5 · 0 + 1/2 · 3 - 1/2 = 1.
  static let kinked = ShallowNetwork(
    W: [[2, 1], [-1, 1]], b: [[0], [0]], w: [[5], [0.5]], outputBias: -0.5)
  static let x: Matrix = [[1], [2]]

  @Test("E6.3 by hand, y = -1: unit 1 sits at its kink and passes nothing; unit 2 gives x_i w_2")
  func byHand() {
    let computed = shallowGradient(Self.kinked, input: Self.x, label: -1)
    let expected = ShallowGradient(
      W: [[0, 0.5], [0, 1]], b: [[0], [0.5]], w: [[0], [3]], outputBias: 1)
    // Unit 1 sits at z_1 = 0: ReLU'(0) = 1 and a missing ReLU gate both let it pass w_1 back,
    // and give the same numbers here; the next test tells them apart.
    if computed.W == [[5, 0.5], [10, 1]] {
      fail(
        said(
          "probably one of: ReLU'(0) was taken as 1: the notes pick 0; or the ReLU gate "
            + "[z_j > 0] is left out of ∂ℓ/∂b_j",
          "可能是以下之一：ReLU'(0) 取成了 1：讲义取 0；或 ∂ℓ/∂b_j 漏了 ReLU 的门控 [z_j > 0]"))
    }
    expectShallow(computed, equals: expected)
  }

  @Test("E6.3 an inactive unit (z_1 = -1) passes nothing back, whatever its outgoing weight")
  func inactiveUnit() {
    let network = ShallowNetwork(
      W: Self.kinked.W, b: [[-1], [0]], w: Self.kinked.w, outputBias: -0.5)
    let computed = shallowGradient(network, input: Self.x, label: -1)
    if computed.W == [[5, 0.5], [10, 1]] {
      fail(
        said(
          "probably: the ReLU gate [z_j > 0] is left out: an inactive unit passes nothing back",
          "可能是：漏了 ReLU 的门控 [z_j > 0]：没有激活的单元不往回传梯度"))
    }
    expectShallow(
      computed,
      equals: ShallowGradient(
        W: [[0, 0.5], [0, 1]], b: [[0], [0.5]], w: [[0], [3]], outputBias: 1))
  }

  @Test("E6.3 an inactive unit, each parameter's gradient against the slips of the chain rule")
  func chainRuleSlips() {
    let network = ShallowNetwork(
      W: Self.kinked.W, b: [[-1], [0]], w: Self.kinked.w, outputBias: -0.5)
    let computed = shallowGradient(network, input: Self.x, label: -1)
    guard expectWritten(computed) else { return }
    // z = (-1, 3), a = (0, 3), output 1, y = -1: ∂ℓ/∂z = 1 and δ = [z_j > 0] w_j ∂ℓ/∂z = (0, 1/2).
    let gateLeftOut = KnownMistake(
      "the ReLU gate [z_j > 0] is left out: an inactive unit passes nothing back",
      zh: "漏了 ReLU 的门控 [z_j > 0]：没有激活的单元不往回传梯度", [[5, 0.5], [10, 1]])
    let weightLeftOut = KnownMistake(
      "the outgoing weight w_j is left out: ∂ℓ/∂b_j = [z_j > 0] w_j ∂ℓ/∂z",
      zh: "漏了输出权重 w_j：∂ℓ/∂b_j = [z_j > 0] w_j ∂ℓ/∂z", [[0, 1], [0, 2]])
    expectMatrix(
      computed.W, equals: [[0, 0.5], [0, 1]],
      unlike: [
        gateLeftOut, weightLeftOut,
        KnownMistake(
          "∂ℓ/∂w_ij came out transposed: row i belongs to input x_i and column j to unit j, so "
            + "∂ℓ/∂W = x δᵀ",
          zh: "∂ℓ/∂w_ij 转置了：第 i 行属于输入 x_i，第 j 列属于单元 j，所以 ∂ℓ/∂W = x δᵀ",
          [[0, 0], [0.5, 1]]),
      ], "∂ℓ/∂w_ij")
    expectMatrix(
      computed.b, equals: [[0], [0.5]],
      unlike: [
        KnownMistake(gateLeftOut.diagnosis, zh: gateLeftOut.chineseDiagnosis, [[5], [0.5]]),
        KnownMistake(weightLeftOut.diagnosis, zh: weightLeftOut.chineseDiagnosis, [[0], [1]]),
      ], "∂ℓ/∂b_j")
    expectMatrix(
      computed.w, equals: [[0], [3]],
      unlike: [
        KnownMistake(
          "∂ℓ/∂w_j used z_j, not the activation f(z_j) = max(0, z_j)",
          zh: "∂ℓ/∂w_j 用了 z_j，而不是激活 f(z_j) = max(0, z_j)", [[-1], [3]])
      ], "∂ℓ/∂w_j")
    expectClose(computed.outputBias, 1, "∂ℓ/∂b")
  }

  @Test("E6.3 margin exactly 1 (y = 1, output 1): the loss is 0, and so is every gradient")
  func hingeKink() {
    let computed = shallowGradient(Self.kinked, input: Self.x, label: 1)
    let zero = ShallowGradient(
      W: [[0, 0], [0, 0]], b: [[0], [0]], w: [[0], [0]], outputBias: 0)
    expectShallow(computed, equals: zero)
  }

  static let seeds: [UInt64] = [21, 22, 23, 24, 25]

  @Test(
    "E6.3 the closed form agrees with central differences away from the kinks", arguments: seeds)
  func numerical(_ seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let d = Int.random(in: 1...3, using: &generator)
    let m = Int.random(in: 2...5, using: &generator)
    let network = ShallowNetwork(
      W: .random(rows: d, columns: m, using: &generator),
      b: .random(rows: m, columns: 1, using: &generator),
      w: .random(rows: m, columns: 1, using: &generator),
      outputBias: .random(in: -1...1, using: &generator))
    let x = Matrix.random(rows: d, columns: 1, using: &generator)
    // Against the output's sign the loss is active (margin <= 0); with it, it may be 0.
    let y: Double = network.output(x) >= 0 ? -1 : 1
    for label in [y, -y] {
      let numerical = numericalShallowGradient(network, x: x, y: label)
      expectShallow(
        shallowGradient(network, input: x, label: label), equals: numerical, tolerance: 1e-8,
        "y = \(label)")
    }
  }
}
