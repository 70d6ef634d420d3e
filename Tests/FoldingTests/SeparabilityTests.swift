import Folding
import LectureKit
import TestSupport
import Testing

/// The perceptron as a test of linear separability. Every test also has a separable case, so
/// that the stub's constant `false` fails each of them.
@Suite("Lecture 000: is a point set linearly separable?")
struct SeparabilityTests {
  static let corners: Matrix = [[0, 0], [1, 0], [0, 1], [1, 1]]

  @Test("E6.12 AND is separable, XOR is not")
  func andAndXor() {
    #expect(perceptronSeparates(Self.corners, labels: [-1, -1, -1, 1], epochs: 100), "AND")
    #expect(!perceptronSeparates(Self.corners, labels: [-1, 1, 1, -1], epochs: 1000), "XOR")
  }

  @Test("E6.12 a separating line need not pass through the origin: the perceptron has a bias")
  func needsBias() {
    // On the line y = 1: x < 2 is one class, x > 2 the other. A line through the origin
    // cannot cut there and keep both classes apart.
    let points: Matrix = [[1, 1], [1.5, 1], [2.5, 1], [3, 1]]
    #expect(perceptronSeparates(points, labels: [-1, -1, 1, 1], epochs: 200))
    #expect(perceptronSeparates(points, labels: [1, 1, -1, -1], epochs: 200))
  }

  @Test("E6.12 two classes that share a point cannot be separated")
  func sharedPoint() {
    let points: Matrix = [[0, 0], [1, 1], [1, 1], [2, 2]]
    #expect(!perceptronSeparates(points, labels: [-1, -1, 1, 1], epochs: 1000))
    #expect(perceptronSeparates(points, labels: [-1, 1, 1, 1], epochs: 1000))
  }

  @Test("E6.12 a set that needs two passes is separable; a class between the other is not")
  func twoPasses() {
    // Starting from w = 0, c = 0, the first pass corrects several times; the second makes no
    // correction. The perceptron must not stop after a pass that corrected.
    let points: Matrix = [
      [-1, 0.1], [1, -0.1], [-0.5, 0.5], [0.5, -0.5], [0.1, 1], [-0.1, -1],
    ]
    #expect(perceptronSeparates(points, labels: [-1, 1, -1, 1, -1, 1], epochs: 1000))
    let between: Matrix = [[-1, 0], [0, 0], [1, 0]]
    #expect(!perceptronSeparates(between, labels: [-1, 1, -1], epochs: 1000))
  }

  @Test("E6.12 in more dimensions: the corners of a cube, cut by a plane or by parity")
  func cube() {
    let corners: [[Double]] = (0..<8).map { (k: Int) -> [Double] in
      [Double(k & 1), Double((k >> 1) & 1), Double(k >> 2)]
    }
    let cube = Matrix(corners)
    let plane = (0..<8).map { k in k.nonzeroBitCount >= 2 ? 1.0 : -1.0 }
    let parity = (0..<8).map { k in k.nonzeroBitCount % 2 == 0 ? 1.0 : -1.0 }
    #expect(
      perceptronSeparates(cube, labels: plane, epochs: 100),
      Comment(rawValue: said("at least two ones", "至少两个 1")))
    #expect(
      !perceptronSeparates(cube, labels: parity, epochs: 1000),
      Comment(rawValue: said("parity", "奇偶性")))
  }

  @Test("E6.12 the epoch bound: a thin margin takes more passes than one")
  func epochBound() {
    // Separated by the line x = 2 with a margin of 0.1: by the rule above the perceptron
    // needs 6 passes (numpy, the same loop).
    let thin: Matrix = [[1.9, 0], [2.1, 0], [1.9, 1], [2.1, 1], [1.9, 2], [2.1, 2]]
    let labels: [Double] = [-1, 1, -1, 1, -1, 1]
    #expect(
      !perceptronSeparates(thin, labels: labels, epochs: 1),
      Comment(rawValue: said("one pass is not enough", "一遍不够")))
    #expect(
      perceptronSeparates(thin, labels: labels, epochs: 10),
      Comment(rawValue: said("ten passes are", "十遍就够")))
  }
}

/// One question to the perceptron: a set, its labels, the most epochs, and the answer.
struct PerceptronCase: Sendable {
  let name: String
  let chineseName: String
  let points: Matrix
  let labels: [Double]
  let epochs: Int
  let separates: Bool
}

/// The perceptron as a slip writes it: the rule of ``perceptronSeparates(_:labels:epochs:)``
/// with one thing changed.
struct PerceptronSlip: Sendable {
  var labelInTest = true
  var labelInUpdate = true
  var biasInScore = true
  var zeroIsWrong = true
  var correctsRightPoints = false
  var resetsCorrections = true
  var extraEpochs = 0

  func separates(_ example: PerceptronCase) -> Int {
    let points = example.points
    var w = [Double](repeating: 0, count: points.columns)
    var c = 0.0
    var corrections = 0
    for _ in 0..<max(0, example.epochs + extraEpochs) {
      if resetsCorrections { corrections = 0 }
      for i in 0..<points.rows {
        let y = example.labels[i]
        var score = biasInScore ? c : 0
        for k in 0..<points.columns { score += w[k] * points[i, k] }
        let margin = labelInTest ? y * score : score
        let wrong =
          correctsRightPoints ? margin > 0 : zeroIsWrong ? margin <= 0 : margin < 0
        if wrong {
          let step = labelInUpdate ? y : 1
          for k in 0..<points.columns { w[k] += step * points[i, k] }
          c += step
          corrections += 1
        }
      }
      if corrections == 0 { return 1 }
    }
    return 0
  }
}

extension SeparabilityTests {
  static let thin: Matrix = [[1.9, 0], [2.1, 0], [1.9, 1], [2.1, 1], [1.9, 2], [2.1, 2]]
  static let twoPassSet: Matrix = [
    [-1, 0.1], [1, -0.1], [-0.5, 0.5], [0.5, -0.5], [0.1, 1], [-0.1, -1],
  ]
  static let cubeCorners = Matrix(
    (0..<8).map { (k: Int) -> [Double] in [Double(k & 1), Double((k >> 1) & 1), Double(k >> 2)] })

  /// The sets of this suite, and two that need exactly the epochs they are given: from w = 0,
  /// c = 0, AND makes its first pass without a correction in epoch 9, the two-pass set in
  /// epoch 2 (Python, the same loop).
  static let table: [PerceptronCase] = [
    PerceptronCase(
      name: "AND", chineseName: "AND", points: corners, labels: [-1, -1, -1, 1], epochs: 100,
      separates: true),
    PerceptronCase(
      name: "XOR", chineseName: "XOR", points: corners, labels: [-1, 1, 1, -1], epochs: 1000,
      separates: false),
    PerceptronCase(
      name: "x < 2 on y = 1", chineseName: "直线 y = 1 上的 x < 2",
      points: [[1, 1], [1.5, 1], [2.5, 1], [3, 1]],
      labels: [-1, -1, 1, 1], epochs: 200, separates: true),
    PerceptronCase(
      name: "a shared point", chineseName: "两类共用一个点", points: [[0, 0], [1, 1], [1, 1], [2, 2]],
      labels: [-1, -1, 1, 1],
      epochs: 1000, separates: false),
    PerceptronCase(
      name: "no shared point", chineseName: "没有共用的点", points: [[0, 0], [1, 1], [1, 1], [2, 2]],
      labels: [-1, 1, 1, 1],
      epochs: 1000, separates: true),
    PerceptronCase(
      name: "a class between the other", chineseName: "一类夹在另一类中间",
      points: [[-1, 0], [0, 0], [1, 0]], labels: [-1, 1, -1],
      epochs: 1000, separates: false),
    PerceptronCase(
      name: "the cube, at least two ones", chineseName: "立方体，至少两个 1", points: cubeCorners,
      labels: (0..<8).map { $0.nonzeroBitCount >= 2 ? 1 : -1 }, epochs: 100, separates: true),
    PerceptronCase(
      name: "the cube, parity", chineseName: "立方体，奇偶性", points: cubeCorners,
      labels: (0..<8).map { $0.nonzeroBitCount % 2 == 0 ? 1 : -1 }, epochs: 1000,
      separates: false),
    PerceptronCase(
      name: "a thin margin", chineseName: "很窄的间隔", points: thin, labels: [-1, 1, -1, 1, -1, 1],
      epochs: 1,
      separates: false),
    PerceptronCase(
      name: "a thin margin", chineseName: "很窄的间隔", points: thin, labels: [-1, 1, -1, 1, -1, 1],
      epochs: 10,
      separates: true),
    PerceptronCase(
      name: "AND", chineseName: "AND", points: corners, labels: [-1, -1, -1, 1], epochs: 9,
      separates: true),
    PerceptronCase(
      name: "AND", chineseName: "AND", points: corners, labels: [-1, -1, -1, 1], epochs: 8,
      separates: false),
    PerceptronCase(
      name: "the two-pass set", chineseName: "要两遍的点集", points: twoPassSet,
      labels: [-1, 1, -1, 1, -1, 1],
      epochs: 2, separates: true),
    PerceptronCase(
      name: "the two-pass set", chineseName: "要两遍的点集", points: twoPassSet,
      labels: [-1, 1, -1, 1, -1, 1],
      epochs: 1, separates: false),
  ]

  static let slips: [(KnownRuleMistake<PerceptronCase>)] = [
    KnownRuleMistake(
      "the margin lacks the label y: a point is wrong when y_i (w · x_i + c) <= 0",
      zh: "间隔漏了标签 y：y_i (w · x_i + c) <= 0 时这个点才分错了",
      PerceptronSlip(labelInTest: false).separates),
    KnownRuleMistake(
      "the update lacks the label: w ← w + y_i x_i and c ← c + y_i",
      zh: "更新漏了标签：w ← w + y_i x_i，c ← c + y_i", PerceptronSlip(labelInUpdate: false).separates),
    KnownRuleMistake(
      "the count of corrections is not reset at each epoch: a pass without a correction means "
        + "separable",
      zh: "修正次数没有在每一轮开始时清零：一轮里没有修正才说明线性可分",
      PerceptronSlip(resetsCorrections: false).separates),
    KnownRuleMistake(
      "a score of 0 was not counted as wrong: from w = 0 every score is 0, and "
        + "y_i (w · x_i + c) <= 0 must be corrected",
      zh: "得分为 0 没有算作分错：从 w = 0 开始每个得分都是 0，y_i (w · x_i + c) <= 0 时要修正",
      PerceptronSlip(zeroIsWrong: false).separates),
    KnownRuleMistake(
      "the update was made on the points already on their side: correct those with "
        + "y_i (w · x_i + c) <= 0",
      zh: "更新的是已经分对的点：要修正的是 y_i (w · x_i + c) <= 0 的点",
      PerceptronSlip(correctsRightPoints: true).separates),
    KnownRuleMistake(
      "the bias c is left out of the score: the line then has to pass through the origin",
      zh: "得分里漏了偏置 c：这样分界线只能过原点", PerceptronSlip(biasInScore: false).separates),
    KnownRuleMistake(
      "one epoch too few: the loop must run epochs times",
      zh: "少了一轮：循环要执行 epochs 次", PerceptronSlip(extraEpochs: -1).separates),
    KnownRuleMistake(
      "one epoch too many: the loop 0...epochs runs epochs + 1 times",
      zh: "多了一轮：循环 0...epochs 执行了 epochs + 1 次", PerceptronSlip(extraEpochs: 1).separates),
  ]

  @Test("E6.12 every set of this suite, and the exact number of epochs, against the classic slips")
  func classicSlips() {
    expectTable(
      Self.table, { said("\($0.name), \($0.epochs) epochs", "\($0.chineseName)，\($0.epochs) 轮") },
      computed: { perceptronSeparates($0.points, labels: $0.labels, epochs: $0.epochs) ? 1 : 0 },
      expected: { $0.separates ? 1 : 0 }, unlike: Self.slips)
  }
}
