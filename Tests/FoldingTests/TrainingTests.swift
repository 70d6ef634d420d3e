import Folding
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
