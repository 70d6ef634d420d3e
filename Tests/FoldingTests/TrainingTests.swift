import Folding
import Foundation
import LectureKit
import TestSupport
import Testing

/// The logistic loss of the read-out, its gradient by the backward pass, and gradient descent.
@Suite("Lecture 000 and 004: training a network of narrow ReLU layers")
struct TrainingTests {
  /// One identity layer and the read-out s = a₁ - a₂.
  static let identity = FoldingNetwork(
    hidden: [FoldingLayer(weights: [[1, 0], [0, 1]], bias: [[0], [0]])],
    readout: FoldingLayer(weights: [[1, -1]], bias: [[0]]))

  @Test("E6.12 the loss by hand: scores 2 and -3 on two points of class +1")
  func lossByHand() {
    // s = 2 and s = -3: (log(1 + e^-2) + log(1 + e^3)) / 2 (Python: math.log1p, math.exp).
    let loss = foldingLoss(Self.identity, points: [[2, 0], [0, 3]], labels: [1, 1])
    expectClose(loss, 1.5877576813083574, tolerance: 1e-12)
  }

  @Test("E6.12 the loss by hand with labels of both signs: scores 2, -3 and 1 on labels 1, -1, -1")
  func lossWithBothLabels() {
    // Margins y s = 2, 3 and -1 (Python: sum(math.log1p(math.exp(-m)) for m in ...) / 3).
    let loss = foldingLoss(
      Self.identity, points: [[2, 0], [0, 3], [1, 0]], labels: [1, -1, -1])
    let f = { (m: Double) in log1p(exp(-m)) }
    expectMatrix(
      [[loss]], equals: [[0.4962590167116458]],
      unlike: [
        KnownMistake(
          "the margin lacks the label y: m = y s, not s", zh: "间隔漏了标签 y：m = y s，不是 s",
          [[(f(2) + f(-3) + f(1)) / 3]]),
        KnownMistake(
          "the sign of the margin is flipped in max(0, m): the stable form is "
            + "max(0, -m) + log(1 + e^-|m|)",
          zh: "max(0, m) 里间隔的符号反了：稳定的写法是 max(0, -m) + log(1 + e^-|m|)",
          [[(f(-2) + f(-3) + f(1)) / 3]]),
      ], "C")
  }

  @Test("E6.12 a read-out of zeros scores 0 everywhere: the mean loss is log 2 for any labels")
  func lossOfZeros() {
    var network = Self.identity
    network.readout = FoldingLayer(weights: [[0, 0]], bias: [[0]])
    let points: Matrix = [[1, 2], [-3, 4], [5, -6], [0, 0]]
    for labels: [Double] in [[1, 1, 1, 1], [-1, 1, -1, 1]] {
      let loss = foldingLoss(network, points: points, labels: labels)
      if loss.isApproximatelyEqual(to: 4 * 0.6931471805599453, absoluteTolerance: 1e-12) {
        fail(
          said(
            "probably: the sum of the points' losses, not their mean",
            "可能是：算的是各点损失之和，不是平均值"))
      }
      expectClose(
        loss, 0.6931471805599453, tolerance: 1e-15, said("labels \(labels)", "标签 \(labels)"))
    }
  }

  @Test("E6.12 a confident wrong score: the loss is about the margin, not infinity")
  func lossDoesNotOverflow() {
    let network = FoldingNetwork(
      hidden: [], readout: FoldingLayer(weights: [[1000, 0]], bias: [[0]]))
    // s = 1000 on a point of class -1: log(1 + e^1000) = 1000 + log(1 + e^-1000) = 1000.
    let loss = foldingLoss(network, points: [[1, 0]], labels: [-1])
    if loss.isInfinite {
      fail(
        said(
          "probably: log(1 + e^1000) overflowed: write it as max(0, -m) + log(1 + e^-|m|)",
          "可能是：log(1 + e^1000) 溢出了：写成 max(0, -m) + log(1 + e^-|m|)"))
    }
    expectClose(loss, 1000, tolerance: 1e-9)
  }

  static let gradientCases: [(inputs: Int, width: Int, depth: Int, seed: UInt64)] = [
    (2, 2, 4, 11), (3, 2, 2, 12), (2, 5, 3, 13),
  ]

  @Test(
    "E6.12 the backward pass agrees with central differences on every weight and bias",
    arguments: gradientCases.indices)
  func gradientCheck(_ index: Int) {
    let example = Self.gradientCases[index]
    var generator = SeededGenerator(seed: example.seed)
    let network = FoldingNetwork.initial(
      inputs: example.inputs, width: example.width, depth: example.depth, using: &generator)
    let points = Matrix.random(rows: 7, columns: example.inputs, in: -1...1, using: &generator)
    let labels: [Double] = [1, -1, -1, 1, 1, -1, 1]
    let analytic = foldingBackward(network, points: points, labels: labels)
    let numeric = numericalGradient(of: network) {
      foldingLoss($0, points: points, labels: labels)
    }
    guard expectWritten(analytic) else { return }
    guard analytic.hidden.count == network.hidden.count else {
      fail(
        said(
          "expected \(network.hidden.count) layers in the gradient, got \(analytic.hidden.count)",
          "梯度应有 \(network.hidden.count) 层，得到 \(analytic.hidden.count) 层"))
      return
    }
    // The network, and the separator before the parameter's name.
    let name = said(
      "\(example.inputs) inputs, width \(example.width), depth \(example.depth), ",
      "\(example.inputs) 个输入，宽度 \(example.width)，深度 \(example.depth)，")
    for l in network.hidden.indices {
      expectGradient(
        analytic.hidden[l].weights, matches: numeric.hidden[l].weights, "\(name)W\(l + 1)")
      expectGradient(analytic.hidden[l].bias, matches: numeric.hidden[l].bias, "\(name)b\(l + 1)")
    }
    expectGradient(analytic.readout.weights, matches: numeric.readout.weights, "\(name)u")
    expectGradient(analytic.readout.bias, matches: numeric.readout.bias, "\(name)c")
  }

  @Test("E6.12 the backward pass by hand: one identity layer, points of both labels")
  func backwardByHand() {
    // z = a = x for both points (all positive), s = a₁ - a₂ = 1 and -2.5 on labels 1 and -1:
    // δs = (-σ(-1) / 2, σ(-2.5) / 2), δz_i = (δs_i, -δs_i), ∂C/∂W = δzᵀ X.
    let points: Matrix = [[2, 1], [0.5, 3]]
    let gradient = foldingBackward(Self.identity, points: points, labels: [1, -1])
    guard expectWritten(gradient) else { return }
    guard gradient.hidden.count == 1 else {
      return fail(said("expected one layer in the gradient", "梯度应有 1 层"))
    }
    let sigma = { (t: Double) in 1 / (1 + exp(-t)) }
    // ∂C/∂W for δs = (d1, d2): row 1 is d1 x₁ + d2 x₂, row 2 its negative.
    let weights = { (d1: Double, d2: Double) -> Matrix in
      let row = [d1 * 2 + d2 * 0.5, d1 * 1 + d2 * 3]
      return Matrix([row, row.map { -$0 }])
    }
    let expected = weights(-sigma(-1) / 2, sigma(-2.5) / 2)
    expectMatrix(
      gradient.hidden[0].weights, equals: expected,
      unlike: [
        KnownMistake(
          "the margin lacks the label y: δs_i = -y_i σ(-y_i s_i) / n",
          zh: "间隔漏了标签 y：δs_i = -y_i σ(-y_i s_i) / n", weights(-sigma(-1) / 2, sigma(2.5) / 2)),
        KnownMistake(
          "the gradient of the sum, not of the mean: δs_i has a factor 1/n",
          zh: "这是损失之和的梯度，不是平均值的：δs_i 带有因子 1/n", 2 * expected),
        KnownMistake(
          "∂C/∂W came out transposed: ∂C/∂Wˡ = δzˡᵀ aˡ⁻¹, one row per unit",
          zh: "∂C/∂W 转置了：∂C/∂Wˡ = δzˡᵀ aˡ⁻¹，每个单元一行", expected.transposed()),
      ], tolerance: 1e-15, "W")
    let ds = [-sigma(-1) / 2, sigma(-2.5) / 2]
    expectMatrix(
      gradient.hidden[0].bias, equals: [[ds[0] + ds[1]], [-ds[0] - ds[1]]], tolerance: 1e-15, "b")
    expectMatrix(gradient.readout.weights, equals: [expected.rowArrays[0]], tolerance: 1e-15, "u")
    expectMatrix(gradient.readout.bias, equals: [[ds[0] + ds[1]]], tolerance: 1e-15, "c")
  }

  @Test("E6.12 the kink: relu'(0) = 0, so a unit with z = 0 passes no gradient")
  func kink() {
    // z = (0, 1) for the point (0, 1): unit 1 sits on the kink, unit 2 is active.
    // s = 0 - 1 = -1, δs = -σ(1); δa = δs u = (δs, -δs); δz = (δs · relu'(0), -δs) = (0, σ(1)).
    let gradient = foldingBackward(Self.identity, points: [[0, 1]], labels: [1])
    guard expectWritten(gradient) else { return }
    guard gradient.hidden.count == 1 else {
      return fail(said("expected one layer in the gradient", "梯度应有 1 层"))
    }
    let sigmaOne = 0.7310585786300049  // 1 / (1 + math.exp(-1))
    if gradient.hidden[0].bias.isApproximatelyEqual(
      to: [[-sigmaOne], [sigmaOne]], absoluteTolerance: 1e-12)
    {
      fail(
        said(
          "probably: relu'(0) was taken as 1: a unit at z = 0 passes no gradient",
          "可能是：relu'(0) 取成了 1：z = 0 的单元不传梯度"))
    }
    expectMatrix(gradient.hidden[0].bias, equals: [[0], [sigmaOne]], tolerance: 1e-15, "b")
    expectMatrix(
      gradient.hidden[0].weights, equals: [[0, 0], [0, sigmaOne]], tolerance: 1e-15, "W")
  }

  @Test("E6.12 one step of gradient descent: every parameter moves by -η times its gradient")
  func oneStep() {
    var generator = SeededGenerator(seed: 21)
    let network = FoldingNetwork.initial(width: 3, depth: 2, using: &generator)
    let points = Matrix.random(rows: 5, columns: 2, in: -1...1, using: &generator)
    let labels: [Double] = [1, 1, -1, -1, 1]
    let rate = 0.3
    let numeric = numericalGradient(of: network) {
      foldingLoss($0, points: points, labels: labels)
    }
    var expected = network
    for l in network.hidden.indices {
      expected.hidden[l].weights -= rate * numeric.hidden[l].weights
      expected.hidden[l].bias -= rate * numeric.hidden[l].bias
    }
    expected.readout.weights -= rate * numeric.readout.weights
    expected.readout.bias -= rate * numeric.readout.bias
    let trained = trainFolding(
      network, points: points, labels: labels, learningRate: rate, epochs: 1)
    expectNetwork(trained, equals: expected, tolerance: 1e-8)
    let untouched = trainFolding(
      network, points: points, labels: labels, learningRate: rate, epochs: 0)
    expectNetwork(
      untouched, equals: network, tolerance: 0, said("no epochs, no change", "训练 0 轮，网络不变"))
  }

  /// Every weight and bias of a network in one row: the hidden layers' W and b, then u and c.
  static func parameters(_ network: FoldingNetwork) -> Matrix {
    let layers = network.hidden + [network.readout]
    return Matrix([layers.flatMap { $0.weights.elements + $0.bias.elements }])
  }

  /// `network` after `steps` updates w ← w + sign · η g, g the gradient by central differences
  /// at the network of `gradientAt` (the current one unless given); `biases: false` moves the
  /// weights alone.
  static func descended(
    _ network: FoldingNetwork, points: Matrix, labels: [Double], rate: Double, steps: Int,
    sign: Double = -1, biases: Bool = true, gradientAt fixed: FoldingNetwork? = nil
  ) -> FoldingNetwork {
    var network = network
    for _ in 0..<steps {
      let g = numericalGradient(of: fixed ?? network) {
        foldingLoss($0, points: points, labels: labels)
      }
      for l in network.hidden.indices {
        network.hidden[l].weights += sign * rate * g.hidden[l].weights
        if biases { network.hidden[l].bias += sign * rate * g.hidden[l].bias }
      }
      network.readout.weights += sign * rate * g.readout.weights
      if biases { network.readout.bias += sign * rate * g.readout.bias }
    }
    return network
  }

  @Test("E6.12 two epochs of gradient descent, against the classic slips of the update")
  func twoSteps() {
    var generator = SeededGenerator(seed: 22)
    let network = FoldingNetwork.initial(width: 3, depth: 2, using: &generator)
    let points = Matrix.random(rows: 5, columns: 2, in: -1...1, using: &generator)
    let labels: [Double] = [1, -1, -1, 1, 1]
    let rate = 0.5
    let trained = trainFolding(
      network, points: points, labels: labels, learningRate: rate, epochs: 2)
    guard expectWritten(trained) else { return }
    let slip = { (steps: Int, sign: Double, biases: Bool, fixed: FoldingNetwork?) in
      Self.parameters(
        Self.descended(
          network, points: points, labels: labels, rate: rate, steps: steps, sign: sign,
          biases: biases, gradientAt: fixed))
    }
    expectMatrix(
      Self.parameters(trained), equals: slip(2, -1, true, nil),
      unlike: [
        KnownMistake(
          "the step went up the gradient: w ← w - η ∂C/∂w", zh: "沿梯度往上走了：w ← w - η ∂C/∂w",
          slip(2, 1, true, nil), tolerance: 1e-7),
        KnownMistake(
          "one epoch too many: the loop 0...epochs runs epochs + 1 times",
          zh: "多训练了一轮：循环 0...epochs 执行了 epochs + 1 次", slip(3, -1, true, nil),
          tolerance: 1e-7),
        KnownMistake(
          "one epoch too few: the loop must run epochs times", zh: "少训练了一轮：循环要执行 epochs 次",
          slip(1, -1, true, nil), tolerance: 1e-7),
        KnownMistake(
          "the gradient was computed once, before the loop: each epoch needs the gradient at "
            + "the current network",
          zh: "梯度只在循环之前算了一次：每一轮都要用当前网络处的梯度", slip(2, -1, true, network),
          tolerance: 1e-7),
        KnownMistake(
          "the biases were not updated: b and c move by -η times their gradient too",
          zh: "偏置没有更新：b 和 c 也要减去 η 乘以它们的梯度", slip(2, -1, false, nil), tolerance: 1e-7),
      ], tolerance: 1e-7, said("W, b of each layer, then u, c", "各层的 W、b，然后是 u、c"))
  }

  @Test("E6.12 gradient descent lowers the loss on the nested circles")
  func lowersTheLoss() {
    var generator = SeededGenerator(seed: 0)
    let data = nestedCircles(pointsPerClass: 6, using: &generator)
    let network = FoldingNetwork.initial(width: 8, depth: 4, using: &generator)
    let before = foldingLoss(network, points: data.points, labels: data.labels)
    let trained = trainFolding(
      network, points: data.points, labels: data.labels, learningRate: 0.5, epochs: 100)
    let after = foldingLoss(trained, points: data.points, labels: data.labels)
    #expect(
      after < before,
      Comment(
        rawValue: said(
          "loss \(before) before 100 epochs, \(after) after",
          "损失：训练 100 轮之前 \(before)，之后 \(after)")))
  }
}
