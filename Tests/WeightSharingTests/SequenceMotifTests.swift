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
    // detector gives numpy.convolve(x, w, 'valid') = (4, -3, 8, -3, 2) instead.
    let scores = motifScores(Self.x, detector: Self.w)
    guard expectMatrix(scores, equals: Matrix(column: [5, -4, 9, 0, -3])) else {
      if scores == Matrix(column: [4, -3, 8, -3, 2]) {
        fail(said("the detector was flipped", "检测器被翻转了"))
      }
      return
    }
  }

  @Test("E6.10 under max only the winning copy contributes: the gradient is its window")
  func maxGradient() {
    // Window 2, (2, -1, 3), has the largest score, 9.
    expectMatrix(
      detectorGradient(Self.x, detector: Self.w, pooling: .max), equals: Matrix(column: [2, -1, 3]))
  }

  @Test("E6.10 under a sum every copy contributes: the gradient is the sum of the five windows")
  func sumGradient() {
    // (1 + 0 + 2 - 1 + 3, 0 + 2 - 1 + 3 + 2, 2 - 1 + 3 + 2 - 2) = (5, 6, 4).
    expectMatrix(
      detectorGradient(Self.x, detector: Self.w, pooling: .sum), equals: Matrix(column: [5, 6, 4]))
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
