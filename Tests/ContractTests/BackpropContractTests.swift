import Backprop
import LectureKit
import Testing

/// The preconditions of the Backprop chapter. They sit outside the exercise bodies, so they hold
/// on both tracks; each bad call stops the process with a message.
@Suite("Backprop: bad calls stop with a message")
struct BackpropContractTests {
  @Test("mismatched layer shapes: W^3 takes 3 inputs after a 2-unit layer; b^2 of the wrong size")
  func layerShapes() async {
    await #expect(processExitsWith: .failure) {
      _ = Network(layers: [
        Layer(W: Matrix(rows: 4, columns: 2), b: Matrix(rows: 2, columns: 1), f: .relu),
        Layer(W: Matrix(rows: 3, columns: 1), b: Matrix(rows: 1, columns: 1), f: .identity),
      ])
    }
    await #expect(processExitsWith: .failure) {
      _ = Layer(W: Matrix(rows: 4, columns: 2), b: Matrix(rows: 4, columns: 1), f: .relu)
    }
    await #expect(processExitsWith: .failure) { _ = Network(layers: []) }
  }

  @Test("an input of the wrong size for the network")
  func inputSize() async {
    await #expect(processExitsWith: .failure) {
      let network = Network(layers: [
        Layer(W: Matrix(rows: 2, columns: 1), b: Matrix(rows: 1, columns: 1), f: .identity)
      ])
      _ = forwardPass(network, input: Matrix(rows: 3, columns: 1))
    }
  }

  @Test("labels the loss does not accept: hinge 0 or 2, a one-hot that is not, a squared mismatch")
  func labels() async {
    await #expect(processExitsWith: .failure) {
      _ = lossValue(.hinge, output: [[0.5]], label: [[0]])
    }
    await #expect(processExitsWith: .failure) {
      _ = hingeLossGradient(output: [[0.5]], label: [[2]])
    }
    await #expect(processExitsWith: .failure) {
      _ = hingeLossGradient(output: [[0.5], [1]], label: [[1]])
    }
    await #expect(processExitsWith: .failure) {
      _ = softmaxCrossEntropy(logits: [[1], [2]], label: [[0.5], [0.5]])
    }
    await #expect(processExitsWith: .failure) {
      _ = squaredLossGradient(output: [[1], [2]], label: [[1]])
    }
    await #expect(processExitsWith: .failure) { _ = oneHot(3, classes: 3) }
  }

  @Test("the softmax cross-entropy on a non-identity output activation")
  func softmaxNeedsLogits() async {
    await #expect(processExitsWith: .failure) {
      _ = outputError(
        .softmaxCrossEntropy, z: [[1], [2]], activation: .sigmoid, label: [[0], [1]])
    }
  }

  @Test("gradients that do not fit the network, an empty batch")
  func gradientsAndBatches() async {
    await #expect(processExitsWith: .failure) {
      let network = Network(layers: [
        Layer(W: Matrix(rows: 2, columns: 1), b: Matrix(rows: 1, columns: 1), f: .identity)
      ])
      let g = Gradients(dW: [Matrix(rows: 1, columns: 2)], db: [Matrix(rows: 1, columns: 1)])
      _ = sgdUpdate(network, gradients: g, learningRate: 0.1)
    }
    await #expect(processExitsWith: .failure) {
      let network = Network(layers: [
        Layer(W: Matrix(rows: 2, columns: 1), b: Matrix(rows: 1, columns: 1), f: .identity)
      ])
      _ = batchGradient(network, batch: [], loss: .squared)
    }
  }
}
