#if PROBE_Folding
  import Folding
  import LectureKit

  /// Folding (lecture `000`, "Visualization of neural networks": each layer an affine map and a
  /// fold by ReLU, until a line separates the classes; "Parameter transformations", gradient
  /// descent; `004`, the delta recursion of backpropagation). Weights are not symmetric and
  /// layers change the dimension, so that Wᵀ for W shows; whole numbers put a hidden unit at
  /// z = 0 exactly, where relu'(0) = 0; a confident wrong score meets the loss's overflow; the
  /// perceptron runs up to the first epoch count that separates, so that one pass too few or
  /// too many shows.
  let foldingProbes: [Probe] = [
    Probe("affineMap") { inputs in
      let d = inputs.int(2...3)
      let points = inputs.matrix(inputs.int(3...5), d)
      // A layer that changes the dimension, and a square one whose Wᵀ has the same shape.
      let widening = inputs.matrix(d + 1, d)
      let square = inputs.matrix(d, d)
      return numbers(
        affineMap(points, weights: widening, bias: inputs.matrix(d + 1, 1)),
        affineMap(points, weights: square, bias: inputs.matrix(d, 1)))
    },
    Probe("applyReLU") { inputs in
      numbers(applyReLU(inputs.wholeMatrix(5, 2)), applyReLU(inputs.matrix(4, 3, in: -3...3)))
    },
    Probe("foldingStages") { inputs in
      // foldingStages calls affineMap and applyReLU, as the reference does.
      let points = inputs.matrix(inputs.int(4...6), 2, in: -2...2)
      let layers = randomLayers(&inputs, widths: [2, 2, 3, 2])
      return numbers(
        stageNumbers(foldingStages(points, through: layers)),
        stageNumbers(foldingStages(points, through: [])))
    },
    Probe("perceptronSeparates") { inputs in
      // Two separable sets, the first also with its labels swapped.
      let (points, labels) = separableSet(&inputs)
      let (other, otherLabels) = separableSet(&inputs)
      let runs =
        firstSeparation(points, labels) + firstSeparation(points, labels.map { -$0 })
        + firstSeparation(other, otherLabels)
      // XOR, moved and scaled: never separable.
      let corner = (Double(inputs.int(-2...2)), Double(inputs.int(-2...2)))
      let scale = Double(inputs.int(1...3))
      let unit: [[Double]] = [[0, 0], [1, 1], [0, 1], [1, 0]]
      let xor = Matrix(unit.map { [corner.0 + scale * $0[0], corner.1 + scale * $0[1]] })
      let xorLabels: [Double] = [1, 1, -1, -1]
      return numbers(
        runs,
        perceptronSeparates(xor, labels: xorLabels, epochs: inputs.int(2...20)),
        perceptronSeparates(xor, labels: xorLabels.map { -$0 }, epochs: 1))
    },
    Probe("foldingLoss") { inputs in
      // foldingLoss runs the forward pass (foldingStages, affineMap), as the reference does.
      let (network, points, labels) = randomProblem(&inputs)
      // A read-out bias of ±1000: the points of the other label have a margin near -1000,
      // where log(1 + e^-m) written as it stands overflows.
      var confident = network
      confident.readout.bias = [[inputs.pick([1000.0, -1000])]]
      return numbers(
        foldingLoss(network, points: points, labels: labels),
        foldingLoss(confident, points: points, labels: labels))
    },
    Probe("foldingBackward") { inputs in
      // foldingBackward runs the forward pass (foldingStages, affineMap), as the reference
      // does.
      let (network, points, labels) = randomProblem(&inputs)
      // One layer of whole weights whose bias puts unit 0 of point 0 at z = 0 exactly, with a
      // read-out that has no zero weight: relu'(0) = 0 shows.
      let whole = inputs.wholeMatrix(inputs.int(4...6), 2)
      var weights = inputs.wholeMatrix(2, 2, in: -1...1)
      // Never symmetric: a transposed W must show.
      if weights[0, 1] == weights[1, 0] { weights[1, 0] = weights[0, 1] == 1 ? -1 : 1 }
      var bias = inputs.wholeMatrix(2, 1)
      bias[0, 0] = -(weights[0, 0] * whole[0, 0] + weights[0, 1] * whole[0, 1])
      let kinked = FoldingNetwork(
        hidden: [FoldingLayer(weights: weights, bias: bias)],
        readout: FoldingLayer(
          weights: Matrix(rows: 1, columns: 2) { _, _ in inputs.pick([-2.0, -1, 1, 2]) },
          bias: inputs.wholeMatrix(1, 1)))
      let wholeLabels = (0..<whole.rows).map { _ in inputs.pick([1.0, -1]) }
      // And three hidden units on points of the plane: a weight gradient laid out transposed
      // has the wrong shape, whatever its entries.
      let wide = FoldingNetwork.initial(width: 3, depth: 1, using: &inputs.generator)
      return numbers(
        networkNumbers(foldingBackward(network, points: points, labels: labels)),
        networkNumbers(foldingBackward(kinked, points: whole, labels: wholeLabels)),
        networkNumbers(foldingBackward(wide, points: points, labels: labels)))
    },
    Probe("trainFolding") { inputs in
      // trainFolding calls foldingBackward, as the reference does. Three epochs at most: right
      // implementations stay within the tolerance of each other.
      let (network, points, labels) = randomProblem(&inputs)
      let rate = inputs.double(0.1...0.5)
      return numbers(
        networkNumbers(
          trainFolding(
            network, points: points, labels: labels, learningRate: rate,
            epochs: inputs.int(2...3))),
        networkNumbers(
          trainFolding(network, points: points, labels: labels, learningRate: rate, epochs: 0)))
    },
  ]

  /// Layers of random weights and biases from 2-dimensional points through units of `widths`.
  private func randomLayers(_ inputs: inout ProbeInputs, widths: [Int]) -> [FoldingLayer] {
    var below = 2
    var layers: [FoldingLayer] = []
    for width in widths {
      layers.append(
        FoldingLayer(weights: inputs.matrix(width, below), bias: inputs.matrix(width, 1)))
      below = width
    }
    return layers
  }

  /// A network of one or two hidden layers of 2 units, initialised as the chapter does, with
  /// 4 to 6 random points of the plane and random labels.
  private func randomProblem(_ inputs: inout ProbeInputs) -> (
    network: FoldingNetwork, points: Matrix, labels: [Double]
  ) {
    let network = FoldingNetwork.initial(
      width: 2, depth: inputs.int(1...2), using: &inputs.generator)
    let points = inputs.matrix(inputs.int(4...6), 2, in: -1.5...1.5)
    var labels = (0..<points.rows).map { _ in inputs.pick([1.0, -1]) }
    // Both labels, always: with one alone, a margin without its label, or a loss that
    // overflows only for the other label, would go unseen.
    let first = inputs.int(0...(points.rows - 1))
    labels[first] = -labels[(first + 1) % points.rows]
    // And more of one than of the other: with as many of each, a loss whose stable form has
    // its sign flipped gives the same sum when every hidden unit is dead.
    if labels.filter({ $0 > 0 }).count * 2 == labels.count {
      labels[(first + 2) % points.rows] *= -1
    }
    return (network, points, labels)
  }

  /// Points of the plane with whole coordinates, labelled by the side of a line that does not
  /// pass through the origin, and the origin among them: no line through the origin separates
  /// them, so a perceptron without its bias never stops.
  private func separableSet(_ inputs: inout ProbeInputs) -> (points: Matrix, labels: [Double]) {
    let a = (Double(inputs.pick([-2, -1, 1, 2])), Double(inputs.int(-2...2)))
    let c = Double(inputs.pick([-3, -2, -1, 1, 2, 3]))
    var rows: [[Double]] = [[0, 0]]
    var labels: [Double] = [c > 0 ? 1 : -1]
    while rows.count < 7 {
      let point = [Double(inputs.int(-3...3)), Double(inputs.int(-3...3))]
      let side = a.0 * point[0] + a.1 * point[1] + c
      if side == 0 { continue }
      let index = inputs.int(0...rows.count)
      rows.insert(point, at: index)
      labels.insert(side > 0 ? 1 : -1, at: index)
    }
    return (Matrix(rows), labels)
  }

  /// The answers of the perceptron for 1, 2, ... epochs up to the first that separates, and
  /// for one epoch more, after that count. It separates within 330 epochs on a set of
  /// ``separableSet(_:)``: it makes at most (R / γ)² = 19 · 17 corrections there.
  private func firstSeparation(_ points: Matrix, _ labels: [Double]) -> [Double] {
    var answers: [Bool] = []
    var epochs = 1
    while epochs <= 330 {
      let separates = perceptronSeparates(points, labels: labels, epochs: epochs)
      answers.append(separates)
      if separates { break }
      epochs += 1
    }
    answers.append(perceptronSeparates(points, labels: labels, epochs: epochs + 1))
    return numbers(epochs, answers)
  }

  /// Each stage's z and a, after the number of stages.
  private func stageNumbers(_ stages: [FoldingStage]) -> [Double] {
    numbers(stages.count) + stages.flatMap { numbers($0.z, $0.a) }
  }

  /// The number of hidden layers, each layer's weights and bias, then the read-out's.
  private func networkNumbers(_ network: FoldingNetwork) -> [Double] {
    numbers(network.hidden.count)
      + network.hidden.flatMap { numbers($0.weights, $0.bias) }
      + numbers(network.readout.weights, network.readout.bias)
  }
#endif
