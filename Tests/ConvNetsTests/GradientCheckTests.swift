import ConvNets
import Convolution
import Foundation
import LectureKit
import Pooling
import TestSupport
import Testing

/// The backward pass of the whole network, against central differences of its loss.
@Suite("The network's backward pass, end to end")
struct GradientCheckTests {
  /// Networks to check: input maps of 7 x 7, 3 filters, 3 classes; the padding, stride and
  /// pooling vary, and with them the pooled shape the read-out takes.
  static let networks:
    [(
      name: String, chinese: String, padding: Padding, stride: Int, window: PoolWindow,
      pooled: Shape
    )] = [
      (
        "valid, 2x2 pooling in ceil mode", "valid，2x2 池化，向上取整模式", .valid, 1,
        PoolWindow(size: 2, rounding: .ceil), Shape(rows: 3, columns: 3)
      ),
      (
        "same padding, 3x3 pooling at stride 2", "same 填充，步幅 2 的 3x3 池化", .same, 1,
        PoolWindow(size: 3, stride: 2), Shape(rows: 3, columns: 3)
      ),
      (
        "stride 2 with padding 1, 2x2 pooling", "步幅 2，填充 1，2x2 池化", .explicit(1), 2,
        PoolWindow(size: 2), Shape(rows: 2, columns: 2)
      ),
    ]

  static func network(_ index: Int, using generator: inout SeededGenerator) -> ConvNet {
    let spec = networks[index]
    let random = ConvNet.random(
      inputChannels: 2, filters: 3, kernel: 3, pool: spec.window, pooledShape: spec.pooled,
      classes: 3, using: &generator)
    let conv = ConvLayer(
      filters: random.conv.filters,
      biases: (0..<3).map { _ in Double.random(in: -0.5...0.5, using: &generator) },
      stride: spec.stride, padding: spec.padding)
    return ConvNet(conv: conv, pool: spec.window, readout: random.readout)
  }

  @Test(
    "every parameter's gradient passes the gradient check (relError < 1e-7)",
    arguments: 0..<3)
  func wholeNetwork(_ index: Int) {
    var generator = SeededGenerator(seed: 31)
    let net = Self.network(index, using: &generator)
    let x = randomMaps(2, Shape(rows: 7, columns: 7), using: &generator)
    let label = index  // each network checks another class
    let pass = convNetForward(net, input: x)
    let analytic = convNetBackward(net, pass: pass, label: label).parameters
    let numeric = numericalGradient(
      of: { convNetLoss(net.with(parameters: $0), input: x, label: label) }, at: net.parameters)
    expectGradient(
      analytic, matches: numeric,
      said(
        "\(Self.networks[index].name), label \(label)",
        "\(Self.networks[index].chinese)，标签 \(label)"))
  }

  @Test("the loss is the cross-entropy of the softmax of the forward pass's logits")
  func lossOfLogits() {
    var generator = SeededGenerator(seed: 32)
    let net = Self.network(0, using: &generator)
    let x = randomMaps(2, Shape(rows: 7, columns: 7), using: &generator)
    let pass = convNetForward(net, input: x)
    guard expectShape(pass.logits, Shape(rows: 3, columns: 1), "logits"),
      expectShape(
        pass.features, Shape(rows: 27, columns: 1),
        said("3 pooled maps of 3 x 3", "3 张 3 x 3 的池化特征图"))
    else { return }
    let z = pass.logits.elements
    let m = z.max()!
    let logSumExp = m + log(z.map { exp($0 - m) }.reduce(0, +))
    expectClose(convNetLoss(net, input: x, label: 1), logSumExp - z[1], tolerance: 1e-12)
    expectMatrix(
      pass.logits, equals: net.readout.weights.transposed() * pass.features + net.readout.biases,
      tolerance: 1e-12)
  }

  @Test("zero filters and biases: z = 0 everywhere, ReLU'(0) = 0, only the read-out's b learns")
  func reluKink() {
    var generator = SeededGenerator(seed: 33)
    let random = Self.network(0, using: &generator)
    let zero = ConvLayer(
      filters: random.conv.filters.map { $0.map { Matrix(rows: $0.rows, columns: $0.columns) } },
      biases: [0, 0, 0])
    let net = ConvNet(conv: zero, pool: random.pool, readout: random.readout)
    let x = randomMaps(2, Shape(rows: 7, columns: 7), using: &generator)
    let gradients = convNetBackward(net, pass: convNetForward(net, input: x), label: 2)
    // Every logit is b = 0, so the softmax is uniform: δ = (1/3, 1/3, -2/3).
    expectMatrix(
      gradients.readoutBiases, equals: [[1.0 / 3], [1.0 / 3], [-2.0 / 3]],
      unlike: [
        KnownMistake(
          "δ has the wrong sign: ∂ℓ/∂logits = softmax(logits) - e_label",
          zh: "δ 的符号反了：∂ℓ/∂logits = softmax(logits) - e_label",
          [[-1.0 / 3], [-1.0 / 3], [2.0 / 3]])
      ])
    expectMatrix(gradients.readoutWeights, equals: Matrix(rows: 27, columns: 3))
    let conv = gradients.parameters
    guard expectShape(conv, net.parameters.shape, said("all the gradients", "全部梯度")) else { return }
    let convCount = 3 * 2 * 9 + 3
    #expect(
      conv.elements.prefix(convCount).allSatisfy { $0 == 0 },
      Comment(
        rawValue: said(
          "no gradient passes a ReLU at 0: is the ReLU gate (z > 0) left out, or ReLU'(0) taken as 1?",
          "在 0 处的 ReLU 不传梯度：是不是漏了 ReLU 的门控 (z > 0)，或者把 ReLU'(0) 取成了 1？")))
  }
}
