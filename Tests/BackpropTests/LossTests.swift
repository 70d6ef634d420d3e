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
    let mistakes = [
      KnownMistake(
        "the sign is flipped: ∂/∂a 1/2 (y - a)² = a - y", zh: "符号反了：∂/∂a 1/2 (y - a)² = a - y",
        y - a),
      KnownMistake(
        "the 1/2 of ℓ = 1/2 Σ (y - a)² cancels the 2: ∇_a ℓ = a - y, not 2 (a - y)",
        zh: "ℓ = 1/2 Σ (y - a)² 的 1/2 与求导得到的 2 相消：∇_a ℓ = a - y，不是 2 (a - y)", 2 * (a - y)),
      KnownMistake(
        "that is the loss 1/2 (a - y)², not its gradient a - y",
        zh: "这是损失 1/2 (a - y)²，不是它的梯度 a - y", (a - y).map { $0 * $0 / 2 }),
      KnownMistake(
        "divided by the number of outputs: ℓ = 1/2 Σ_k (y_k - a_k)² is a sum, not a mean",
        zh: "除以了输出的个数：ℓ = 1/2 Σ_k (y_k - a_k)² 是求和，不是平均", (a - y) / 3),
    ]
    guard expectMatrix(computed, equals: [[1], [-2], [0]], unlike: mistakes) else { return }
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
    expectMatrix(computed, equals: [[example.gradient]])
  }

  @Test("E6.3 hinge loss on every case at once: a wrong rule is named when it explains them all")
  func hingeRule() {
    // The gradients are -1, 0 or 1: an integer rule, named only when it gives every case.
    func gradient(_ example: HingeCase) -> Int {
      let computed = hingeLossGradient(output: [[example.a]], label: [[example.y]])
      guard !computed.isPlaceholder, computed.count == 1, computed[0, 0].isFinite,
        computed[0, 0] == computed[0, 0].rounded()
      else { return Int.min }
      return Int(computed[0, 0])
    }
    expectTable(
      Self.hingeCases, \.testDescription, computed: gradient, expected: { Int($0.gradient) },
      unlike: [
        KnownRuleMistake(
          "at margin exactly 1 the loss is 0 and the notes use the subgradient 0 (ℓ > 0 fails)",
          zh: "间隔恰为 1 时损失为 0，讲义取次梯度 0（ℓ > 0 不成立）"
        ) { $0.y * $0.a <= 1 ? Int(-$0.y) : 0 },
        KnownRuleMistake(
          "the gradient is -y, not y, while the margin y a < 1: ℓ = 1 - y a falls as y a grows",
          zh: "间隔 y a < 1 时梯度是 -y，不是 y：ℓ = 1 - y a 随 y a 增大而减小"
        ) { $0.y * $0.a < 1 ? Int($0.y) : 0 },
        KnownRuleMistake(
          "the hinge is at margin 1, not 0: ℓ = max(0, 1 - y a) has a gradient while y a < 1",
          zh: "合页在间隔 1 处，不在 0 处：只要 y a < 1，ℓ = max(0, 1 - y a) 就有梯度"
        ) { $0.y * $0.a < 0 ? Int(-$0.y) : 0 },
        KnownRuleMistake(
          "the margin is y a, not a: the label belongs in the condition 1 - y a > 0",
          zh: "间隔是 y a，不是 a：条件 1 - y a > 0 里要有标签"
        ) { $0.a < 1 ? Int(-$0.y) : 0 },
      ])
  }

  @Test("E6.2 softmax of [1, 2, 3]: scipy's values, summing to 1")
  func softmaxValues() {
    // scipy.special.softmax(numpy.array([1., 2., 3.]))
    let expected: Matrix = [[0.09003057317038046], [0.24472847105479764], [0.6652409557748218]]
    let z: Matrix = [[1], [2], [3]]
    let computed = softmax(z)
    let exponentials = z.map { exp($0 - 3) }
    expectMatrix(
      computed, equals: expected,
      unlike: [
        KnownMistake(
          "the exponentials were not divided by their sum: "
            + "softmax(z)_k = e^(z_k - m) / Σ_i e^(z_i - m)",
          zh: "指数没有除以它们的和：softmax(z)_k = e^(z_k - m) / Σ_i e^(z_i - m)", exponentials),
        KnownMistake(
          "the largest logit was subtracted in the numerator only: shift the sum's exponents too",
          zh: "只在分子里减去了最大的 logit：分母求和的指数也要减", exponentials / z.map { exp($0) }.sum()),
      ], tolerance: 1e-15)
    expectClose(computed.sum(), 1, tolerance: 1e-15, said("the probabilities sum to 1", "概率之和为 1"))
  }

  /// What softmax gives without the max shift: e^1000 = ∞ and ∞ / ∞ = NaN, or e^-1000 = 0 and
  /// 0 / 0 = NaN. It names the computed value when every entry is that one, NaN where it is NaN.
  static func withoutShift(_ z: Matrix) -> KnownMistake {
    let exponentials = z.map { exp($0) }
    let value = exponentials / exponentials.sum()
    return KnownMistake(
      "exp without the max shift: e^1000 overflows (or e^-1000 underflows) and the quotient is "
        + "NaN; subtract the largest logit m first, e^(z_k - m) / Σ_i e^(z_i - m)",
      zh: "exp 前没有减去最大值：e^1000 上溢（或 e^-1000 下溢），相除得 NaN；"
        + "应先减去最大的 logit m，e^(z_k - m) / Σ_i e^(z_i - m)",
      where: { computed in
        computed.shape == value.shape
          && zip(computed.elements, value.elements).allSatisfy { c, v in
            v.isNaN ? c.isNaN : c == v
          }
      })
  }

  @Test("E6.2 softmax of huge logits: e^1000 overflows unless the largest logit is subtracted")
  func softmaxStable() {
    // scipy.special.softmax(numpy.array([1000., 1000., 0.])): [0.5, 0.5, 0.0]
    expectMatrix(
      softmax([[1000], [1000], [0]]), equals: [[0.5], [0.5], [0]],
      unlike: [Self.withoutShift([[1000], [1000], [0]])], "[1000, 1000, 0]")
    expectMatrix(
      softmax([[-1000], [-1000]]), equals: [[0.5], [0.5]],
      unlike: [Self.withoutShift([[-1000], [-1000]])], "[-1000, -1000]")
    expectMatrix(softmax([[7]]), equals: [[1]], said("a single logit", "只有一个 logit"))
  }

  @Test("E6.2 softmax cross-entropy of [1, 2, 3]: log Σ e^z - z_c (scipy's logsumexp)")
  func crossEntropyValues() {
    // scipy.special.logsumexp([1., 2., 3.]) - 3 and - 1
    let classTwo = 0.40760596444438013
    expectClose(
      softmaxCrossEntropy(logits: [[1], [2], [3]], label: oneHot(2, classes: 3)), classTwo,
      unlike: [
        KnownMistake(
          "the sign is flipped: ℓ = -log softmax(z)_c = log Σ_i e^(z_i) - z_c, "
            + "not z_c - log Σ_i e^(z_i)",
          zh: "符号反了：ℓ = -log softmax(z)_c = log Σ_i e^(z_i) - z_c，不是 z_c - log Σ_i e^(z_i)",
          [[-classTwo]]),
        // The largest logit is 3: log Σ e^(z_i - 3) - z_c without the 3 added back.
        KnownMistake(
          "log-sum-exp lacks the m it subtracted: log Σ_i e^(z_i) = m + log Σ_i e^(z_i - m)",
          zh: "log-sum-exp 少加了先减去的 m：log Σ_i e^(z_i) = m + log Σ_i e^(z_i - m)",
          [[classTwo - 3]]),
      ], tolerance: 1e-14, said("class 2", "类别 2"))
    expectClose(
      softmaxCrossEntropy(logits: [[1], [2], [3]], label: oneHot(0, classes: 3)),
      2.40760596444438, tolerance: 1e-14, said("class 0", "类别 0"))
  }

  @Test("E6.2 softmax cross-entropy of logits [1000, 0, -1000] is 1000 for class 1, 0 for class 0")
  func crossEntropyStable() {
    // scipy.special.logsumexp([1000., 0., -1000.]) - 0 and - 1000; log(softmax) would give
    // log(0) = -inf for class 1, and e^1000 overflows.
    let z: Matrix = [[1000], [0], [-1000]]
    let overflow = KnownMistake(
      "log Σ e^(z_i) without the log-sum-exp trick: e^1000 overflows to ∞; compute "
        + "m + log Σ_i e^(z_i - m) with m the largest logit",
      zh: "log Σ e^(z_i) 没有用 log-sum-exp 技巧：e^1000 上溢为 ∞；应算 m + log Σ_i e^(z_i - m)，"
        + "m 是最大的 logit",
      where: { $0.count == 1 && $0[0, 0] == .infinity })
    let underflow = KnownMistake(
      "-log softmax(z)_c: softmax(z)_c underflows to 0 and -log 0 = ∞; compute "
        + "log Σ_i e^(z_i) - z_c instead",
      zh: "-log softmax(z)_c：softmax(z)_c 下溢为 0，-log 0 = ∞；应改算 log Σ_i e^(z_i) - z_c",
      where: { $0.count == 1 && $0[0, 0] == .infinity })
    // Class 0 tells the two apart: softmax(z)_0 = 1 does not underflow, while e^1000 still
    // overflows.
    expectClose(
      softmaxCrossEntropy(logits: z, label: oneHot(0, classes: 3)), 0, unlike: [overflow],
      said("class 0", "类别 0"))
    expectClose(
      softmaxCrossEntropy(logits: z, label: oneHot(1, classes: 3)), 1000,
      unlike: [overflow, underflow], said("class 1", "类别 1"))
    expectClose(
      softmaxCrossEntropy(logits: z, label: oneHot(2, classes: 3)), 2000,
      unlike: [overflow, underflow], said("class 2", "类别 2"))
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
