import LectureKit
import TestSupport
import Testing
import WeightSharing

@Suite("Motif detection in a sequence: one detector, five copies, a max")
struct SequenceMotifTests {
  // Windows of 3 in a sequence of 7: the lecture's five copies of the detector.
  static let x = Matrix(column: [1, 0, 2, -1, 3, 2, -2])
  static let w = Matrix(column: [1, -1, 2])

  @Test("E6.10 the detector's five scores, by hand")
  func scores() {
    // s_0 = 1·1 + 0·(-1) + 2·2 = 5, s_1 = 0 - 2 - 2 = -4, s_2 = 2 + 1 + 6 = 9,
    // s_3 = -1 - 3 + 4 = 0, s_4 = 3 - 2 - 4 = -3. A score is a correlation: the flipped
    // detector gives numpy.convolve(x, w, 'valid') = (4, -3, 8, -3, 2) instead. A score that
    // keeps only its last product is w_3 x_(k+2) = 2 x_(k+2).
    expectMatrix(
      motifScores(Self.x, detector: Self.w), equals: Matrix(column: [5, -4, 9, 0, -3]),
      unlike: [
        KnownMistake(
          "the detector was flipped: a score is a correlation, s_k = Σ_j w_j x_(k+j)",
          zh: "检测器被翻转了：得分是互相关，s_k = Σ_j w_j x_(k+j)",
          Matrix(column: [4, -3, 8, -3, 2])),
        KnownMistake(
          "the last window is missing: a detector of m on n entries has n - m + 1 windows",
          zh: "少了最后一个窗口：长 m 的检测器在 n 个数上有 n - m + 1 个窗口",
          Matrix(column: [5, -4, 9, 0])),
        KnownMistake(
          "each product overwrote the last: a score adds up all m products of its window",
          zh: "每个乘积覆盖了前一个：得分要把窗口的 m 个乘积全部加起来",
          Matrix(column: [4, -2, 6, 4, -4])),
      ])
  }

  /// The mistakes of a gradient for the shared weights, given the gradients each gives.
  static func gradientMistakes(averaged: Matrix, weights: Matrix, everyCopy: Matrix? = nil)
    -> [KnownMistake]
  {
    var mistakes = [
      KnownMistake(
        "the copies' gradients were averaged: the shared weights' gradient is their sum",
        zh: "各个副本的梯度取了平均：共享权重的梯度是它们的和", averaged),
      KnownMistake(
        "∂s_k/∂w_j was taken as w_j: it is the window's entry x_(k+j)",
        zh: "把 ∂s_k/∂w_j 当成了 w_j：应为窗口里的 x_(k+j)", weights),
    ]
    if let everyCopy {
      mistakes.append(
        KnownMistake(
          "under max every copy passed its gradient back: only the winning copy does",
          zh: "最大池化时每个副本都传回了梯度：只有胜出的副本传回梯度", everyCopy))
    }
    return mistakes
  }

  @Test("E6.10 under max only the winning copy contributes: the gradient is its window")
  func maxGradient() {
    // Window 2, (2, -1, 3), has the largest score, 9. The five windows add up to (5, 6, 4).
    expectMatrix(
      detectorGradient(Self.x, detector: Self.w, pooling: .max),
      equals: Matrix(column: [2, -1, 3]),
      unlike: Self.gradientMistakes(
        averaged: Matrix(column: [0.4, -0.2, 0.6]), weights: Self.w,
        everyCopy: Matrix(column: [5, 6, 4])))
  }

  @Test("E6.10 under a sum every copy contributes: the gradient is the sum of the five windows")
  func sumGradient() {
    // (1 + 0 + 2 - 1 + 3, 0 + 2 - 1 + 3 + 2, 2 - 1 + 3 + 2 - 2) = (5, 6, 4).
    expectMatrix(
      detectorGradient(Self.x, detector: Self.w, pooling: .sum), equals: Matrix(column: [5, 6, 4]),
      unlike: Self.gradientMistakes(
        averaged: Matrix(column: [1, 1.2, 0.8]), weights: 5 * Self.w))
  }

  @Test("E6.10 a detector of one weight scores every entry; its gradient is the winner or the sum")
  func detectorOfOne() {
    // numpy: s = 3 x; under max the winner is entry 4 (x = 3); under a sum Σ x = 5.
    let w = Matrix(column: [3])
    expectMatrix(
      motifScores(Self.x, detector: w), equals: Matrix(column: [3, 0, 6, -3, 9, 6, -6]),
      unlike: [
        KnownMistake(
          "the last window is missing: a detector of m on n entries has n - m + 1 windows",
          zh: "少了最后一个窗口：长 m 的检测器在 n 个数上有 n - m + 1 个窗口",
          Matrix(column: [3, 0, 6, -3, 9, 6]))
      ], said("scores", "得分"))
    expectMatrix(
      detectorGradient(Self.x, detector: w, pooling: .max), equals: Matrix(column: [3]),
      said("max", "最大值"))
    expectMatrix(
      detectorGradient(Self.x, detector: w, pooling: .sum), equals: Matrix(column: [5]),
      unlike: Self.gradientMistakes(averaged: Matrix(column: [5.0 / 7]), weights: 7 * w),
      said("sum", "求和"))
  }

  @Test("E6.10 a detector of five weights has three copies in a sequence of 7, one in a 5")
  func detectorOfFive() {
    // numpy: windows = sliding_window_view(x, 5); s = windows @ w = (0, 9, 1); the winner's
    // window is windows[1]; windows.sum(0) = (3, 1, 4, 4, 3).
    let w = Matrix(column: [1, 0, -1, 2, 1])
    expectMatrix(
      motifScores(Self.x, detector: w), equals: Matrix(column: [0, 9, 1]),
      unlike: [
        KnownMistake(
          "the last window is missing: a detector of m on n entries has n - m + 1 windows",
          zh: "少了最后一个窗口：长 m 的检测器在 n 个数上有 n - m + 1 个窗口",
          Matrix(column: [0, 9]))
      ], said("scores", "得分"))
    expectMatrix(
      detectorGradient(Self.x, detector: w, pooling: .max),
      equals: Matrix(column: [0, 2, -1, 3, 2]), said("max", "最大值"))
    expectMatrix(
      detectorGradient(Self.x, detector: w, pooling: .sum),
      equals: Matrix(column: [3, 1, 4, 4, 3]),
      unlike: Self.gradientMistakes(
        averaged: Matrix(column: [1, 1.0 / 3, 4.0 / 3, 4.0 / 3, 1]), weights: 3 * w),
      said("sum", "求和"))
    // As long as the sequence: one window, the whole sequence.
    let five = Matrix(column: [2, -1, 0, 1, 3])
    expectMatrix(
      motifScores(five, detector: w), equals: Matrix(column: [7]), said("one window", "一个窗口"))
  }

  @Test("E6.10 under a soft maximum every copy contributes, weighted by softmax(s)")
  func softMaximumGradient() {
    // numpy: W = windows as rows, s = W @ w, p = softmax(s); p @ W.
    expectMatrix(
      detectorGradient(Self.x, detector: Self.w, pooling: .softMaximum),
      equals: Matrix(column: [1.98165419, -0.98150666, 2.9818559]), tolerance: 1e-8)
  }

  @Test("E6.10 on a tie under max the first winning copy takes the whole gradient")
  func tie() {
    // With w = (1, 1, 1) windows 1, (3, 1, 1), and 3, (1, 2, 2), both score 5.
    let x = Matrix(column: [0, 3, 1, 1, 2, 2, 0])
    let gradient = detectorGradient(x, detector: Matrix(column: [1, 1, 1]), pooling: .max)
    guard expectMatrix(gradient, equals: Matrix(column: [3, 1, 1])) else {
      if gradient == Matrix(column: [1, 2, 2]) {
        fail(said("the last winner took the gradient", "梯度全给了最后一个胜出的副本"))
      }
      if gradient == Matrix(column: [2, 1.5, 1.5]) {
        fail(said("the winners shared the gradient", "几个胜出的副本平分了梯度"))
      }
      return
    }
  }

  @Test(
    "E6.10 the gradient for the shared weights passes the gradient check",
    arguments: ScorePooling.allCases)
  func gradientCheck(_ pooling: ScorePooling) {
    var generator = SeededGenerator(seed: 610)
    let x = Matrix.random(rows: 7, columns: 1, in: -2...2, using: &generator)
    let w = Matrix.random(rows: 3, columns: 1, using: &generator)
    let numeric = numericalGradient(of: { motifOutput(x, detector: $0, pooling: pooling) }, at: w)
    expectGradient(detectorGradient(x, detector: w, pooling: pooling), matches: numeric)
  }

  @Test("E6.10 two backward passes without zeroing add up; zeroing between steps is needed")
  func zeroingGradients() {
    // Under a sum the gradient is (5, 6, 4) whatever w is, which makes the arithmetic plain.
    var detector = SharedDetector(weights: Self.w)
    detector.backward(on: Self.x, pooling: .sum)
    detector.backward(on: Self.x, pooling: .sum)
    expectMatrix(
      detector.gradient, equals: Matrix(column: [10, 12, 8]), said("two passes", "两次反向传播"))

    var zeroed = SharedDetector(weights: Self.w)
    var forgetful = SharedDetector(weights: Self.w)
    for _ in 0..<2 {
      zeroed.zeroGradient()
      zeroed.backward(on: Self.x, pooling: .sum)
      zeroed.step(learningRate: 0.1)
      forgetful.backward(on: Self.x, pooling: .sum)
      forgetful.step(learningRate: 0.1)
    }
    // w - 2 η g with zeroing; w - η g - η (g + g) = w - 3 η g without.
    expectMatrix(
      zeroed.weights, equals: Matrix(column: [0, -2.2, 1.2]), tolerance: 1e-12,
      said("zeroed", "每步清零"))
    expectMatrix(
      forgetful.weights, equals: Matrix(column: [-0.5, -2.8, 0.8]), tolerance: 1e-12,
      said("not zeroed", "不清零"))
  }
}
