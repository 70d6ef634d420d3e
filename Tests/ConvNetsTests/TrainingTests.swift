import ConvNets
import LectureKit
import Pooling
import TestSupport
import Testing

@Suite("Mini-batch SGD on shifted letters")
struct TrainingTests {
  static let window = PoolWindow(size: 2, stride: 2, rounding: .ceil)

  /// 3 filters of 3 x 3 on a 9 x 9 image: 7 x 7 maps, pooled to 4 x 4, read out into 2 classes.
  static func letterNet(using generator: inout SeededGenerator) -> ConvNet {
    ConvNet.random(
      inputChannels: 1, filters: 3, kernel: 3, pool: window,
      pooledShape: Shape(rows: 4, columns: 4), classes: 2, using: &generator)
  }

  @Test("E6.4 a step averages the batch's gradients: θ - η · mean of the examples' gradients")
  func stepAverages() {
    var generator = SeededGenerator(seed: 41)
    let net = Self.letterNet(using: &generator)
    let batch = shiftedLetters(
      at: [(0, 0), (2, 1)], canvas: 9, copies: 1, flips: 3, using: &generator)
    let gradients = batch.map { example in
      convNetBackward(
        net, pass: convNetForward(net, input: example.maps), label: example.label
      ).parameters
    }
    guard gradients.allSatisfy({ expectShape($0, net.parameters.shape, said("a gradient", "梯度")) })
    else {
      return
    }
    let mean = gradients.reduce(Matrix(rows: net.parameters.rows, columns: 1), +) / 4
    let stepped = convNetStep(net, batch: batch, learningRate: 0.3)
    expectMatrix(
      stepped.parameters, equals: net.parameters - 0.3 * mean,
      unlike: [
        KnownMistake(
          "the step went up the gradient: θ - η g, not θ + η g",
          zh: "这一步沿梯度上升了：应为 θ - η g，不是 θ + η g",
          net.parameters + 0.3 * mean, tolerance: 1e-9),
        KnownMistake(
          "each example's gradient replaced the last one's: add the batch's gradients up",
          zh: "每个样本的梯度替换了前一个的：要把这一批的梯度加起来",
          net.parameters - 0.3 * gradients[gradients.count - 1] / 4, tolerance: 1e-9),
      ], tolerance: 1e-12)
  }

  @Test("E6.4 the mean, not the sum: a batch of one example twice steps as the example alone")
  func meanNotSum() {
    var generator = SeededGenerator(seed: 42)
    let net = Self.letterNet(using: &generator)
    let example = shiftedLetters(at: [(1, 1)], canvas: 9, copies: 1, flips: 0, using: &generator)[1]
    let once = convNetStep(net, batch: [example], learningRate: 0.5)
    let twice = convNetStep(net, batch: [example, example], learningRate: 0.5)
    guard expectShape(once.parameters, net.parameters.shape, said("one step", "一步之后")) else {
      return
    }
    let sum = net.parameters + 2 * (once.parameters - net.parameters)
    expectMatrix(
      twice.parameters, equals: once.parameters,
      unlike: [
        KnownMistake(
          "the batch's gradients were summed: the step takes their mean",
          zh: "把这一批的梯度加起来了：更新用的是它们的平均值", sum, tolerance: 1e-9)
      ])
    #expect(
      once.parameters != net.parameters,
      Comment(rawValue: said("the step moved the network", "这一步改变了网络")))
    // A learning rate of 0 leaves every parameter where it was.
    expectMatrix(
      convNetStep(net, batch: [example], learningRate: 0).parameters, equals: net.parameters)
  }

  @Test("trained on noisy shifted letters, it recognizes every held-out letter at every shift")
  func letters() {
    var generator = SeededGenerator(seed: 7)
    let training = shiftedLetters(
      at: XOLetters.shifts, canvas: 9, copies: 2, flips: 3, using: &generator)
    let start = Self.letterNet(using: &generator)
    let trained = train(
      start, on: training, batchSize: 4, learningRate: 0.1, epochs: 8, using: &generator)
    let before = meanLoss(start, on: training)
    let after = meanLoss(trained, on: training)
    #expect(
      after < before / 4,
      Comment(
        rawValue: said(
          "the mean loss falls from \(before) to \(after)", "平均损失从 \(before) 降到 \(after)")))
    #expect(
      accuracy(trained, on: training) == 1,
      Comment(rawValue: said("every training letter", "每个训练字母")))
    // Held out: the clean letters, which training never saw (every training image has 3
    // flipped pixels), the lecture's X among them; and freshly drawn noisy letters.
    #expect(
      accuracy(trained, on: XOLetters.clean) == 1,
      Comment(rawValue: said("the clean letters at every shift", "每种平移下的干净字母")))
    #expect(predictedClass(trained, input: [Lecture.xImage]) == XOLetter.x.rawValue)
    let fresh = shiftedLetters(
      at: XOLetters.shifts, canvas: 9, copies: 2, flips: 3, using: &generator)
    #expect(
      accuracy(trained, on: fresh) >= 0.9,
      Comment(
        rawValue: said(
          "new noisy letters: \(accuracy(trained, on: fresh))",
          "新抽的带噪字母：\(accuracy(trained, on: fresh))")))
  }
}
