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
