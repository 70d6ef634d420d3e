import Foundation
import LectureKit
import TestSupport
import Testing
import WeightSharing

@Suite("Weight sharing: w1 = w2 = u1, w3 = w4 = u2")
struct SharingTests {
  static let lectureMatrix: Matrix = [[1, 0], [1, 0], [0, 1], [0, 1]]

  @Test("E6.8 the lecture's sharing pattern has the 4 x 2 Jacobian [[1,0],[1,0],[0,1],[0,1]]")
  func lectureJacobian() {
    expectMatrix(
      sharingMatrix(pattern: lectureSharingPattern, parameterCount: 2), equals: Self.lectureMatrix)
  }

  @Test("E6.8 any pattern: one 1 per row, in the column of the parameter it copies")
  func otherPattern() {
    let expected: Matrix = [
      [0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0],
    ]
    expectMatrix(
      sharingMatrix(pattern: [2, 0, 2, 1, 0], parameterCount: 4), equals: expected,
      unlike: [
        KnownMistake(
          "that is the transpose: ∂w/∂u has a row per weight and a column per parameter",
          zh: "这是转置：∂w/∂u 每个权重占一行，每个参数占一列",
          expected.transposed())
      ])
  }

  /// The matrix with ones at (i, `column`) for every row i.
  static func ones(inColumn column: Int, rows: Int, columns: Int) -> Matrix {
    Matrix(rows: rows, columns: columns) { _, j in j == column ? 1 : 0 }
  }

  @Test("E6.8 a parameter that no weight copies still has its column, of zeros")
  func unusedParameter() {
    // Four weights, all copies of u2, out of three parameters: columns 1 and 3 stay zero.
    let expected = Self.ones(inColumn: 1, rows: 4, columns: 3)
    expectMatrix(
      sharingMatrix(pattern: [1, 1, 1, 1], parameterCount: 3), equals: expected,
      unlike: [
        KnownMistake(
          "the columns were counted from the pattern's largest entry: ∂w/∂u has parameterCount "
            + "columns, one per parameter, used or not",
          zh: "列数取自 pattern 的最大项：∂w/∂u 有 parameterCount 列，每个参数一列，用没用到都算",
          Self.ones(inColumn: 1, rows: 4, columns: 2)),
        KnownMistake(
          "one column per weight: ∂w/∂u has a column per parameter, parameterCount of them",
          zh: "每个权重占了一列：∂w/∂u 应每个参数一列，共 parameterCount 列",
          Self.ones(inColumn: 1, rows: 4, columns: 4)),
        KnownMistake(
          "that is the transpose: ∂w/∂u has a row per weight and a column per parameter",
          zh: "这是转置：∂w/∂u 每个权重占一行，每个参数占一列",
          expected.transposed()),
      ])
  }

  static let seeds: [UInt64] = [1, 2, 3, 4]

  @Test("E6.8 the gradient of the two-unit network passes the gradient check", arguments: seeds)
  func networkGradient(_ seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let x = Matrix.random(rows: 2, columns: 1, in: -2...2, using: &generator)
    let w = Matrix.random(rows: 4, columns: 1, using: &generator)
    let y = Double.random(in: -1...1, using: &generator)
    let numeric = numericalGradient(of: { twoUnitCost(x, target: y, weights: $0) }, at: w)
    expectGradient(twoUnitGradient(x, target: y, weights: w), matches: numeric)
  }

  @Test("E6.8 the gradient of the two-unit network at one point: numpy's values")
  func networkGradientByNumpy() {
    // numpy: h = tanh(w[:2] * x); e = w[2] * h[0] + w[3] * h[1] - y;
    // (e w3 (1 - h1²) x1, e w4 (1 - h2²) x2, e h1, e h2), confirmed by central differences.
    let x = Matrix(column: [0.5, -1.5])
    let w = Matrix(column: [0.8, -0.4, 1.2, 0.7])
    let y = 0.3
    let h1 = tanh(0.8 * 0.5)
    let h2 = tanh(-0.4 * -1.5)
    let e = 1.2 * h1 + 0.7 * h2 - y
    // The mistakes, from the same numbers.
    func gradient(_ e: Double, _ d1: Double, _ d2: Double) -> Matrix {
      Matrix(column: [e * 1.2 * d1, e * 0.7 * d2, e * h1, e * h2])
    }
    expectMatrix(
      twoUnitGradient(x, target: y, weights: w),
      equals: Matrix(column: [0.2730549327, -0.3973927867, 0.202084766, 0.2856424069]),
      unlike: [
        KnownMistake(
          "the factor tanh'(w1 x1) = 1 - tanh²(w1 x1) is left out of the gradients for w1 and w2",
          zh: "w1 和 w2 的梯度漏了因子 tanh'(w1 x1) = 1 - tanh²(w1 x1)",
          gradient(e, 0.5, -1.5)),
        KnownMistake(
          "the inner derivative x1 of w1 x1 is left out of the gradients for w1 and w2",
          zh: "w1 和 w2 的梯度漏了 w1 x1 的内层导数 x1",
          gradient(e, 1 - h1 * h1, 1 - h2 * h2)),
        KnownMistake(
          "the error is y - G: with C = ½ (G - y)², e = G - y, or every gradient has the wrong "
            + "sign",
          zh: "误差写成了 y - G：C = ½ (G - y)² 的 e = G - y，否则每个梯度的符号都反了",
          -1 * gradient(e, (1 - h1 * h1) * 0.5, (1 - h2 * h2) * -1.5)),
        KnownMistake(
          "the sigmoid's derivative h (1 - h) was used: tanh' = 1 - tanh²",
          zh: "用了 sigmoid 的导数 h (1 - h)：tanh' = 1 - tanh²",
          gradient(e, h1 * (1 - h1) * 0.5, h2 * (1 - h2) * -1.5)),
      ], tolerance: 1e-9)
  }

  @Test("E6.8 the gradient for u1 is the sum of the gradients for w1 and w2", arguments: seeds)
  func gradientsAreSummed(_ seed: UInt64) {
    var generator = SeededGenerator(seed: seed + 10)
    let x = Matrix.random(rows: 2, columns: 1, in: -2...2, using: &generator)
    let u = Matrix.random(rows: 2, columns: 1, using: &generator)
    let y = Double.random(in: -1...1, using: &generator)
    let jacobian = sharingMatrix(pattern: lectureSharingPattern, parameterCount: 2)
    let g = twoUnitGradient(x, target: y, weights: Self.lectureMatrix * u)
    guard expectShape(g, Shape(rows: 4, columns: 1), "(∂C/∂w)^T") else { return }
    let sums = Matrix(column: [g[0, 0] + g[1, 0], g[2, 0] + g[3, 0]])
    // One step with η = 1 moves u by exactly (∂H/∂u)^T (∂C/∂w)^T.
    let step =
      u - updateThroughTransformation(u, jacobian: jacobian, costGradient: g, learningRate: 1)
    expectMatrix(step, equals: sums, tolerance: 1e-15, said("gradient for u", "u 的梯度"))
    let numeric = numericalGradient(
      of: { twoUnitCost(x, target: y, weights: Self.lectureMatrix * $0) }, at: u)
    expectGradient(
      step, matches: numeric, said("gradient for u against central differences", "u 的梯度对照中心差分"))
  }

  static let data: [(x: Matrix, y: Double)] = [
    (Matrix(column: [0.5, -1]), 0.3), (Matrix(column: [1.5, 0.25]), -0.4),
    (Matrix(column: [-0.75, 2]), 0.8),
  ]

  static func totalCost(_ w: Matrix) -> Double {
    data.map { twoUnitCost($0.x, target: $0.y, weights: w) }.reduce(0, +)
  }

  @Test("E6.8 tied training keeps shared weights exactly equal; untied training drifts apart")
  func tiedStayTied() {
    let jacobian = sharingMatrix(pattern: lectureSharingPattern, parameterCount: 2)
    var u = Matrix(column: [0.4, 0.6])
    var tied = Self.lectureMatrix * u  // updated by the first-order rule, exact for linear H
    var untied = tied
    var splitAt: Int? = nil  // the first update after which the tied weights differed
    for epoch in 0..<30 {
      for (x, y) in Self.data {
        let g = twoUnitGradient(x, target: y, weights: Self.lectureMatrix * u)
        u = updateThroughTransformation(u, jacobian: jacobian, costGradient: g, learningRate: 0.1)
        tied = firstOrderWeightUpdate(
          tied, jacobian: jacobian, costGradient: twoUnitGradient(x, target: y, weights: tied),
          learningRate: 0.1)
        untied = untied - 0.1 * twoUnitGradient(x, target: y, weights: untied)
        let tiedEqual =
          tied.shape == Shape(rows: 4, columns: 1) && tied[0, 0] == tied[1, 0]
          && tied[2, 0] == tied[3, 0]
        if splitAt == nil && !tiedEqual { splitAt = epoch }
      }
    }
    guard expectShape(u, Shape(rows: 2, columns: 1), "u"),
      expectShape(tied, Shape(rows: 4, columns: 1), said("tied w", "共享的 w")),
      expectShape(untied, Shape(rows: 4, columns: 1), said("untied w", "不共享的 w"))
    else { return }
    // numpy, same loop: u = (0.09486444, 0.37011813); untied w1 = -0.3800826, w2 = 0.29759997.
    expectMatrix(u, equals: Matrix(column: [0.09486444, 0.37011813]), tolerance: 1e-8, "u")
    #expect(
      splitAt == nil,
      Comment(
        rawValue: said(
          "tied w1 = w2, w3 = w4 broke in epoch \(splitAt ?? -1)",
          "共享的 w1 = w2、w3 = w4 在第 \(splitAt ?? -1) 轮不再相等")))
    expectMatrix(
      tied, equals: Self.lectureMatrix * u, tolerance: 1e-12,
      said("tied w against H(u)", "共享的 w 对照 H(u)"))
    #expect(
      abs(untied[0, 0] - untied[1, 0]) > 0.5,
      Comment(rawValue: said("untied w1, w2: \(untied.elements)", "不共享的 w1、w2：\(untied.elements)")))
    #expect(
      Self.totalCost(Self.lectureMatrix * u) < 0.45,
      Comment(rawValue: said("training lowers the cost from 0.556", "训练让代价从 0.556 降下来")))
  }
}
