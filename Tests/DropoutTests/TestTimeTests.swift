import Dropout
import LectureKit
import TestSupport
import Testing

/// At test time every unit is on. The notes multiply the outgoing weights by 1 - p (the keep
/// probability; `p` is the probability of dropping), inverted dropout changes nothing; either
/// way the next layer sees at test time the pre-activation it saw on average while training.
@Suite("Dropout at test time")
struct TestTimeTests {
  /// A dropout layer of 4 units feeding a layer of 3: z = W^T y + b, W is 4 x 3 (`004`,
  /// section 3: W^l is (units in l - 1) x (units in l)).
  static let a = Matrix(column: [0.5, -1.2, 2.0, 0.8])
  static let weights: Matrix = [
    [0.3, -0.7, 1.1], [0.9, 0.2, -0.4], [-0.5, 0.6, 0.8], [1.5, -1.0, 0.1],
  ]
  static let bias = Matrix(column: [0.1, -0.2, 0.3])

  /// What the classic mistakes make of the notes' test-time weights for `p`.
  static func notesMistakes(_ weights: Matrix, p: Double) -> [KnownMistake] {
    [
      KnownMistake(
        "the weights were multiplied by p; multiply by 1 - p, the probability of keeping",
        zh: "权重乘了 p；应乘以保留的概率 1 - p", p * weights),
      KnownMistake(
        "the weights were divided by 1 - p: at test time the notes multiply by it",
        zh: "权重除以了 1 - p：测试时讲义是乘以 1 - p", weights / (1 - p)),
      KnownMistake(
        "the notes' weights were left as trained: multiply them by 1 - p",
        zh: "讲义约定下的权重保持了训练时的值：要乘以 1 - p", weights),
    ]
  }

  @Test("E6.6 the notes' test-time weights: (1 - p)·W, so W/2 for the lecture's p = 1/2")
  func notesWeights() {
    let weights = Self.weights
    expectMatrix(
      testTimeWeights(weights, p: 0.5, convention: .notes), equals: weights / 2,
      unlike: Self.notesMistakes(weights, p: 0.5), tolerance: 1e-15,
      said("p = 1/2: the notes halve the outgoing weights", "p = 1/2：讲义把输出权重减半"))
    for p in [0.2, 0.7] {
      guard
        expectMatrix(
          testTimeWeights(weights, p: p, convention: .notes), equals: (1 - p) * weights,
          unlike: Self.notesMistakes(weights, p: p), tolerance: 1e-15, "p = \(p)")
      else { return }
    }
  }

  @Test("E6.6 inverted dropout leaves the weights alone at test time", arguments: [0.2, 0.5, 0.7])
  func invertedWeights(_ p: Double) {
    let computed = testTimeWeights(Self.weights, p: p, convention: .inverted)
    guard expectMatrix(computed, equals: Self.weights, tolerance: 0, "p = \(p)") else {
      if computed.isApproximatelyEqual(to: (1 - p) * Self.weights, absoluteTolerance: 1e-12) {
        fail(
          said(
            "inverted dropout scaled while training already: scaling again counts 1 - p twice",
            "反向 Dropout 训练时已经缩放过：再缩放一次就把 1 - p 算了两遍"))
      }
      return
    }
  }

  /// Every mask of the 4 units with its probability: a unit is 0 with probability p.
  static func allMasks(p: Double) -> [(mask: Matrix, probability: Double)] {
    (0..<16).map { bits in
      let keep = (0..<4).map { unit in Double((bits >> unit) & 1) }
      let probability = keep.map { $0 == 1 ? 1 - p : p }.reduce(1, *)
      return (Matrix(column: keep), probability)
    }
  }

  /// E[z] while training: Σ over the 16 masks of P(mask) · (W^T y(mask) + b).
  static func expectedTraining(p: Double, convention: DropoutConvention) -> Matrix {
    var expected = Matrix(rows: 3, columns: 1)
    for (mask, probability) in allMasks(p: p) {
      let y = applyDropoutMask(a, mask: mask, p: p, convention: convention)
      expected += probability * (weights.transposed() * y + bias)
    }
    return expected
  }

  /// z at test time: every unit on (evaluation mode) and the test-time weights.
  static func testTime(p: Double, convention: DropoutConvention) -> Matrix {
    var generator = SeededGenerator(seed: 72)
    let y = dropoutForward(a, p: p, mode: .evaluation, convention: convention, using: &generator)
    return testTimeWeights(weights, p: p, convention: convention).transposed() * y.output + bias
  }

  @Test(
    "E6.6 all 16 masks of a 4-unit layer: expected training z equals test-time z",
    arguments: DropoutConvention.allCases, [0.2, 0.5, 0.7])
  func expectationMatches(_ convention: DropoutConvention, _ p: Double) {
    #expect(abs(Self.allMasks(p: p).map(\.probability).reduce(0, +) - 1) < 1e-15)
    let training = Self.expectedTraining(p: p, convention: convention)
    let test = Self.testTime(p: p, convention: convention)
    // Both equal (1 - p) W^T a + b (notes) or W^T a + b (inverted).
    let keep = convention == .notes ? 1 - p : 1
    let exact = keep * (Self.weights.transposed() * Self.a) + Self.bias
    expectMatrix(
      training, equals: exact, tolerance: 1e-12,
      said("expected training z, \(convention)", "训练时 z 的期望，\(convention)"))
    expectMatrix(
      test, equals: training, tolerance: 1e-12,
      said("test-time z, \(convention), p = \(p)", "测试时的 z，\(convention)，p = \(p)"))
  }

  @Test(
    "E6.6 mixing the conventions misses the expected z by p·W^T a", arguments: [0.2, 0.5, 0.7])
  func mixing(_ p: Double) {
    let shift = p * (Self.weights.transposed() * Self.a)
    #expect(
      shift.norm() > 0.1,
      Comment(rawValue: said("the example must show the difference", "这个例子必须显出差别")))
    // Trained without scaling (notes), tested without scaling (inverted): too large by p·W^T a.
    let notesThenInverted =
      Self.testTime(p: p, convention: .inverted)
      - Self.expectedTraining(p: p, convention: .notes)
    expectMatrix(
      notesThenInverted, equals: shift, tolerance: 1e-12,
      said("notes, then inverted", "先 notes，后 inverted"))
    // Trained with 1 / (1 - p) (inverted), tested with (1 - p)·W (notes): too small by p·W^T a.
    let invertedThenNotes =
      Self.testTime(p: p, convention: .notes)
      - Self.expectedTraining(p: p, convention: .inverted)
    expectMatrix(
      invertedThenNotes, equals: -shift, tolerance: 1e-12,
      said("inverted, then notes", "先 inverted，后 notes"))
  }
}
