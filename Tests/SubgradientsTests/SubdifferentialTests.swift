import LectureKit
import Subgradients
import TestSupport
import Testing

/// Expects an interval equal to the expected one; a placeholder fails with its exercise's name.
@discardableResult
func expectInterval(
  _ computed: Interval, equals expected: Interval, _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = context.isEmpty ? "" : context + said(": ", "：")
  guard expectWritten(computed, context, sourceLocation: sourceLocation) else { return false }
  guard computed == expected else {
    var diagnosis = ""
    if computed.isPoint && !expected.isPoint {
      diagnosis = said(
        "probably: at a kink ∂h(v) is every slope between the left and the right derivative, "
          + "not one of them\n",
        "可能是：在折点处 ∂h(v) 是左右导数之间的每一个斜率，不是其中一个\n")
    } else if computed == Interval(-expected.upper, -expected.lower) {
      diagnosis = said("probably: the sign is flipped\n", "可能是：符号反了\n")
    }
    fail(
      diagnosis + prefix
        + said("expected \(expected), computed \(computed)", "应为 \(expected)，算出 \(computed)"),
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

/// One point v of one kinked convex function h, with the exercise that gives ∂h(v) and the
/// subdifferential worked by hand.
struct SubdifferentialCase: Sendable, CustomTestStringConvertible {
  let name: String
  let v: Double
  let h: @Sendable (Double) -> Double
  let subdifferential: @Sendable (Double) -> Interval
  let expected: Interval

  var testDescription: String { "\(name) at \(v): \(expected)" }

  static func relu(_ v: Double, _ expected: Interval) -> SubdifferentialCase {
    SubdifferentialCase(
      name: "max(0, v)", v: v, h: { max(0, $0) }, subdifferential: reluSubdifferential(at:),
      expected: expected)
  }

  static func absolute(_ v: Double, _ expected: Interval) -> SubdifferentialCase {
    SubdifferentialCase(
      name: "|v|", v: v, h: { abs($0) }, subdifferential: absoluteValueSubdifferential(at:),
      expected: expected)
  }

  static func hinge(_ y: Double, _ z: Double, _ expected: Interval) -> SubdifferentialCase {
    SubdifferentialCase(
      name: "max(0, 1 - (\(y)) z)", v: z, h: { max(0, 1 - y * $0) },
      subdifferential: { hingeSubdifferential(at: $0, label: y) }, expected: expected)
  }

  static func maxAffine(
    _ first: AffineFunction, _ second: AffineFunction, _ v: Double, _ expected: Interval
  ) -> SubdifferentialCase {
    SubdifferentialCase(
      name: "max(\(first), \(second))", v: v, h: { max(first($0), second($0)) },
      subdifferential: { maxAffineSubdifferential(first, second, at: $0) }, expected: expected)
  }

  /// 2v + 1 and -v + 4 cross at v = 1, where both are 3.
  static let rising = AffineFunction(slope: 2, intercept: 1)
  static let falling = AffineFunction(slope: -1, intercept: 4)
  static let flat = AffineFunction(slope: 0.5, intercept: 1)

  static let all: [SubdifferentialCase] = [
    relu(-2, Interval(point: 0)), relu(-0.5, Interval(point: 0)), relu(0, Interval(0, 1)),
    relu(0.5, Interval(point: 1)), relu(3, Interval(point: 1)),
    absolute(-1.5, Interval(point: -1)), absolute(0, Interval(-1, 1)),
    absolute(2, Interval(point: 1)),
    hinge(1, -1, Interval(point: -1)), hinge(1, 0.5, Interval(point: -1)),
    hinge(1, 1, Interval(-1, 0)), hinge(1, 2, Interval(point: 0)),
    hinge(-1, 1, Interval(point: 1)), hinge(-1, -1, Interval(0, 1)),
    hinge(-1, -3, Interval(point: 0)),
    maxAffine(rising, falling, 1, Interval(-1, 2)), maxAffine(falling, rising, 1, Interval(-1, 2)),
    maxAffine(rising, falling, 0, Interval(point: -1)),
    maxAffine(rising, falling, 3, Interval(point: 2)),
    maxAffine(flat, flat, 0.5, Interval(point: 0.5)),
  ]
}

/// The grid of u the subgradient inequality is tried on: v - 6 ... v + 6 in steps of 1/8.
func grid(around v: Double) -> [Double] {
  (-48...48).map { v + Double($0) / 8 }
}

/// Whether h(u) >= h(v) + g (u - v) for every u of the grid.
func supports(_ g: Double, _ example: SubdifferentialCase) -> Bool {
  grid(around: example.v).allSatisfy { u in
    example.h(u) >= example.h(example.v) + g * (u - example.v) - 1e-12
  }
}

@Suite("Subdifferentials as closed intervals")
struct SubdifferentialTests {
  @Test(
    "E6.5 ∂h(v) of ReLU, |v|, the hinge loss and a max of two lines, at kinks and away",
    arguments: SubdifferentialCase.all)
  func intervals(_ example: SubdifferentialCase) {
    expectInterval(example.subdifferential(example.v), equals: example.expected)
  }

  @Test(
    "E6.5 every g in ∂h(v) satisfies h(u) >= h(v) + g (u - v) on a grid of u",
    arguments: SubdifferentialCase.all)
  func inequalityHolds(_ example: SubdifferentialCase) {
    let interval = example.subdifferential(example.v)
    guard expectWritten(interval) else { return }
    let width = interval.upper - interval.lower
    for g in [interval.lower, interval.lower + width / 3, interval.upper] {
      #expect(
        supports(g, example),
        Comment(
          rawValue: said(
            "g = \(g) from \(interval) is not a subgradient", "取自 \(interval) 的 g = \(g) 不是次梯度")))
    }
  }

  @Test(
    "E6.5 a slope just outside ∂h(v) breaks the inequality for some u of the grid",
    arguments: SubdifferentialCase.all)
  func inequalityFails(_ example: SubdifferentialCase) {
    let interval = example.subdifferential(example.v)
    guard expectWritten(interval) else { return }
    for g in [interval.lower - 0.25, interval.upper + 0.25] {
      #expect(
        !supports(g, example),
        Comment(
          rawValue: said(
            "g = \(g) lies outside \(interval) but supports h at \(example.v): the interval is too small",
            "g = \(g) 在 \(interval) 之外，却在 \(example.v) 处满足次梯度不等式：区间太小了")))
    }
  }
}
