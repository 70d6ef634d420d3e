import ConvNets
import Foundation
import LectureKit
import Pooling

/// `companion show convnet` [E2.1-E2.3]: the slide "Putting it all together" computed live. The
/// lecture's three filters as a first layer give the slide's pooled maps of the X; then a
/// network of three learned filters is trained on shifted, noisy letters and tested on letters
/// it never saw.
func renderConvNet() -> String {
  var blocks = [tr("tour.convNetIntro")]
  let window = PoolWindow(size: 2, stride: 2, rounding: .ceil)
  let lecture = ConvNet(
    conv: ConvLayer(filters: Lecture.xFilters.map { [$0.filter / 9] }, biases: [0, 0, 0]),
    pool: window,
    readout: DenseLayer(
      weights: Matrix(rows: 48, columns: 2), biases: Matrix(rows: 2, columns: 1)))
  let pass = convNetForward(lecture, input: [Lecture.xImage])
  if let unwritten = pass.unwritten {
    return blocks[0] + "\n\n" + tourMark(unwritten, parenthesized: true)
  }
  for (pooled, example) in zip(pass.pooled, Lecture.xFilters) {
    blocks.append(
      tourFilterLabel(example, .convNet, id: example.id) + "\n" + indent(tourSlideMatrix(pooled)))
  }
  blocks.append(trainedLetters(window: window))
  return blocks.joined(separator: "\n\n")
}

/// The letter network trained as in the chapter's tests, and what it makes of clean letters.
private func trainedLetters(window: PoolWindow) -> String {
  var generator = SeededGenerator(seed: 7)
  let shifts = (0..<3).flatMap { row in (0..<3).map { column in (row: row, column: column) } }
  let training = shiftedLetters(
    at: shifts, canvas: 9, copies: 2, flips: 3, using: &generator)
  let start = ConvNet.random(
    inputChannels: 1, filters: 3, kernel: 3, pool: window,
    pooledShape: Shape(rows: 4, columns: 4), classes: 2, using: &generator)
  let net = train(
    start, on: training, batchSize: 4, learningRate: 0.1, epochs: 8, using: &generator)
  let clean = shiftedLetters(at: shifts, canvas: 9, copies: 1, flips: 0, using: &generator)
  var text = tr(
    "tour.convNetTraining",
    [
      "before": format(meanLoss(start, on: training)), "after": format(meanLoss(net, on: training)),
      "training": percent(accuracy(net, on: training)), "clean": percent(accuracy(net, on: clean)),
    ])
  if let unwritten = net.unwritten { return text + "\n" + tourMark(unwritten, parenthesized: true) }
  for (letter, row, column) in [(XOLetter.x, 1, 1), (.o, 2, 0)] {
    let image = letterImage(letter, canvas: 9, row: row, column: column)
    let predicted = predictedClass(net, input: [image]).flatMap(XOLetter.init(rawValue:))
    let verdict =
      predicted.map { $0 == .x ? tr("tour.seesX") : tr("tour.seesO") } ?? tr("tour.seesNothing")
    text +=
      "\n\n" + indent(picture(image)) + "\n  "
      + tr("tour.networkSees", ["row": "\(row)", "column": "\(column)", "verdict": verdict])
  }
  return text
}

private func picture(_ image: Matrix) -> String {
  image.rowArrays.map { row in row.map { $0 > 0 ? "#" : "." }.joined() }.joined(separator: "\n")
}

private func format(_ value: Double) -> String {
  value.isFinite ? String(format: "%.3f", value) : "nan"
}

private func percent(_ fraction: Double) -> String {
  "\(Int((fraction * 100).rounded()))%"
}
