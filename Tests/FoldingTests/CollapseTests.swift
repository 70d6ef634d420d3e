import Folding
import Foundation
import LectureKit
import TestSupport
import Testing

/// Why 2-unit layers are hard to train: "if one of these biases moves points out of [the]
/// top-right quadrant, then applying the ReLU operator will eliminate these points to zero.
/// After that, no matter how later layers transform the data, the values will remain zero."
@Suite("Lecture 000: a bias that moves points out of the quadrant merges them for good")
struct CollapseTests {
  /// Two classes that a line separates: -1 lower left, +1 upper right, all in the square
  /// [0, 2] x [0, 2], and a first layer that shifts that square out of the positive quadrant.
  static let points: Matrix = [
    [0.2, 0.4], [0.5, 0.1], [0.3, 0.3], [1.5, 1.8], [1.9, 1.2], [1.7, 1.6],
  ]
  static let labels: [Double] = [-1, -1, -1, 1, 1, 1]
  static let shiftOut = FoldingLayer(weights: [[1, 0], [0, 1]], bias: [[-2], [-2]])

  @Test("E6.12 the input is separable; after the shift and the fold every point is the origin")
  func sentToTheOrigin() {
    #expect(perceptronSeparates(Self.points, labels: Self.labels, epochs: 100))
    let stages = foldingStages(Self.points, through: [Self.shiftOut])
    guard stages.count == 1 else {
      fail(said("expected one stage, got \(stages.count)", "应有 1 个阶段，得到 \(stages.count) 个"))
      return
    }
    expectMatrix(stages[0].a, equals: Matrix(rows: 6, columns: 2))
  }

  @Test(
    "E6.12 whatever the later layers' weights, the two classes stay merged and inseparable",
    arguments: [UInt64(1), 2, 3, 4, 5])
  func mergedForGood(_ seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let later = FoldingNetwork.initial(width: 2, depth: 3, using: &generator).hidden
    let stages = foldingStages(Self.points, through: [Self.shiftOut] + later)
    guard stages.count == 4, stages.allSatisfy({ $0.a.shape == Self.points.shape }) else {
      fail(
        said(
          "expected 4 stages of 6 x 2 sets, got \(stages.map(\.a.shape))",
          "应有 4 个阶段，每个是 6 x 2 的点集，得到 \(stages.map(\.a.shape))"))
      return
    }
    for (l, stage) in stages.enumerated() {
      let rows = stage.a.rowArrays
      #expect(
        rows.allSatisfy { $0 == rows[0] },
        Comment(
          rawValue: said(
            "layer \(l + 1): the points came apart", "第 \(l + 1) 层：这些点又分开了")))
    }
    let final = stages[3].a
    #expect(!perceptronSeparates(final, labels: Self.labels, epochs: 100))
  }

  @Test("E6.12 and gradient descent cannot undo it: no gradient reaches the layers below")
  func noGradient() {
    var generator = SeededGenerator(seed: 8)
    var network = FoldingNetwork.initial(width: 2, depth: 3, using: &generator)
    network.hidden[1] = FoldingLayer(weights: [[1, 0], [0, 1]], bias: [[-50], [-50]])
    let gradient = foldingBackward(network, points: Self.points, labels: Self.labels)
    guard expectWritten(gradient) else { return }
    guard gradient.hidden.count == 3 else {
      return fail(said("expected 3 layers in the gradient", "梯度应有 3 层"))
    }
    let zero = Matrix(rows: 2, columns: 2)
    for l in 0..<2 {
      expectMatrix(
        gradient.hidden[l].weights, equals: zero, said("layer \(l + 1), W", "第 \(l + 1) 层，W"))
      expectMatrix(
        gradient.hidden[l].bias, equals: Matrix(rows: 2, columns: 1),
        said("layer \(l + 1), b", "第 \(l + 1) 层，b"))
    }
    // Layer 3 sees only zeros, so its weights get no gradient either.
    expectMatrix(gradient.hidden[2].weights, equals: zero, said("layer 3, W", "第 3 层，W"))
    // Every point has the same score s = u relu(b³) + c; with three points of each class,
    // ∂C/∂c = (1/6)(3 σ(s) - 3 σ(-s)) = σ(s) - 1/2.
    let a = network.hidden[2].bias.map { max(0, $0) }
    let u = network.readout.weights
    let s = u[0, 0] * a[0, 0] + u[0, 1] * a[1, 0] + network.readout.bias[0, 0]
    expectClose(gradient.readout.bias[0, 0], 1 / (1 + exp(-s)) - 0.5, tolerance: 1e-12, "∂C/∂c")
  }
}
