import LectureKit
import Subgradients
import TestSupport
import Testing

/// Expects an interval equal to the expected one; a placeholder fails with its exercise's name.
/// `named` are the known mistakes that explain what the exercise computes on every case of its
/// table: when there are any, the failure names them instead of guessing from this case alone.
@discardableResult
func expectInterval(
  _ computed: Interval, equals expected: Interval, named: [Diagnosis] = [],
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = context.isEmpty ? "" : context + said(": ", "：")
  guard expectWritten(computed, context, sourceLocation: sourceLocation) else { return false }
  guard computed == expected else {
    var diagnosis = ""
    if let naming = KnownMistake.naming(named.map(\.text)) {
      diagnosis = naming + "\n"
    } else if computed.isPoint && !expected.isPoint {
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
  /// The exercise that gives ∂h(v).
  let exercise: String
  let v: Double
  let h: @Sendable (Double) -> Double
  let subdifferential: @Sendable (Double) -> Interval
  let expected: Interval
  /// What the classic slips of the exercise give at v, in the order of ``slipNames``.
  let slips: [@Sendable (Double) -> Interval]

  var testDescription: String { "\(name) at \(v): \(expected)" }

  /// A function with slope `left` below `kink`, `right` above it and `atKink` there.
  static func sides(_ left: Double, _ atKink: Interval, _ right: Double, kink: Double = 0)
    -> @Sendable (Double) -> Interval
  {
    { v in v < kink ? Interval(point: left) : v > kink ? Interval(point: right) : atKink }
  }

  static func relu(_ v: Double, _ expected: Interval) -> SubdifferentialCase {
    SubdifferentialCase(
      name: "max(0, v)", exercise: "reluSubdifferential", v: v, h: { max(0, $0) },
      subdifferential: reluSubdifferential(at:), expected: expected,
      slips: [sides(1, Interval(0, 1), 0), sides(0, Interval(-1, 1), 1)])
  }

  static func absolute(_ v: Double, _ expected: Interval) -> SubdifferentialCase {
    SubdifferentialCase(
      name: "|v|", exercise: "absoluteValueSubdifferential", v: v, h: { abs($0) },
      subdifferential: absoluteValueSubdifferential(at:), expected: expected,
      slips: [sides(1, Interval(-1, 1), -1), sides(-1, Interval(0, 1), 1)])
  }

  static func hinge(_ y: Double, _ z: Double, _ expected: Interval) -> SubdifferentialCase {
    let kink = Interval(min(-y, 0), max(-y, 0))
    return SubdifferentialCase(
      name: "max(0, 1 - (\(y)) z)", exercise: "hingeSubdifferential", v: z,
      h: { max(0, 1 - y * $0) }, subdifferential: { hingeSubdifferential(at: $0, label: y) },
      expected: expected,
      slips: [
        // The margin taken as z: the kink at z = 1 whatever the label.
        { z in sides(-y, kink, 0, kink: 1)(z) },
        // Margin 1 counted with the active side.
        { z in y * z <= 1 ? Interval(point: -y) : Interval(point: 0) },
      ])
  }

  static func maxAffine(
    _ first: AffineFunction, _ second: AffineFunction, _ v: Double, _ expected: Interval
  ) -> SubdifferentialCase {
    let tie = Interval(min(first.slope, second.slope), max(first.slope, second.slope))
    return SubdifferentialCase(
      name: "max(\(first), \(second))", exercise: "maxAffineSubdifferential", v: v,
      h: { max(first($0), second($0)) },
      subdifferential: { maxAffineSubdifferential(first, second, at: $0) }, expected: expected,
      slips: [
        // The smaller line's slope.
        { v in
          first(v) > second(v)
            ? Interval(point: second.slope)
            : second(v) > first(v) ? Interval(point: first.slope) : tie
        },
        // The lines compared by their slopes, not by their values at v.
        { _ in
          first.slope > second.slope
            ? Interval(point: first.slope)
            : second.slope > first.slope ? Interval(point: second.slope) : tie
        },
      ])
  }

  /// The classic slips of each exercise, in the order of its cases' ``slips``.
  static let slipNames: [String: [Diagnosis]] = [
    "reluSubdifferential": [
      Diagnosis(
        "the two sides are swapped: max(0, v) has slope 0 left of 0 and 1 right of it",
        "两侧弄反了：max(0, v) 在 0 左侧斜率为 0，右侧为 1"),
      Diagnosis(
        "at 0 that is the subdifferential of |v|, [-1, 1]: the slopes of max(0, v) there run "
          + "from 0 to 1", "0 处给的是 |v| 的次微分 [-1, 1]：max(0, v) 在那里的斜率从 0 到 1"),
    ],
    "absoluteValueSubdifferential": [
      Diagnosis(
        "the two sides are swapped: |v| has slope -1 left of 0 and 1 right of it",
        "两侧弄反了：|v| 在 0 左侧斜率为 -1，右侧为 1"),
      Diagnosis(
        "at 0 that is the subdifferential of max(0, v), [0, 1]: the slopes of |v| there run "
          + "from -1 to 1", "0 处给的是 max(0, v) 的次微分 [0, 1]：|v| 在那里的斜率从 -1 到 1"),
    ],
    "hingeSubdifferential": [
      Diagnosis(
        "the margin lacks the label y: the kink of max(0, 1 - y z) is at y z = 1, not z = 1",
        "间隔漏了标签 y：max(0, 1 - y z) 的折点在 y z = 1 处，不在 z = 1 处"),
      Diagnosis(
        "at margin exactly 1 only -y was given: the loss has its kink there, and ∂ℓ runs from -y "
          + "to 0", "间隔恰为 1 时只给了 -y：损失在那里有折点，∂ℓ 从 -y 到 0"),
    ],
    "maxAffineSubdifferential": [
      Diagnosis(
        "the slope of the smaller line: h follows the larger one", "取了较小那条直线的斜率：h 跟着较大的那条"),
      Diagnosis(
        "the lines were compared by their slopes, not by their values at v",
        "比较的是两条直线的斜率，而不是它们在 v 处的值"),
    ],
  ]

  /// The slips of this case's exercise that give what the exercise computes on every one of
  /// its cases.
  var explainingSlips: [Diagnosis] {
    let family = Self.all.filter { $0.exercise == exercise }
    let names = Self.slipNames[exercise] ?? []
    return names.indices.filter { k in
      family.allSatisfy { other in other.subdifferential(other.v) == other.slips[k](other.v) }
    }.map { names[$0] }
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
    expectInterval(
      example.subdifferential(example.v), equals: example.expected,
      named: example.explainingSlips)
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
