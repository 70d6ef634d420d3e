import Folding
import LectureKit
import Testing

/// The preconditions of the Folding chapter. They sit outside the exercise bodies, so they hold
/// on both tracks; each bad call stops the process with a message.
@Suite("Folding: bad calls stop with a message")
struct FoldingContractTests {
  @Test("an affine map whose weights or bias do not fit the points")
  func affineShapes() async {
    await #expect(processExitsWith: .failure) {
      _ = affineMap(
        Matrix(rows: 3, columns: 2), weights: Matrix(rows: 2, columns: 3), bias: [[0], [0]])
    }
    await #expect(processExitsWith: .failure) {
      _ = affineMap(
        Matrix(rows: 3, columns: 2), weights: Matrix(rows: 2, columns: 2), bias: [[0, 0]])
    }
  }

  @Test("the perceptron: a label per point, each +1 or -1, at least one epoch")
  func perceptronArguments() async {
    await #expect(processExitsWith: .failure) {
      _ = perceptronSeparates([[0, 0], [1, 1]], labels: [1], epochs: 10)
    }
    await #expect(processExitsWith: .failure) {
      _ = perceptronSeparates([[0, 0], [1, 1]], labels: [1, 0], epochs: 10)
    }
    await #expect(processExitsWith: .failure) {
      _ = perceptronSeparates([[0, 0], [1, 1]], labels: [1, -1], epochs: 0)
    }
  }

  @Test("the loss and training: labels, a point, a positive learning rate")
  func trainingArguments() async {
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      let network = FoldingNetwork.initial(width: 2, depth: 1, using: &generator)
      _ = foldingLoss(network, points: Matrix(rows: 0, columns: 2), labels: [])
    }
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      let network = FoldingNetwork.initial(width: 2, depth: 1, using: &generator)
      _ = foldingBackward(network, points: [[1, 2]], labels: [2])
    }
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      let network = FoldingNetwork.initial(width: 2, depth: 1, using: &generator)
      _ = trainFolding(network, points: [[1, 2]], labels: [1], learningRate: 0, epochs: 1)
    }
  }

  @Test("the given data and networks: sizes that make sense")
  func givenCode() async {
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      _ = nestedCircles(pointsPerClass: 0, using: &generator)
    }
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      _ = nestedCircles(pointsPerClass: 3, inner: 0.9, outer: 1, noise: 0.1, using: &generator)
    }
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      _ = FoldingNetwork.initial(width: 0, depth: 2, using: &generator)
    }
  }
}

/// Given code of the Folding chapter that is not an exercise: the data and the initial
/// networks. These hold on both tracks.
@Suite("Folding: the given data and initial networks")
struct FoldingGivenCodeTests {
  @Test("E6.12 the nested circles: two rings of the stated radii, classes alternating, seeded")
  func circles() {
    var first = SeededGenerator(seed: 4)
    var second = SeededGenerator(seed: 4)
    let data = nestedCircles(pointsPerClass: 10, using: &first)
    let again = nestedCircles(pointsPerClass: 10, using: &second)
    #expect(data.points == again.points && data.labels == again.labels)
    #expect(data.points.shape == Shape(rows: 20, columns: 2))
    #expect(data.labels == (0..<20).map { $0 % 2 == 0 ? -1 : 1 })
    for (i, row) in data.points.rowArrays.enumerated() {
      let radius = (row[0] * row[0] + row[1] * row[1]).squareRoot()
      let ring = data.labels[i] < 0 ? 0.5 : 1
      #expect((radius - ring).magnitude <= 0.05 + 1e-12, "point \(i) at radius \(radius)")
    }
  }

  @Test("E6.12 an initial network: the shapes of the lecture's 4 layers of 2, within ±1/√fan-in")
  func initial() {
    var generator = SeededGenerator(seed: 2)
    let network = FoldingNetwork.initial(inputs: 3, width: 2, depth: 4, using: &generator)
    #expect(network.hidden.count == 4)
    #expect(network.hidden[0].weights.shape == Shape(rows: 2, columns: 3))
    for layer in network.hidden.dropFirst() {
      #expect(layer.weights.shape == Shape(rows: 2, columns: 2))
      #expect(layer.bias.shape == Shape(rows: 2, columns: 1))
      let bound = 1 / 2.0.squareRoot()
      #expect((layer.weights.elements + layer.bias.elements).allSatisfy { abs($0) <= bound })
    }
    #expect(network.readout.weights.shape == Shape(rows: 1, columns: 2))
    #expect(!network.isPlaceholder)
    let unwritten = FoldingNetwork.unwritten(
      "trainFolding", in: "/x/Exercises/Folding/Training.swift")
    #expect(
      unwritten.unwritten?.description
        == "`trainFolding` in Exercises/Folding/Training.swift is not written yet")
  }
}
