import LectureKit
import Subgradients
import TestSupport
import Testing

/// A known mistake's diagnosis in English and in Chinese, for a test that finds the mistake by
/// comparing more than one value (a table of cases) and names it with ``KnownMistake/naming(_:)``.
struct Diagnosis: Sendable {
  let english: String
  let chinese: String

  init(_ english: String, _ chinese: String) {
    self.english = english
    self.chinese = chinese
  }

  /// The diagnosis in the language failures are written in now.
  var text: String { said(english, chinese) }
}

/// What a ReLU derivative must give to follow the notes: the derivative on each side, 0 at the
/// kink. Returns one line per violation.
func reluConventionViolations(_ derivative: (Double) -> Double) -> [String] {
  let expected: [(Double, Double)] = [
    (-3, 0), (-1e-300, 0), (0, 0), (-0.0, 0), (1e-300, 1), (2, 1),
  ]
  return expected.compactMap { z, value in
    derivative(z) == value
      ? nil
      : said(
        "relu'(\(z)) is \(derivative(z)), not \(value)",
        "relu'(\(z)) 是 \(derivative(z))，应为 \(value)")
  }
}

/// What a hinge-loss derivative (in z, for label y) must give to follow the notes: -y while the
/// margin y z is below 1, and 0 from margin exactly 1 on.
func hingeConventionViolations(_ derivative: (Double, Double) -> Double) -> [String] {
  let expected: [(Double, Double, Double)] = [
    (0.5, 1, -1), (1, 1, 0), (1.5, 1, 0), (-2, 1, -1),
    (-0.5, -1, 1), (-1, -1, 0), (-3, -1, 0), (2, -1, 1),
  ]
  return expected.compactMap { z, y, value in
    derivative(z, y) == value
      ? nil
      : said(
        "∂ℓ/∂z at z = \(z), y = \(y) is \(derivative(z, y)), not \(value)",
        "z = \(z)，y = \(y) 时 ∂ℓ/∂z 是 \(derivative(z, y))，应为 \(value)")
  }
}

@Suite("The conventions at the kinks")
struct ConventionTests {
  /// What the classic slips compute in place of relu'(z), each with its diagnosis.
  static let reluSlips: [(diagnosis: Diagnosis, derivative: @Sendable (Double) -> Double)] = [
    (
      Diagnosis(
        "ReLU'(0) was taken as 1 (z >= 0): the notes pick 0", "ReLU'(0) 取成了 1（z >= 0）：讲义取 0"),
      { $0 >= 0 ? 1 : 0 }
    ),
    (
      Diagnosis(
        "ReLU'(0) was set to 1/2, the middle of [0, 1]: the notes pick 0",
        "ReLU'(0) 取成了 [0, 1] 的中点 1/2：讲义取 0"),
      { $0 > 0 ? 1 : ($0 == 0 ? 0.5 : 0) }
    ),
    (
      Diagnosis(
        "that is ReLU itself, max(0, z), not its slope", "这是 ReLU 本身 max(0, z)，不是它的斜率"),
      { max(0, $0) }
    ),
  ]

  @Test(
    "E6.5 ReLU'(0) = 0, as the notes and PyTorch choose; a ReLU written x >= 0 ? 1 : 0 is caught")
  func relu() {
    let violations = reluConventionViolations(reluSubgradient)
    // The classic slip picks the other end of [0, 1] at the kink, and the check sees it.
    #expect(
      TestLanguage.using(.english) { reluConventionViolations { $0 >= 0 ? 1 : 0 } } == [
        "relu'(0.0) is 1.0, not 0.0", "relu'(-0.0) is 1.0, not 0.0",
      ])
    if !violations.isEmpty {
      let named = Self.reluSlips.filter { reluConventionViolations($0.derivative) == violations }
      let diagnosis = KnownMistake.naming(named.map(\.diagnosis.text)).map { $0 + "\n" } ?? ""
      fail(diagnosis + violations.joined(separator: said("; ", "；")))
    }
  }

  @Test("E6.5 the chosen ReLU'(0) lies in the subdifferential [0, 1]; away from 0, the derivative")
  func reluInSubdifferential() {
    let computed = (reluSubgradient(-2), reluSubgradient(0), reluSubgradient(0.5))
    #expect(
      computed == (0, 0, 1),
      Comment(
        rawValue: said("relu' at -2, 0 and 0.5: \(computed)", "relu' 在 -2、0 和 0.5 处：\(computed)")))
    #expect(Interval(0, 1).contains(computed.1))
  }

  /// What the classic slips compute in place of ∂ℓ/∂z (z, y), each with its diagnosis.
  static let hingeSlips:
    [(diagnosis: Diagnosis, derivative: @Sendable (Double, Double) -> Double)] =
      [
        (
          Diagnosis(
            "at margin exactly 1 the gradient was taken as -y (>=): the loss is 0 there, and the "
              + "notes pick 0", "间隔恰为 1 时梯度取成了 -y（>=）：那里损失为 0，讲义取 0"),
          { z, y in 1 - y * z >= 0 ? -y : 0 }
        ),
        (
          Diagnosis(
            "the sign is flipped: ∂ℓ/∂z = -y below margin 1", "符号反了：间隔小于 1 时 ∂ℓ/∂z = -y"),
          { z, y in 1 - y * z > 0 ? y : 0 }
        ),
        (
          Diagnosis(
            "the margin lacks the label y: the loss is active where y z < 1, not where z < 1",
            "间隔漏了标签 y：损失在 y z < 1 处为正，不是在 z < 1 处"),
          { z, y in 1 - z > 0 ? -y : 0 }
        ),
        (
          Diagnosis(
            "the slope of the active hinge is -y, not -1: the label is left out",
            "合页损失为正时斜率是 -y，不是 -1：漏了标签"),
          { z, y in 1 - y * z > 0 ? -1 : 0 }
        ),
      ]

  @Test("E6.3 the hinge loss at margin exactly 1 has gradient 0; a hinge written with >= is caught")
  func hinge() {
    let violations = hingeConventionViolations { hingeSubgradient($0, label: $1) }
    let slip = hingeConventionViolations { z, y in 1 - y * z >= 0 ? -y : 0 }
    #expect(
      slip.count == 2,
      Comment(
        rawValue: said(
          "the two kinks (z = 1, y = 1) and (z = -1, y = -1): \(slip)",
          "两个折点 (z = 1, y = 1) 和 (z = -1, y = -1)：\(slip)")))
    if !violations.isEmpty {
      let named = Self.hingeSlips.filter { hingeConventionViolations($0.derivative) == violations }
      let diagnosis = KnownMistake.naming(named.map(\.diagnosis.text)).map { $0 + "\n" } ?? ""
      fail(diagnosis + violations.joined(separator: said("; ", "；")))
    }
  }
}
