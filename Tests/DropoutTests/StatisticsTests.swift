import Dropout
import LectureKit
import TestSupport
import Testing

/// Dropout on 250,000 values around 10. With p the probability of dropping: about p of the
/// outputs are 0; inverted dropout keeps the mean, the notes' convention multiplies it by
/// 1 - p. (In a debug build one 500 x 500 forward pass takes about a tenth of a second, most of
/// it in the 250,000 random draws.)
@Suite("Dropout statistics on a 500x500 input")
struct StatisticsTests {
  static let input = MaskMeasures.largeInput

  @Test(
    "E6.6 training: fraction zeroed within 0.01 of p, mean within 1% of the expected mean",
    arguments: [0.2, 0.5, 0.7])
  func training(_ p: Double) {
    // One mask serves both conventions: the draws are what a debug build spends its time on.
    var generator = SeededGenerator(seed: 73)
    let (inverted, drawn) = dropoutForward(
      Self.input, p: p, mode: .training, convention: .inverted, using: &generator)
    guard expectShape(inverted, Self.input.shape, said("inverted, p = \(p)", "inverted，p = \(p)"))
    else { return }
    guard let mask = drawn else {
      fail(said("training returns the mask it drew", "训练模式要返回它抽出的掩码"))
      return
    }
    let notes = applyDropoutMask(Self.input, mask: mask, p: p, convention: .notes)
    let inputMean = MaskMeasures.mean(Self.input)
    check(inverted, p: p, expectedMean: inputMean, "inverted")
    check(notes, p: p, expectedMean: (1 - p) * inputMean, "notes")
  }

  private func check(
    _ y: Matrix, p: Double, expectedMean: Double, _ convention: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let zeroed = MaskMeasures.fractionZero(y)
    if abs(zeroed - (1 - p)) < 0.01 && p != 0.5 {
      fail(
        said(
          "\(zeroed) of the outputs are 0, about 1 - p: p is the probability of dropping",
          "输出中有 \(zeroed) 为 0，约为 1 - p：p 是丢弃的概率"),
        sourceLocation: sourceLocation)
    }
    expectClose(
      zeroed, p, tolerance: 0.01, said("fraction zeroed, \(convention)", "为 0 的比例，\(convention)"),
      sourceLocation: sourceLocation)
    let mean = MaskMeasures.mean(y)
    #expect(
      abs(mean - expectedMean) <= 0.01 * expectedMean,
      Comment(
        rawValue: said(
          """
          \(convention), p = \(p): the output's mean is \(mean), but should be within 1% of \
          \(expectedMean)
          """,
          "\(convention)，p = \(p)：输出的均值是 \(mean)，应在 \(expectedMean) 的 1% 以内")),
      sourceLocation: sourceLocation)
  }

  @Test(
    "E6.6 evaluation mode is the identity on the large input", arguments: DropoutConvention.allCases
  )
  func evaluation(_ convention: DropoutConvention) {
    var generator = SeededGenerator(seed: 74)
    for p in [0.2, 0.5, 0.7] {
      let (y, _) = dropoutForward(
        Self.input, p: p, mode: .evaluation, convention: convention, using: &generator)
      MaskMeasures.expectUnchanged(
        y, Self.input, said("evaluation, \(convention), p = \(p)", "评估模式，\(convention)，p = \(p)"))
    }
  }

  @Test("E6.6 p = 0 in training is the identity on the large input")
  func zeroProbability() {
    var generator = SeededGenerator(seed: 75)
    let (y, _) = dropoutForward(
      Self.input, p: 0, mode: .training, convention: .inverted, using: &generator)
    // Nothing dropped, and kept units scaled by 1 / (1 - 0) = 1.
    MaskMeasures.expectUnchanged(y, Self.input, said("training with p = 0", "训练模式，p = 0"))
  }
}
