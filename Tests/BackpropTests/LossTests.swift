import Backprop
import Foundation
import LectureKit
import TestSupport
import Testing

/// The gradients `∇_a ℓ` of the squared and hinge losses, and the softmax cross-entropy.
@Suite("Losses: squared, hinge, softmax cross-entropy")
struct LossTests {
  @Test("E6.2 squared loss: ∇_a ℓ = a - y, not y - a")
  func squaredGradient() {
    let a: Matrix = [[2], [-1], [0.5]]
    let y: Matrix = [[1], [1], [0.5]]
    let computed = squaredLossGradient(output: a, label: y)
    guard expectMatrix(computed, equals: [[1], [-2], [0]]) else {
      if computed == [[-1], [2], [0]] {
        fail(
          said(
            "the sign is flipped: ∂/∂a 1/2 (y - a)² = a - y", "符号反了：∂/∂a 1/2 (y - a)² = a - y"))
      }
      return
    }
    let numerical = numericalGradient(of: { lossValue(.squared, output: $0, label: y) }, at: a)
    expectGradient(computed, matches: numerical)
  }

  struct HingeCase: Sendable, CustomTestStringConvertible {
    let a: Double
    let y: Double
    let gradient: Double
    var testDescription: String { "a = \(a), y = \(y): ∂ℓ/∂a = \(gradient)" }
  }

  static let hingeCases: [HingeCase] = [
    HingeCase(a: 0.5, y: 1, gradient: -1),
    HingeCase(a: -2, y: 1, gradient: -1),
    HingeCase(a: 3, y: 1, gradient: 0),
    HingeCase(a: 1, y: 1, gradient: 0),  // margin exactly 1: the kink, the notes pick 0
    HingeCase(a: -1, y: -1, gradient: 0),  // the same kink for the other label
    HingeCase(a: 0.25, y: -1, gradient: 1),
    HingeCase(a: 0, y: -1, gradient: 1),
    HingeCase(a: -4, y: -1, gradient: 0),
  ]

  @Test("E6.3 hinge loss: ∂ℓ/∂a = -y while the margin y a < 1, else 0", arguments: hingeCases)
  func hingeGradient(_ example: HingeCase) {
    let computed = hingeLossGradient(output: [[example.a]], label: [[example.y]])
    guard expectMatrix(computed, equals: [[example.gradient]]) else {
      if example.y * example.a == 1 {
        fail(
          said(
            "at margin exactly 1 the loss is 0 and the notes use the subgradient 0 (ℓ > 0 fails)",
            "间隔恰为 1 时损失为 0，讲义取次梯度 0（ℓ > 0 不成立）"))
      }
      return
    }
  }

  @Test("E6.2 softmax of [1, 2, 3]: scipy's values, summing to 1")
  func softmaxValues() {
    // scipy.special.softmax(numpy.array([1., 2., 3.]))
    let expected: Matrix = [[0.09003057317038046], [0.24472847105479764], [0.6652409557748218]]
    let computed = softmax([[1], [2], [3]])
    expectMatrix(computed, equals: expected, tolerance: 1e-15)
    expectClose(computed.sum(), 1, tolerance: 1e-15, said("the probabilities sum to 1", "概率之和为 1"))
  }

  @Test("E6.2 softmax of huge logits: e^1000 overflows unless the largest logit is subtracted")
  func softmaxStable() {
    // scipy.special.softmax(numpy.array([1000., 1000., 0.])): [0.5, 0.5, 0.0]
    expectMatrix(softmax([[1000], [1000], [0]]), equals: [[0.5], [0.5], [0]], "[1000, 1000, 0]")
    expectMatrix(softmax([[-1000], [-1000]]), equals: [[0.5], [0.5]], "[-1000, -1000]")
    expectMatrix(softmax([[7]]), equals: [[1]], said("a single logit", "只有一个 logit"))
  }

  @Test("E6.2 softmax cross-entropy of [1, 2, 3]: log Σ e^z - z_c (scipy's logsumexp)")
  func crossEntropyValues() {
    // scipy.special.logsumexp([1., 2., 3.]) - 3 and - 1
    expectClose(
      softmaxCrossEntropy(logits: [[1], [2], [3]], label: oneHot(2, classes: 3)),
      0.40760596444438013, tolerance: 1e-14, said("class 2", "类别 2"))
    expectClose(
      softmaxCrossEntropy(logits: [[1], [2], [3]], label: oneHot(0, classes: 3)),
      2.40760596444438, tolerance: 1e-14, said("class 0", "类别 0"))
  }

  @Test("E6.2 softmax cross-entropy of logits [1000, 0, -1000] is 1000 for class 1, 0 for class 0")
  func crossEntropyStable() {
    // scipy.special.logsumexp([1000., 0., -1000.]) - 0 and - 1000; log(softmax) would give
    // log(0) = -inf for class 1, and e^1000 overflows.
    let z: Matrix = [[1000], [0], [-1000]]
    expectClose(
      softmaxCrossEntropy(logits: z, label: oneHot(1, classes: 3)), 1000, said("class 1", "类别 1"))
    expectClose(
      softmaxCrossEntropy(logits: z, label: oneHot(0, classes: 3)), 0, said("class 0", "类别 0"))
    expectClose(
      softmaxCrossEntropy(logits: z, label: oneHot(2, classes: 3)), 2000, said("class 2", "类别 2"))
  }

  @Test("E6.2 the gradient of the cross-entropy is softmax(z) - y (central differences)")
  func crossEntropyGradient() {
    let z: Matrix = [[0.5], [-1.25], [2], [0]]
    let y = oneHot(0, classes: 4)
    let numerical = numericalGradient(of: { softmaxCrossEntropy(logits: $0, label: y) }, at: z)
    // scipy.special.softmax(numpy.array([0.5, -1.25, 2.0, 0.0])) minus the one-hot label
    let expected: Matrix = [
      [0.15969355003210822 - 1], [0.027750577932680404], [0.7156968377823844],
      [0.09685903425282705],
    ]
    expectMatrix(
      numerical, equals: expected, tolerance: 1e-9, said("the numerical gradient", "数值梯度"))
    expectGradient(softmax(z) - y, matches: numerical, "softmax(z) - y")
  }
}
