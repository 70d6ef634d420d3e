import Dropout
import LectureKit
import TestSupport
import Testing

/// The forward pass in training (a mask, and under inverted dropout the factor 1 / (1 - p)) and
/// in evaluation (the identity under both conventions). `p` is the probability of dropping.
@Suite("Dropout forward pass")
struct ForwardTests {
  static let activations: Matrix = [[1, 2, 3], [4, 5, 6]]
  static let mask: Matrix = [[1, 0, 1], [0, 1, 1]]

  @Test("E6.6 a 2x3 batch and a fixed mask, p = 0.2: the notes keep 1·a, inverted 1.25·a")
  func byHand() {
    let a = Self.activations
    let kept = a.hadamard(Self.mask)
    let notes = applyDropoutMask(a, mask: Self.mask, p: 0.2, convention: .notes)
    expectMatrix(
      notes, equals: [[1, 0, 3], [0, 5, 6]],
      unlike: [
        KnownMistake(
          "the notes' convention scaled kept units: it leaves them as they are while training "
            + "(inverted dropout divides by 1 - p)",
          zh: "讲义的约定缩放了保留的单元：训练时它们保持原样（反向 Dropout 才除以 1 - p）",
          kept / 0.8),
        KnownMistake(
          "the mask was not applied: a dropped unit's output is 0",
          zh: "没有乘掩码：被丢弃的单元输出为 0", a),
        KnownMistake(
          "the mask was read the wrong way round: 1 is a kept unit, 0 a dropped one",
          zh: "掩码读反了：1 是保留的单元，0 是丢弃的单元", a - kept),
      ], said("notes' convention", "讲义的约定"))
    let inverted = applyDropoutMask(a, mask: Self.mask, p: 0.2, convention: .inverted)
    expectMatrix(
      inverted, equals: [[1.25, 0, 3.75], [0, 6.25, 7.5]],
      unlike: [
        KnownMistake(
          "kept units were divided by p; divide by 1 - p, the probability of keeping",
          zh: "保留的单元除以了 p：应除以保留的概率 1 - p", kept / 0.2),
        KnownMistake(
          "kept units were multiplied by 1 - p: inverted dropout divides by it while training",
          zh: "保留的单元乘了 1 - p：反向 Dropout 训练时要除以 1 - p",
          0.8 * kept),
        KnownMistake(
          "kept units were not scaled: inverted dropout divides by 1 - p",
          zh: "保留的单元没有缩放：反向 Dropout 要除以 1 - p", kept),
      ], "inverted")
  }

  @Test(
    "E6.6 the same batch for p = 0.5 and 0.7: kept units scaled by 1 / (1 - p) under inverted",
    arguments: [0.5, 0.7])
  func otherProbabilities(_ p: Double) {
    let a = Self.activations
    let kept = a.hadamard(Self.mask)
    expectMatrix(
      applyDropoutMask(a, mask: Self.mask, p: p, convention: .notes), equals: kept,
      said(
        "notes' convention, p = \(p): no scaling while training", "讲义的约定，p = \(p)：训练时不缩放"))
    let inverted = applyDropoutMask(a, mask: Self.mask, p: p, convention: .inverted)
    guard expectMatrix(inverted, equals: kept / (1 - p), tolerance: 1e-12, "p = \(p)") else {
      if inverted.isApproximatelyEqual(to: kept / p, absoluteTolerance: 1e-9) {
        fail(
          said(
            "kept units were divided by p; divide by 1 - p, the probability of keeping",
            "保留的单元除以了 p：应除以保留的概率 1 - p"))
      }
      return
    }
  }

  @Test(
    "E6.6 training: dropped units are 0, surviving entries are x / (1 - p) (inverted) or x",
    arguments: DropoutConvention.allCases, [0.2, 0.5, 0.7])
  func surviving(_ convention: DropoutConvention, _ p: Double) {
    var generator = SeededGenerator(seed: 66)
    let a = Matrix.random(rows: 12, columns: 9, in: -3...3, using: &generator)
    let (y, mask) = dropoutForward(
      a, p: p, mode: .training, convention: convention, using: &generator)
    guard expectShape(y, a.shape, said("output", "输出")) else { return }
    guard let mask else {
      fail(said("training returns the mask it drew", "训练模式要返回它抽出的掩码"))
      return
    }
    guard expectShape(mask, a.shape, said("mask", "掩码")), MaskMeasures.isZeroOne(mask) else {
      return
    }
    let scale = convention == .inverted ? 1 / (1 - p) : 1
    expectEvery(a.elements.indices) { index in
      let (x, out) = (a.elements[index], y.elements[index])
      if mask.elements[index] == 0 {
        return out == 0
          ? nil
          : said(
            "entry \(index) was dropped, so its output is 0, not \(out)",
            "元素 \(index) 被丢弃了，输出应为 0，不是 \(out)")
      }
      return out.isApproximatelyEqual(to: x * scale, absoluteTolerance: 0, relativeTolerance: 1e-12)
        ? nil
        : said(
          "\(convention), p = \(p): kept entry \(index) is \(x) -> \(out), not \(x * scale)",
          "\(convention)，p = \(p)：保留的元素 \(index) 是 \(x) -> \(out)，应为 \(x * scale)")
    }
    let zeroed = MaskMeasures.fractionZero(mask)
    #expect(
      zeroed > 0 && zeroed < 1,
      Comment(
        rawValue: said(
          "108 draws keep some units and drop others", "抽 108 次，应该有的单元保留、有的丢弃")))
  }

  @Test(
    "E6.6 training returns the mask it applied, with the convention asked for: backward needs it",
    arguments: DropoutConvention.allCases)
  func returnedMaskIsApplied(_ convention: DropoutConvention) {
    var generator = SeededGenerator(seed: 76)
    // Between 1 and 2: an output of 0 is a dropped unit.
    let a = Matrix.random(rows: 10, columns: 8, in: 1...2, using: &generator)
    let (y, drawn) = dropoutForward(
      a, p: 0.5, mode: .training, convention: convention, using: &generator)
    guard expectShape(y, a.shape, said("output", "输出")) else { return }
    guard let mask = drawn, expectShape(mask, a.shape, said("mask", "掩码")),
      MaskMeasures.isZeroOne(mask)
    else {
      fail(
        said(
          "training must return its mask, a 10 x 8 matrix of 0s and 1s",
          "训练模式必须返回它的掩码：一个只含 0 和 1 的 10 x 8 矩阵"))
      return
    }
    let keptUnits = Matrix(rows: a.rows, columns: a.columns) { y[$0, $1] == 0 ? 0 : 1 }
    guard
      expectMatrix(
        keptUnits, equals: mask,
        unlike: [
          KnownMistake(
            "the mask returned is not the one applied: the backward pass must get the forward "
              + "pass's own mask",
            zh: "返回的掩码不是乘上去的那个：反向传播必须用前向传播自己的掩码",
            where: { $0.elements.contains(0) })
        ], said("units kept (1) in the output", "输出中保留的单元（1）"))
    else { return }
    let other: DropoutConvention = convention == .notes ? .inverted : .notes
    expectMatrix(
      y, equals: convention == .inverted ? 2 * a.hadamard(mask) : a.hadamard(mask),
      unlike: [
        KnownMistake(
          "the convention was not passed on: the mask was applied with the other convention",
          zh: "没有把约定传下去：乘掩码时用了另一个约定",
          applyDropoutMask(a, mask: mask, p: 0.5, convention: other))
      ], tolerance: 1e-12, "\(convention), p = 0.5")
  }

  @Test(
    "E6.6 evaluation is the identity under both conventions, draws nothing, returns no mask",
    arguments: DropoutConvention.allCases, [0.2, 0.5, 0.7])
  func evaluation(_ convention: DropoutConvention, _ p: Double) {
    var generator = SeededGenerator(seed: 67)
    var untouched = SeededGenerator(seed: 67)
    let a = Matrix.random(rows: 5, columns: 4, in: -2...2, using: &untouched)
    _ = Matrix.random(rows: 5, columns: 4, in: -2...2, using: &generator)
    let (y, mask) = dropoutForward(
      a, p: p, mode: .evaluation, convention: convention, using: &generator)
    // a has no entry that is exactly 0, so a 0 in the output is a dropped unit.
    guard
      expectMatrix(
        y, equals: a,
        unlike: [
          KnownMistake(
            "evaluation scaled the activations by 1 - p: inverted dropout does nothing at test "
              + "time, and the notes put 1 - p into the outgoing weights (testTimeWeights)",
            zh: "评估模式把激活乘了 1 - p：反向 Dropout 在测试时什么也不做，"
              + "讲义则把 1 - p 乘进输出权重（testTimeWeights）",
            (1 - p) * a, tolerance: 1e-12),
          KnownMistake(
            "evaluation dropped units: at test time every unit is on and nothing is random",
            zh: "评估模式丢弃了单元：测试时每个单元都参与，什么也不随机",
            where: { $0.shape == a.shape && $0.elements.contains(0) }),
        ], tolerance: 0, "\(convention), p = \(p)")
    else { return }
    #expect(
      mask == nil,
      Comment(
        rawValue: said("evaluation drops nothing, so it has no mask", "评估模式什么都不丢弃，所以没有掩码")))
    #expect(
      generator.next() == untouched.next(),
      Comment(rawValue: said("evaluation must not draw random numbers", "评估模式不能抽随机数")))
  }

  @Test(
    "E6.6 p = 0 in training drops nothing and scales nothing", arguments: DropoutConvention.allCases
  )
  func zeroProbability(_ convention: DropoutConvention) {
    var generator = SeededGenerator(seed: 68)
    let a = Matrix.random(rows: 6, columns: 5, using: &generator)
    let (y, mask) = dropoutForward(
      a, p: 0, mode: .training, convention: convention, using: &generator)
    guard expectMatrix(y, equals: a, tolerance: 0, "\(convention)") else { return }
    guard let mask else {
      fail(said("training returns the mask it drew", "训练模式要返回它抽出的掩码"))
      return
    }
    expectMatrix(
      mask, equals: Matrix(rows: 6, columns: 5, repeating: 1),
      said("p = 0 keeps every unit", "p = 0 时保留每个单元"))
  }

  @Test(
    "E6.6 a batch of 30 identical examples: each is dropped differently",
    arguments: DropoutConvention.allCases, [0.3, 0.5])
  func batch(_ convention: DropoutConvention, _ p: Double) {
    var generator = SeededGenerator(seed: 69)
    let example = Matrix.random(rows: 10, columns: 1, in: 1...2, using: &generator)
    let batch = Matrix(rows: 10, columns: 30) { i, _ in example[i, 0] }
    let (y, _) = dropoutForward(
      batch, p: p, mode: .training, convention: convention, using: &generator)
    guard expectShape(y, batch.shape) else { return }
    let patterns = Set((0..<30).map { j in (0..<10).map { i in y[i, j] == 0 } })
    // Two independent 10-unit masks coincide with probability (p² + (1 - p)²)^10 <= 1/1024.
    #expect(
      patterns.count >= 25,
      Comment(
        rawValue: said(
          "the 30 examples were dropped in only \(patterns.count) different ways: one mask per example",
          "30 个样本只有 \(patterns.count) 种不同的丢弃方式：每个样本要有自己的掩码")))
  }
}
