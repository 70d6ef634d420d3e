import ConvNets
import LectureKit
import Pooling
import TestSupport
import Testing

@Suite("The forward pass, stage by stage")
struct ForwardPassTests {
  static let input: Matrix = [[1, -2, 3, 0], [-1, 0, 2, -3], [-2, -1, 4, 1], [-3, -4, 0, 2]]

  /// Two 1 x 1 filters, x and 0.5 - x, so that z is known by heart; 2 x 2 pooling at stride 2;
  /// a read-out of the 8 pooled values into 2 classes.
  static let net = ConvNet(
    conv: ConvLayer(filters: [[[[1]]], [[[-1]]]], biases: [0, 0.5]),
    pool: PoolWindow(size: 2),
    readout: DenseLayer(
      weights: [
        [-1, -0.5], [0, 0.5], [1, -1], [-0.5, 0], [0.5, 1], [-1, -0.5], [0, 0.5], [1, -1],
      ],
      biases: [[0.25], [-0.5]]))

  @Test("1x1 filters: z, then the ReLU, then pooling of a, then the read-out with its biases")
  func stages() {
    let pass = convNetForward(Self.net, input: [Self.input])
    let z = [Self.input, Self.input.map { 0.5 - $0 }]
    guard expectMaps(pass.z, equal: z) else { return }
    guard
      expectMaps(
        pass.a, equal: z.map { $0.map { max(0, $0) } },
        unlike: [
          (
            "a = z: the ReLU is left out", zh: "a = z：漏了 ReLU",
            z
          )
        ], said("a", "a"))
    else { return }
    // The bottom-left window of z_0 is all negative: max pooling of a gives 0 there, of z -1.
    guard
      expectMaps(
        pass.pooled, equal: [[[1, 3], [0, 4]], [[2.5, 3.5], [4.5, 0.5]]],
        unlike: [
          (
            "z was pooled, not a = relu(z): pooling comes after the ReLU",
            zh: "池化的是 z，不是 a = relu(z)：池化在 ReLU 之后",
            [[[1, 3], [-1, 4]], [[2.5, 3.5], [4.5, 0.5]]]
          )
        ], said("pooled", "池化后"))
    else { return }
    // numpy: W.T @ features + b with features = the pooled maps, row by row, map after map.
    expectMatrix(
      pass.logits, equals: [[-4.5], [3]],
      unlike: [
        KnownMistake(
          "the read-out's biases are left out: logits = Wᵀ features + b",
          zh: "漏了全连接层的偏置：logits = Wᵀ features + b", [[-4.75], [3.5]])
      ], said("logits", "logits"))
  }
}
