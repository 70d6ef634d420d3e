import Foundation
import LectureKit
import Subgradients
import TestSupport
import Testing

/// A subgradient of |v|: its sign, and 0 at the kink.
@Sendable func signOf(_ v: Double) -> Double {
  v > 0 ? 1 : (v < 0 ? -1 : 0)
}

/// Expects `steps + 1` iterates; a placeholder (an empty array) fails.
func expectIterates(
  _ iterates: [Double], steps: Int, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard iterates.count == steps + 1 else {
    fail(
      said(
        "expected v_0 ... v_\(steps) (\(steps + 1) numbers), computed \(iterates.count)"
          + (iterates.isEmpty ? ": is subgradientDescent written yet?" : ""),
        "应为 v_0 ... v_\(steps)（\(steps + 1) 个数），算出 \(iterates.count) 个"
          + (iterates.isEmpty ? "：subgradientDescent 写完了吗？" : "")),
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

@Suite("Subgradient descent: diminishing steps reach the kink, a constant step circles it")
struct SubgradientDescentTests {
  @Test("E6.5 the first steps on |v| from 0.35, by hand")
  func firstSteps() {
    let constant = subgradientDescent(
      from: 0.35, steps: 5, stepSize: .constant(0.1), subgradient: signOf)
    guard expectIterates(constant, steps: 5) else { return }
    if abs(constant[1] - 0.45) < 1e-12 {
      fail(
        said(
          "probably: the step went up the subgradient: v_(t+1) = v_t - η_t g_t",
          "可能是：沿次梯度往上走了：v_(t+1) = v_t - η_t g_t"))
    }
    let expected = [0.35, 0.25, 0.15, 0.05, -0.05, 0.05]
    for (t, v) in expected.enumerated() {
      expectClose(constant[t], v, tolerance: 1e-12, said("constant step, v_\(t)", "η 固定，v_\(t)"))
    }
    // η_0 = 0.1, η_1 = 0.1 / √2.
    let diminishing = subgradientDescent(
      from: 0.35, steps: 2, stepSize: .diminishing(0.1), subgradient: signOf)
    guard expectIterates(diminishing, steps: 2) else { return }
    expectClose(diminishing[2], 0.25 - 0.1 / 2.0.squareRoot(), tolerance: 1e-12, "v_2")
  }

  @Test("E6.5 |v| with a constant step 0.1: it jumps across 0 forever, never closer than 0.05")
  func absoluteValueConstant() {
    let iterates = subgradientDescent(
      from: 0.35, steps: 60, stepSize: .constant(0.1), subgradient: signOf)
    guard expectIterates(iterates, steps: 60) else { return }
    expectEvery(4..<60) { t in
      abs(iterates[t]) <= 0.049
        ? said(
          "v_\(t) = \(iterates[t]) is closer to 0 than 0.05",
          "v_\(t) = \(iterates[t]) 离 0 不到 0.05")
        : iterates[t] * iterates[t + 1] >= 0
          ? said(
            "v_\(t) and v_\(t + 1) lie on the same side", "v_\(t) 和 v_\(t + 1) 在 0 的同一侧")
          : nil
    }
  }

  @Test("E6.5 |v| with steps 0.1 / √(t + 1): from step 5 on |v_t| <= η_(t-1), which goes to 0")
  func absoluteValueDiminishing() {
    let steps = StepSize.diminishing(0.1)
    let iterates = subgradientDescent(from: 0.35, steps: 100, stepSize: steps, subgradient: signOf)
    guard expectIterates(iterates, steps: 100) else { return }
    expectEvery(5...100) { t in
      abs(iterates[t]) <= steps.at(t - 1) + 1e-15
        ? nil
        : said(
          "v_\(t) = \(iterates[t]) is farther from 0 than η_\(t - 1) = \(steps.at(t - 1))",
          "v_\(t) = \(iterates[t]) 离 0 比 η_\(t - 1) = \(steps.at(t - 1)) 还远")
    }
    #expect(abs(iterates[100]) < 0.011)
  }

  /// max(2v + 1, -v + 4), smallest at v = 1 where both lines are 3.
  static let kinked = { @Sendable (v: Double) -> Double in
    2 * v + 1 > -v + 4 ? 2 : (2 * v + 1 < -v + 4 ? -1 : 0)
  }

  /// The iterates from 5 on max(2v + 1, -v + 4) as a slip computes them: the step size of
  /// step t, the point the subgradient is taken at, and whether v_t is recorded before its step.
  static func slipIterates(
    steps: Int, eta: (Int) -> Double, recordBefore: Bool = false,
    subgradientAt point: (Double) -> Double = { $0 }
  ) -> Matrix {
    var v = 5.0
    var iterates = [v]
    for t in 0..<steps {
      let step = eta(t) * kinked(point(v))
      if recordBefore {
        iterates.append(v)
        v -= step
      } else {
        v -= step
        iterates.append(v)
      }
    }
    return Matrix([iterates])
  }

  @Test("E6.5 max(2v + 1, -v + 4) from 5, steps 1 / √(t + 1): five steps by hand")
  func maxAffineByHand() {
    let iterates = subgradientDescent(
      from: 5, steps: 5, stepSize: .diminishing(1), subgradient: Self.kinked)
    guard !iterates.isEmpty else {
      _ = expectIterates(iterates, steps: 5)
      return
    }
    // g = 2 while 2v + 1 is the larger line (v > 1), -1 below: 5 - 2, - 2/√2, - 2/√3, + 1/2, + 1/√5.
    let v3 = 3 - 2 / 2.0.squareRoot() - 2 / 3.0.squareRoot()
    let expected: Matrix = [
      [5, 3, 3 - 2 / 2.0.squareRoot(), v3, v3 + 0.5, v3 + 0.5 + 1 / 5.0.squareRoot()]
    ]
    let eta = { (t: Int) in StepSize.diminishing(1).at(t) }
    expectMatrix(
      Matrix([iterates]), equals: expected,
      unlike: [
        KnownMistake(
          "the step size stayed η_0: step t takes η_t = η / √(t + 1)",
          zh: "学习率一直是 η_0：第 t 步用 η_t = η / √(t + 1)",
          Self.slipIterates(steps: 5, eta: { _ in eta(0) })),
        KnownMistake(
          "step t took η_(t+1): the first step takes η_0",
          zh: "第 t 步用了 η_(t+1)：第一步用 η_0", Self.slipIterates(steps: 5, eta: { eta($0 + 1) })),
        KnownMistake(
          "v_t was recorded before its step: v_0 appears twice and the last step is lost",
          zh: "每一步之前就记下了 v_t：v_0 出现了两次，最后一步丢了",
          Self.slipIterates(steps: 5, eta: eta, recordBefore: true)),
        KnownMistake(
          "one step too many: the loop 0...steps runs steps + 1 times",
          zh: "多走了一步：循环 0...steps 执行了 steps + 1 次", Self.slipIterates(steps: 6, eta: eta)),
        KnownMistake(
          "every step took the subgradient at the start v_0, not at the current v_t",
          zh: "每一步都用了起点 v_0 处的次梯度，而不是当前 v_t 处的",
          Self.slipIterates(steps: 5, eta: eta, subgradientAt: { _ in 5 })),
      ], tolerance: 1e-12, "v_0 ... v_5")
  }

  @Test("E6.5 max(2v + 1, -v + 4) from 5: a constant step 0.3 circles v = 1 at distance >= 0.1")
  func maxAffineConstant() {
    let iterates = subgradientDescent(
      from: 5, steps: 100, stepSize: .constant(0.3), subgradient: Self.kinked)
    guard expectIterates(iterates, steps: 100) else { return }
    expectEvery(20...100) { t in
      abs(iterates[t] - 1) > 0.099
        ? nil
        : said(
          "v_\(t) = \(iterates[t]) is within 0.1 of 1", "v_\(t) = \(iterates[t]) 离 1 不到 0.1")
    }
  }

  @Test("E6.5 max(2v + 1, -v + 4) from 5, steps 1 / √(t + 1): |v_t - 1| <= 2 η_(t-1) -> 0")
  func maxAffineDiminishing() {
    let steps = StepSize.diminishing(1)
    let iterates = subgradientDescent(
      from: 5, steps: 100, stepSize: steps, subgradient: Self.kinked)
    guard expectIterates(iterates, steps: 100) else { return }
    expectEvery(1...100) { t in
      abs(iterates[t] - 1) <= 2 * steps.at(t - 1) + 1e-12
        ? nil
        : said(
          "v_\(t) = \(iterates[t]) is farther from 1 than 2 η_\(t - 1)",
          "v_\(t) = \(iterates[t]) 离 1 比 2 η_\(t - 1) 还远")
    }
    #expect(abs(iterates[100] - 1) < 0.2)
  }
}
