import Backprop
import LectureKit
import TestSupport
import Testing

/// Eight points in the four quadrants, labelled +1 where x_1 x_2 > 0: no line separates them
/// (the four corners (±1, ±1) alone are XOR).
enum XORSet {
  static let points: [(Double, Double, Double)] = [
    (1, 1, 1), (0.5, 0.8, 1), (-1, -1, 1), (-0.8, -0.5, 1),
    (1, -1, -1), (0.7, -0.4, -1), (-1, 1, -1), (-0.5, 0.9, -1),
  ]
  static let pairs = points.map { TrainingPair(x: [[$0.0], [$0.1]], y: [[$0.2]]) }
}

@Suite("Mini-batch SGD")
struct TrainingTests {
  static let network = Network(layers: [
    Layer(W: [[0.5, -1], [1, 0.25]], b: [[0.1], [-0.2]], f: .tanh),
    Layer(W: [[1.5], [-0.5]], b: [[0.3]], f: .identity),
  ])
  static let batch = [
    TrainingPair(x: [[1], [-1]], y: [[0.5]]),
    TrainingPair(x: [[0.5], [2]], y: [[-1]]),
    TrainingPair(x: [[-1.5], [0.25]], y: [[2]]),
  ]

  /// Whether backpropagation gives gradients of the right shapes on the first pair, so that
  /// summing and applying them cannot stop the test run.
  static func gradientsFit(_ network: Network, _ pair: TrainingPair, _ loss: Loss) -> Bool {
    expectFits(gradients(network, input: pair.x, label: pair.y, loss: loss), network)
  }

  @Test("E6.4 the batch gradient is the mean of the per-example gradients")
  func mean() {
    guard Self.gradientsFit(Self.network, Self.batch[0], .squared) else { return }
    // Each pair's gradient by central differences.
    let each = Self.batch.map {
      numericalGradients(of: Self.network, input: $0.x, label: $0.y, loss: .squared)
    }
    let mean = (each[0] + each[1] + each[2]) / 3
    let computed = batchGradient(Self.network, batch: Self.batch, loss: .squared)
    if agree(computed, each[2] / 3) {
      nameMistake(
        "the total was overwritten, not added to: only the last pair's gradient is left, over n",
        zh: "总和被覆盖了，没有累加：只剩最后一个样本的梯度除以 n")
    } else if agree(computed, mean / 3) {
      nameMistake(
        "divided by the batch size twice: add the gradients, then divide the total once",
        zh: "除了两次批量大小：先把梯度相加，再把总和除一次")
    }
    expectGradients(computed, match: mean)
  }

  @Test("E6.4 the mean, not the sum: a batch of three copies of one pair has that pair's gradient")
  func notTheSum() {
    let pair = Self.batch[1]
    guard Self.gradientsFit(Self.network, pair, .squared) else { return }
    let single = numericalGradients(of: Self.network, input: pair.x, label: pair.y, loss: .squared)
    let computed = batchGradient(Self.network, batch: [pair, pair, pair], loss: .squared)
    guard expectLayers(computed, 3) else { return }
    if relError(computed.dW(2), 3 * single.dW(2)) < 1e-7 {
      fail(
        said(
          "the batch gradient is the sum of the per-example gradients: divide by the batch size",
          "批量梯度算成了各样本梯度之和：要除以批量大小"))
    }
    expectGradients(computed, match: single)
  }

  @Test("E6.2 one SGD step: W^l ← W^l - η ∂ℓ/∂W^l and b^l ← b^l - η ∂ℓ/∂b^l")
  func update() {
    let g = Gradients(dW: [[[2, 0], [-4, 1]], [[1], [-2]]], db: [[[1], [0]], [[-1]]])
    let updated = sgdUpdate(Self.network, gradients: g, learningRate: 0.25)
    guard expectWritten(updated) else { return }
    guard updated.L == 3 else {
      return fail(said("the update changed the number of layers", "更新改变了层数"))
    }
    // W^2 = ((0.5, -1), (1, 0.25)) and ∂ℓ/∂W^2 = ((2, 0), (-4, 1)), η = 1/4.
    guard
      expectMatrix(
        updated.W(2), equals: [[0, -1], [2, 0]],
        unlike: [
          KnownMistake(
            "the step went up the gradient: subtract it", zh: "沿梯度往上走了：应减去梯度",
            [[1, -1], [0, 0.5]]),
          KnownMistake(
            "the learning rate was applied twice: W^l - η ∂ℓ/∂W^l, not W^l - η² ∂ℓ/∂W^l",
            zh: "学习率乘了两次：应为 W^l - η ∂ℓ/∂W^l，不是 W^l - η² ∂ℓ/∂W^l",
            [[0.375, -1], [1.25, 0.1875]]),
          KnownMistake(
            "the step lacks the learning rate η: W^l - η ∂ℓ/∂W^l, not W^l - ∂ℓ/∂W^l",
            zh: "这一步少了学习率 η：应为 W^l - η ∂ℓ/∂W^l，不是 W^l - ∂ℓ/∂W^l", [[-1.5, -1], [5, -0.75]]),
        ], "W^2")
    else { return }
    expectMatrix(
      updated.b(2), equals: [[-0.15], [-0.2]],
      unlike: [
        KnownMistake(
          "the biases were not updated: b^l ← b^l - η ∂ℓ/∂b^l too",
          zh: "偏置没有更新：b^l ← b^l - η ∂ℓ/∂b^l 也要做", [[0.1], [-0.2]])
      ], tolerance: 1e-15, "b^2")
    expectMatrix(updated.W(3), equals: [[1.25], [0]], "W^3")
    expectMatrix(updated.b(3), equals: [[0.55]], tolerance: 1e-15, "b^3")
    #expect(
      updated.f(2) == .tanh && updated.f(3) == .identity,
      Comment(rawValue: said("the activations stay", "激活函数不变")))
  }

  @Test("E6.2 a small step along the batch gradient lowers the batch's mean loss")
  func descent() {
    func meanLoss(_ network: Network) -> Double {
      Self.batch.map { lossValue(.squared, of: network, input: $0.x, label: $0.y) }
        .reduce(0, +) / Double(Self.batch.count)
    }
    guard Self.gradientsFit(Self.network, Self.batch[0], .squared) else { return }
    let g = batchGradient(Self.network, batch: Self.batch, loss: .squared)
    guard expectFits(g, Self.network) else { return }
    let before = meanLoss(Self.network)
    let after = meanLoss(sgdUpdate(Self.network, gradients: g, learningRate: 0.01))
    #expect(
      after < before - 1e-4,
      Comment(
        rawValue: said(
          "mean loss \(before) before the step, \(after) after",
          "平均损失：这一步之前 \(before)，之后 \(after)")))
  }

  @Test("E6.4 a ReLU network learns XOR-like points to 100%; its hidden layer makes them separable")
  func xor() {
    var generator = SeededGenerator(seed: 2024)
    let start = Network.random(
      sizes: [2, 8, 1], activations: [.relu, .identity], using: &generator)
    guard Self.gradientsFit(start, XORSet.pairs[0], .hinge) else { return }
    let trained = train(
      start, on: XORSet.pairs, loss: .hinge, batchSize: 4, learningRate: 0.2, epochs: 40,
      using: &generator)
    guard expectWritten(trained) else { return }
    guard trained.L == 3 else {
      return fail(said("training changed the number of layers", "训练改变了层数"))
    }
    expectClose(accuracy(trained, on: XORSet.pairs), 1, said("training accuracy", "训练准确率"))
    // The output layer alone, a linear classifier, separates the hidden representation.
    let outputLayer = Network(layers: [trained.layers[1]])
    var hidden: [TrainingPair] = []
    for pair in XORSet.pairs {
      let pass = forwardPass(trained, input: pair.x)
      guard expectPass(pass, layers: 3) else { return }
      hidden.append(TrainingPair(x: pass.a(2), y: pair.y))
    }
    expectClose(
      accuracy(outputLayer, on: hidden), 1,
      said("the output layer on the hidden features", "输出层作用于隐藏层特征"))
  }
}
