import Folding
import LectureKit
import TestSupport
import Testing

/// The lecture's network: 4 hidden layers of 2 units, each an affine map and a fold.
@Suite("Lecture 000, Visualization of neural networks: the forward pass, layer by layer")
struct ForwardPassTests {
  /// Four hand-made 2-unit layers: a turn by 45 degrees (scaled by √2), a shift to the
  /// left, a reflection in the diagonal, and a scaling with a shift down.
  static let layers: [FoldingLayer] = [
    FoldingLayer(weights: [[1, 1], [1, -1]], bias: [[0], [0]]),
    FoldingLayer(weights: [[1, 0], [0, 1]], bias: [[-1], [0]]),
    FoldingLayer(weights: [[0, 1], [1, 0]], bias: [[0], [0]]),
    FoldingLayer(weights: [[2, 0], [0, 0.5]], bias: [[0], [-0.5]]),
  ]
  static let points: Matrix = [[1, 0], [0, 1], [-1, -1], [2, 1]]

  /// Every intermediate set, worked by hand (numpy agrees: `a @ W.T + b`, `np.maximum(0, z)`).
  static let expected: [(z: Matrix, a: Matrix)] = [
    ([[1, 1], [1, -1], [-2, 0], [3, 1]], [[1, 1], [1, 0], [0, 0], [3, 1]]),
    ([[0, 1], [0, 0], [-1, 0], [2, 1]], [[0, 1], [0, 0], [0, 0], [2, 1]]),
    ([[1, 0], [0, 0], [0, 0], [1, 2]], [[1, 0], [0, 0], [0, 0], [1, 2]]),
    ([[2, -0.5], [0, -0.5], [0, -0.5], [2, 0.5]], [[2, 0], [0, 0], [0, 0], [2, 0.5]]),
  ]

  @Test("E6.12 four 2-unit layers: every set after the affine map and after ReLU, by hand")
  func byHand() {
    let stages = foldingStages(Self.points, through: Self.layers)
    guard stages.count == 4 else {
      fail(
        said(
          "expected 4 stages, one per layer, but got \(stages.count)",
          "应有 4 个阶段，每层一个，却得到 \(stages.count) 个"))
      return
    }
    let slips = Self.slipStages()
    for (l, stage) in stages.enumerated() {
      expectMatrix(
        stage.z, equals: Self.expected[l].z,
        unlike: [
          KnownMistake(Self.fromInput.en, zh: Self.fromInput.zh, slips.fromInput[l].z),
          // Fed z instead of a: the z of no fold at all, but each a is relu of its z.
          KnownMistake(
            "each layer started from the previous layer's z, not its folded a = relu(z)",
            zh: "每一层从上一层的 z 算起，而不是从折叠后的 a = relu(z) 算起",
            where: { [a = stage.a] z in
              z.isApproximatelyEqual(to: slips.noFold[l].z, absoluteTolerance: 1e-12)
                && a == z.map { max(0, $0) }
            }),
        ],
        said("layer \(l + 1), after the affine map", "第 \(l + 1) 层，仿射变换之后"))
      expectMatrix(
        stage.a, equals: Self.expected[l].a,
        unlike: [
          KnownMistake(Self.fromInput.en, zh: Self.fromInput.zh, slips.fromInput[l].a),
          KnownMistake(Self.noFold.en, zh: Self.noFold.zh, slips.noFold[l].a),
          KnownMistake(Self.inputKept.en, zh: Self.inputKept.zh, slips.inputKept[l].a),
        ],
        said("layer \(l + 1), after ReLU", "第 \(l + 1) 层，ReLU 之后"))
    }
  }

  static let fromInput = (
    en: "each layer started from the input X, not from the previous layer's a",
    zh: "每一层都从输入 X 算起，而不是从上一层的 a 算起"
  )
  static let noFold = (
    en: "the fold is left out: a = relu(z), not z", zh: "漏了折叠：a = relu(z)，不是 z"
  )
  static let inputKept = (
    en: "each stage holds the layer's input, not its a = relu(z)",
    zh: "每个阶段存的是这一层的输入，而不是它的 a = relu(z)"
  )

  /// The stages of the hand-made layers as three slips compute them: every layer fed the
  /// input X; no fold (a = z); each stage given the layer's input in place of its a.
  static func slipStages() -> (
    fromInput: [(z: Matrix, a: Matrix)], noFold: [(z: Matrix, a: Matrix)],
    inputKept: [(z: Matrix, a: Matrix)]
  ) {
    let ones = Matrix(rows: points.rows, columns: 1, repeating: 1)
    let affine = { (a: Matrix, layer: FoldingLayer) in
      a * layer.weights.transposed() + ones * layer.bias.transposed()
    }
    let relu = { (z: Matrix) in z.map { max(0, $0) } }
    var fromInput: [(z: Matrix, a: Matrix)] = []
    var noFold: [(z: Matrix, a: Matrix)] = []
    var inputKept: [(z: Matrix, a: Matrix)] = []
    var linear = points
    var folded = points
    for layer in layers {
      let z = affine(points, layer)
      fromInput.append((z, relu(z)))
      linear = affine(linear, layer)
      noFold.append((linear, linear))
      let next = affine(folded, layer)
      inputKept.append((next, folded))
      folded = relu(next)
    }
    return (fromInput, noFold, inputKept)
  }

  @Test("E6.12 each layer starts from the previous layer's folded set, not its unfolded one")
  func chained() {
    var generator = SeededGenerator(seed: 5)
    let network = FoldingNetwork.initial(width: 3, depth: 3, using: &generator)
    let points = Matrix.random(rows: 6, columns: 2, in: -1...1, using: &generator)
    let stages = foldingStages(points, through: network.hidden)
    guard stages.count == 3 else {
      fail(
        said(
          "expected 3 stages, one per layer, but got \(stages.count)",
          "应有 3 个阶段，每层一个，却得到 \(stages.count) 个"))
      return
    }
    // The mistake: each layer fed the previous layer's z, before the fold.
    var unfolded = points
    var unfoldedZs: [Matrix] = []
    for layer in network.hidden {
      unfolded =
        unfolded * layer.weights.transposed() + Matrix(rows: 6, columns: 1, repeating: 1)
        * layer.bias.transposed()
      unfoldedZs.append(unfolded)
    }
    if stages[2].z.isApproximatelyEqual(to: unfoldedZs[2], absoluteTolerance: 1e-9) {
      fail(
        said(
          "probably: each layer started from the previous layer's z, not its folded a = relu(z)",
          "可能是：每一层从上一层的 z 算起，而不是从折叠后的 a = relu(z) 算起"))
    }
    var a = points
    for (l, layer) in network.hidden.enumerated() {
      let z =
        a * layer.weights.transposed() + Matrix(rows: 6, columns: 1, repeating: 1)
        * layer.bias.transposed()
      a = z.map { max(0, $0) }
      expectMatrix(
        stages[l].z, equals: z, tolerance: 1e-12, said("layer \(l + 1), z", "第 \(l + 1) 层，z"))
      expectMatrix(
        stages[l].a, equals: a, tolerance: 1e-12, said("layer \(l + 1), a", "第 \(l + 1) 层，a"))
    }
  }

  @Test("E6.12 the final representation is the last folded set")
  func final() {
    guard let last = foldingStages(Self.points, through: Self.layers).last else {
      fail(said("foldingStages returned no stage for 4 layers", "foldingStages 对 4 层网络一个阶段也没返回"))
      return
    }
    expectMatrix(last.a, equals: Self.expected[3].a)
    expectMatrix(finalRepresentation(Self.points, through: Self.layers), equals: last.a)
  }

  @Test("E6.12 two points of the example merge in layer 2 and stay merged")
  func mergedInTheExample() {
    let stages = foldingStages(Self.points, through: Self.layers)
    guard stages.count == 4, stages.allSatisfy({ $0.a.shape == Shape(rows: 4, columns: 2) })
    else {
      fail(
        said(
          "expected 4 stages of 4 x 2 sets, got \(stages.map(\.a.shape))",
          "应有 4 个阶段，每个是 4 x 2 的点集，得到 \(stages.map(\.a.shape))"))
      return
    }
    // (0, 1) and (-1, -1): apart after layer 1, identical from layer 2 on.
    #expect(stages[0].a.rowArrays[1] != stages[0].a.rowArrays[2])
    for l in 1..<4 {
      #expect(
        stages[l].a.rowArrays[1] == stages[l].a.rowArrays[2],
        Comment(rawValue: said("layer \(l + 1)", "第 \(l + 1) 层")))
      #expect(
        stages[l].a.rowArrays[1] == [0, 0],
        Comment(rawValue: said("layer \(l + 1)", "第 \(l + 1) 层")))
    }
  }
}
