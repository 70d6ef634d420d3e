import Dropout
import LectureKit
import TestSupport
import Testing

/// The backward pass lets gradient through the kept units only, scaled as the forward pass
/// scaled them. `p` is the probability of dropping a unit.
@Suite("Dropout backward pass")
struct BackwardTests {
  static let gradient: Matrix = [[1, 2], [3, 4]]
  static let mask: Matrix = [[1, 0], [0, 1]]

  @Test("E6.6 a 2x2 gradient and a fixed mask, by hand: dropped units pass nothing")
  func byHand() {
    let notes = dropoutBackward(Self.gradient, mask: Self.mask, p: 0.2, convention: .notes)
    diagnose(notes, equals: [[1, 0], [0, 4]], p: 0.2, scale: 1, "notes, p = 0.2")
    let inverted = dropoutBackward(
      Self.gradient, mask: Self.mask, p: 0.2, convention: .inverted)
    diagnose(inverted, equals: [[1.25, 0], [0, 5]], p: 0.2, scale: 1.25, "inverted, p = 0.2")
    let seventy = dropoutBackward(Self.gradient, mask: Self.mask, p: 0.7, convention: .inverted)
    diagnose(
      seventy, equals: [[1 / 0.3, 0], [0, 4 / 0.3]], p: 0.7, scale: 1 / 0.3, "inverted, p = 0.7")
  }

  /// Compares, and names the classic mistake when the result is one of them.
  private func diagnose(
    _ computed: Matrix, equals expected: Matrix, p: Double, scale: Double, _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if expectMatrix(
      computed, equals: expected, tolerance: 1e-12, context, sourceLocation: sourceLocation)
    {
      return
    }
    func near(_ other: Matrix) -> Bool {
      computed.isApproximatelyEqual(to: other, absoluteTolerance: 1e-9)
    }
    if near(scale * Self.gradient) {
      fail(
        said(
          "\(context): gradient flowed through the dropped units; multiply by the mask",
          "\(context)：梯度流过了被丢弃的单元；要乘以掩码"))
    } else if near(Self.gradient.hadamard(Self.mask) / p) {
      fail(
        said(
          "\(context): divided by p; inverted dropout divides by 1 - p, the keep probability",
          "\(context)：除以了 p；反向 Dropout 除以保留的概率 1 - p"))
    } else if scale != 1 && near(Self.gradient.hadamard(Self.mask)) {
      fail(
        said(
          "\(context): the gradient was not scaled: the backward pass scales by 1 / (1 - p), as "
            + "the forward pass did",
          "\(context)：梯度没有缩放：反向传播要和前向传播一样乘以 1 / (1 - p)"))
    }
  }

  static let fixedMask: Matrix = [
    [1, 0, 1, 1, 0], [0, 0, 1, 0, 1], [1, 1, 0, 1, 1], [0, 1, 1, 0, 0],
  ]

  @Test(
    "E6.6 gradient check with a fixed mask: relError below 1e-8",
    arguments: DropoutConvention.allCases, [0.2, 0.5, 0.7])
  func gradientCheck(_ convention: DropoutConvention, _ p: Double) {
    var generator = SeededGenerator(seed: 70)
    let a = Matrix.random(rows: 4, columns: 5, in: -2...2, using: &generator)
    // ℓ(a) = Σ c ⊙ y(a): its gradient with respect to y is c, any upstream gradient.
    let c = Matrix.random(rows: 4, columns: 5, in: -1...1, using: &generator)
    let loss = { (a: Matrix) -> Double in
      applyDropoutMask(a, mask: Self.fixedMask, p: p, convention: convention).hadamard(c).sum()
    }
    let numeric = numericalGradient(of: loss, at: a)
    let analytic = dropoutBackward(c, mask: Self.fixedMask, p: p, convention: convention)
    expectGradient(analytic, matches: numeric, below: 1e-8, "\(convention), p = \(p)")
    // The gradient check alone would pass a forward and a backward pass that share a mistake.
    let scale = convention == .inverted ? 1 / (1 - p) : 1
    expectMatrix(
      analytic, equals: scale * c.hadamard(Self.fixedMask), tolerance: 1e-12,
      "\(convention), p = \(p)")
  }

  @Test(
    "E6.6 with the forward pass's own mask: zero gradient exactly where units were dropped",
    arguments: DropoutConvention.allCases)
  func ownMask(_ convention: DropoutConvention) {
    var generator = SeededGenerator(seed: 71)
    let a = Matrix.random(rows: 8, columns: 6, using: &generator)
    let (_, drawn) = dropoutForward(
      a, p: 0.7, mode: .training, convention: convention, using: &generator)
    guard let mask = drawn, expectShape(mask, a.shape, said("mask", "掩码")),
      MaskMeasures.isZeroOne(mask)
    else {
      fail(
        said(
          "training must return its mask, an 8 x 6 matrix of 0s and 1s",
          "训练模式必须返回它的掩码：一个只含 0 和 1 的 8 x 6 矩阵"))
      return
    }
    let ones = Matrix(rows: 8, columns: 6, repeating: 1)
    let delta = dropoutBackward(ones, mask: mask, p: 0.7, convention: convention)
    let kept = convention == .inverted ? 1 / 0.3 : 1
    expectMatrix(delta, equals: kept * mask, tolerance: 1e-12, "\(convention), p = 0.7")
  }
}
