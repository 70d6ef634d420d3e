import ConvNets
import Foundation
import LectureKit
import Pooling
import Testing

/// The preconditions of the ConvNets chapter: given code, so they hold on both tracks. Those a
/// student's own code can run into (``refusal(_:in:)``) stop the reference and give a failing
/// result on the exercises track.
@Suite("ConvNets: bad calls stop with a message")
struct ConvNetsContractTests {
  static let kernel = Matrix(rows: 2, columns: 2, repeating: 1)
  static let layer = ConvLayer(filters: [[kernel]], biases: [0])
  static let map = Matrix(rows: 3, columns: 3)

  @Test("a layer whose filters, kernels or biases do not go together")
  func layer() async {
    await #expect(processExitsWith: .failure) { _ = ConvLayer(filters: [], biases: []) }
    await #expect(processExitsWith: .failure) {
      _ = ConvLayer(filters: [[Self.kernel, Self.kernel], [Self.kernel]], biases: [0, 0])
    }
    await #expect(processExitsWith: .failure) {
      _ = ConvLayer(filters: [[Self.kernel, Matrix(rows: 3, columns: 2)]], biases: [0])
    }
    await #expect(processExitsWith: .failure) {
      _ = ConvLayer(filters: [[Self.kernel]], biases: [0, 1])
    }
    await #expect(processExitsWith: .failure) {
      _ = ConvLayer(filters: [[Self.kernel]], biases: [0], stride: 0)
    }
  }

  @Test("input maps that do not fit the layer: too many, of two shapes, smaller than a kernel")
  func maps() async {
    if ConvNetsChapter.track == .exercises {
      // On a student's exercises the same calls give a failing result instead of a stop.
      expectRefused(convLayerForward([Self.map, Self.map], Self.layer))
      expectRefused(
        convLayerForward(
          [Self.map, Matrix(rows: 3, columns: 4)],
          ConvLayer(filters: [[Self.kernel, Self.kernel]], biases: [0])))
      expectRefused(
        convLayerInputGradient(
          [Self.map, Self.map], Self.layer, inputShape: Shape(rows: 4, columns: 4)))
      expectRefused(
        convLayerParameterGradient([Self.map], input: [Self.map, Self.map], Self.layer))
      return
    }
    await #expect(processExitsWith: .failure) {
      _ = convLayerForward([Self.map, Self.map], Self.layer)
    }
    await #expect(processExitsWith: .failure) {
      _ = convLayerForward(
        [Self.map, Matrix(rows: 3, columns: 4)],
        ConvLayer(
          filters: [[Self.kernel, Self.kernel]], biases: [0]))
    }
    await #expect(processExitsWith: .failure) {
      _ = convLayerInputGradient(
        [Self.map, Self.map], Self.layer, inputShape: Shape(rows: 4, columns: 4))
    }
    await #expect(processExitsWith: .failure) {
      _ = convLayerParameterGradient([Self.map], input: [Self.map, Self.map], Self.layer)
    }
  }

  @Test("flatten and unflatten: no maps, or a column of the wrong length")
  func flattening() async {
    await #expect(processExitsWith: .failure) { _ = flatten([]) }
    if ConvNetsChapter.track == .exercises {
      expectRefused(flatten([Matrix(rows: 2, columns: 2), Matrix(rows: 2, columns: 3)]))
    } else {
      await #expect(processExitsWith: .failure) {
        _ = flatten([Matrix(rows: 2, columns: 2), Matrix(rows: 2, columns: 3)])
      }
    }
    await #expect(processExitsWith: .failure) {
      _ = unflatten(Matrix(rows: 7, columns: 1), into: 2, of: Shape(rows: 2, columns: 2))
    }
  }

  @Test("a label outside the classes; a read-out whose biases do not fit its weights")
  func labels() async {
    await #expect(processExitsWith: .failure) { _ = crossEntropy(logits: [[1], [2]], label: 2) }
    await #expect(processExitsWith: .failure) { _ = oneHotLabel(-1, classes: 3) }
    await #expect(processExitsWith: .failure) {
      _ = DenseLayer(weights: Matrix(rows: 4, columns: 2), biases: Matrix(rows: 3, columns: 1))
    }
  }

  @Test("an empty batch; parameters of the wrong length; a letter that does not fit")
  func training() async {
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      let net = ConvNet.random(
        inputChannels: 1, filters: 1, kernel: 2, pool: PoolWindow(size: 2),
        pooledShape: Shape(rows: 1, columns: 1), classes: 2, using: &generator)
      _ = convNetStep(net, batch: [], learningRate: 0.1)
    }
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      let net = ConvNet.random(
        inputChannels: 1, filters: 1, kernel: 2, pool: PoolWindow(size: 2),
        pooledShape: Shape(rows: 1, columns: 1), classes: 2, using: &generator)
      _ = net.with(parameters: Matrix(rows: 3, columns: 1))
    }
    await #expect(processExitsWith: .failure) { _ = letterImage(.o, canvas: 9, row: 3, column: 0) }
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      _ = flippingPixels(Matrix(rows: 2, columns: 2), count: 5, using: &generator)
    }
  }

  @Test("a layer that cannot take its input shape")
  func shapes() async {
    await #expect(processExitsWith: .failure) {
      _ = layerOutputShape(
        .convolution(filters: 1, kernel: 5),
        input: VolumeShape(channels: 1, rows: 4, columns: 9))
    }
    await #expect(processExitsWith: .failure) {
      _ = layerParameterCount(
        .convolution(filters: 2, kernel: 3, inputMapsPerFilter: [1, 4]),
        input: VolumeShape(channels: 3, rows: 9, columns: 9))
    }
  }
}

/// The given pieces of the ConvNets chapter: the letters, the softmax and its loss, the
/// parameters as one column, and placeholders passed through. They hold on both tracks.
@Suite("ConvNets: the given pieces")
struct ConvNetsGivenTests {
  @Test("E1.1 the X at (1, 1) on a canvas of 9 is the lecture's 9x9 X")
  func lectureX() {
    #expect(letterImage(.x, canvas: 9, row: 1, column: 1) == Lecture.xImage)
    let o = letterImage(.o, canvas: 9, row: 0, column: 2)
    #expect(o.elements.filter { $0 == 1 }.count == 20, "the O's ring has 20 pixels")
    #expect(o[0, 2] == -1 && o[0, 3] == 1 && o[3, 2] == 1 && o[3, 8] == 1 && o[8, 0] == -1)
  }

  @Test("flipping pixels turns exactly that many into their opposite")
  func flips() {
    var generator = SeededGenerator(seed: 3)
    let image = letterImage(.x, canvas: 9, row: 2, column: 0)
    let flipped = flippingPixels(image, count: 3, using: &generator)
    #expect(zip(image.elements, flipped.elements).filter { $0 != $1 }.count == 3)
    #expect(zip(image.elements, flipped.elements).allSatisfy { $0 == $1 || $0 == -$1 })
    let letters = shiftedLetters(
      at: [(0, 0), (1, 2)], canvas: 9, copies: 3, flips: 2, using: &generator)
    #expect(letters.count == 2 * 2 * 3)
    #expect(letters.map(\.label) == [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1])
  }

  // The softmax and the cross-entropy are Backprop's exercises, tested in BackpropTests; the
  // given code here only turns a class into its one-hot column.
  @Test("a class as its one-hot column")
  func oneHot() {
    #expect(oneHotLabel(1, classes: 3) == [[0], [1], [0]])
    #expect(oneHotLabel(0, classes: 1) == [[1]])
  }

  @Test("the parameters as one column: counted, ordered, and read back")
  func parameters() {
    var generator = SeededGenerator(seed: 4)
    let net = ConvNet.random(
      inputChannels: 2, filters: 3, kernel: 2, pool: PoolWindow(size: 2),
      pooledShape: Shape(rows: 2, columns: 2), classes: 4, using: &generator)
    let column = net.parameters
    #expect(column.shape == Shape(rows: 3 * (2 * 4 + 1) + (12 + 1) * 4, columns: 1))
    #expect(Array(column.elements.prefix(4)) == net.conv.filters[0][0].elements)
    #expect(Array(column.elements.suffix(4)) == net.readout.biases.elements)
    #expect(net.with(parameters: column) == net)
    let doubled = net.with(parameters: 2 * column)
    #expect(doubled.conv.filters[2][1] == 2 * net.conv.filters[2][1])
    #expect(doubled.readout.weights == 2 * net.readout.weights)
  }

  @Test("placeholders pass through the given code: never a trap, always the exercise's name")
  func placeholders() {
    let mark = Matrix.unwritten("relu", in: "/p/Exercises/Convolution/ReLU.swift")
    let layer = ConvLayer(filters: [[Matrix(rows: 1, columns: 1)], [[[2]]]], biases: [0, 0])
    let forward = convLayerForward([mark], layer)
    #expect(forward.count == 2 && forward.allSatisfy { $0.unwritten?.name == "relu" })
    #expect(
      convLayerInputGradient([mark, mark], layer, inputShape: Shape(rows: 3, columns: 3))
        .allSatisfy { $0.unwritten?.name == "relu" })
    #expect(
      convLayerParameterGradient([mark, mark], input: [[[1]]], layer).unwritten?.name == "relu")
    #expect(flatten([mark]).unwritten?.name == "relu")
    #expect(unflatten(mark, into: 3, of: Shape(rows: 2, columns: 2)).count == 3)
    let net = ConvNet.unwritten("convNetStep", in: "/p/Exercises/ConvNets/Training.swift")
    #expect(net.parameters.unwritten?.name == "convNetStep")
    #expect(convNetForward(net, input: [[[1]]]).unwritten?.name == "convNetStep")
    #expect(convNetLoss(net, input: [[[1]]], label: 0).isNaN)
    #expect(predictedClass(net, input: [[[1]]]) == nil)
    var generator = SeededGenerator(seed: 5)
    let example = LabelledImage(maps: [[[1]]], label: 0)
    let trained = train(
      net, on: [example], batchSize: 1, learningRate: 0.1, epochs: 2, using: &generator)
    #expect(trained.unwritten?.name == "convNetStep")
    #expect(accuracy(trained, on: [example]) == 0)
  }

  @Test("shapes: a placeholder equals no shape, and the shapes stop where a layer cannot go on")
  func shapes() {
    let mark = VolumeShape.unwritten("layerOutputShape", in: "Exercises/ConvNets/X.swift")
    #expect(mark != mark && !mark.isValid)
    #expect(mark.description.contains("`layerOutputShape` in Exercises/ConvNets/X.swift"))
    let tooSmall = VolumeShape(channels: 1, rows: 3, columns: 3)
    #expect(outputShapes(of: [.convolution(filters: 2, kernel: 5)], input: tooSmall) == [])
    #expect(parameterCounts(of: [.convolution(filters: 2, kernel: 5)], input: tooSmall) == [])
    #expect(!NetworkLayer.maxPool(PoolWindow(size: 4)).fits(tooSmall))
    #expect(NetworkLayer.convolution(filters: 1, kernel: 5, padding: 1).fits(tooSmall))
    #expect(
      !NetworkLayer.convolution(filters: 2, kernel: 1, inputMapsPerFilter: [1]).fits(tooSmall))
  }
}

/// Expects a result that stands for a broken rule: a mark with the rule's sentence.
func expectRefused(
  _ value: some Placeholding, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    value.unwritten?.problem != nil, "expected a refusal, got \(value)",
    sourceLocation: sourceLocation)
}
