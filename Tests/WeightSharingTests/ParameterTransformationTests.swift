import Foundation
import LectureKit
import TestSupport
import Testing
import WeightSharing

@Suite("Parameter transformation: w = H(u)")
struct ParameterTransformationTests {
  static let points: [[Double]] = [[0.8, -0.5], [1.3, 0.7], [-2, 0.1], [0.25, -1.5]]

  @Test("E6.7 ∂H/∂u of H(u) = (u1², u1·u2, exp(u2)) is N_w x N_u = 3 x 2, by hand")
  func jacobianByHand() {
    let u = Matrix(column: [0.8, -0.5])
    expectMatrix(
      nonlinearJacobian(u), equals: [[1.6, 0], [-0.5, 0.8], [0, exp(-0.5)]], tolerance: 1e-15)
  }

  @Test("E6.7 ∂H/∂u matches central differences", arguments: points)
  func jacobianNumerically(_ point: [Double]) {
    let u = Matrix(column: point)
    let numeric = numericalJacobian(of: nonlinearTransformation, at: u, outputs: 3)
    expectGradient(nonlinearJacobian(u), matches: numeric)
  }

  // A linear H(u) = A u with A = [[1, 2], [0, 1], [3, -1]]: ∂H/∂u = A, N_w = 3, N_u = 2.
  static let a: Matrix = [[1, 2], [0, 1], [3, -1]]

  @Test("E6.7 u ← u - η (∂H/∂u)^T (∂C/∂w)^T, worked by hand")
  func updateOfUByHand() {
    // (∂H/∂u)^T (∂C/∂w)^T = A^T (1, -1, 2) = (1 + 6, 2 - 1 - 2) = (7, -1); η = 0.5.
    let u = Matrix(column: [1, 2])
    let updated = updateThroughTransformation(
      u, jacobian: Self.a, costGradient: Matrix(column: [1, -1, 2]), learningRate: 0.5)
    expectMatrix(
      updated, equals: Matrix(column: [-2.5, 2.5]),
      unlike: [
        KnownMistake(
          "the step lost its η",
          zh: "更新漏了学习率 η", Matrix(column: [-6, 3])),
        KnownMistake(
          "the step went up the gradient: subtract it",
          zh: "沿梯度往上走了：要减去梯度",
          Matrix(column: [4.5, 1.5])),
      ])
  }

  @Test("E6.7 w ← w - η (∂H/∂u)(∂H/∂u)^T (∂C/∂w)^T, worked by hand, and η counts")
  func updateOfWByHand() {
    // w = A u = (5, 2, 1); A A^T (1, -1, 2) = A (7, -1) = (5, -1, 22); η = 0.5. Without η
    // (the slip in the last line of `001`) the step would be twice as long.
    let w = Matrix(column: [5, 2, 1])
    let gradient = Matrix(column: [1, -1, 2])
    let predicted = firstOrderWeightUpdate(
      w, jacobian: Self.a, costGradient: gradient, learningRate: 0.5)
    guard
      expectMatrix(
        predicted, equals: Matrix(column: [2.5, 2.5, -10]),
        unlike: [
          KnownMistake(
            "the step lost its η",
            zh: "更新漏了学习率 η", Matrix(column: [0, 3, -21]))
        ])
    else { return }
    // H(u') for the u' of the hand-worked u update: A (-2.5, 2.5) = (2.5, 2.5, -10).
    expectMatrix(Self.a * Matrix(column: [-2.5, 2.5]), equals: predicted)
  }

  @Test("E6.7 for a linear H the predicted w update is exact (random A, u, gradient)")
  func linearIsExact() {
    var generator = SeededGenerator(seed: 67)
    let a = Matrix.random(rows: 5, columns: 3, using: &generator)
    let u = Matrix.random(rows: 3, columns: 1, using: &generator)
    let gradient = Matrix.random(rows: 5, columns: 1, using: &generator)
    let newU = updateThroughTransformation(
      u, jacobian: a, costGradient: gradient, learningRate: 0.3)
    guard expectShape(newU, Shape(rows: 3, columns: 1), said("new u", "新的 u")) else { return }
    let predicted = firstOrderWeightUpdate(
      a * u, jacobian: a, costGradient: gradient, learningRate: 0.3)
    expectMatrix(
      predicted, equals: a * newU, tolerance: 1e-12,
      said("w update against H(new u)", "w 的更新对照 H(新的 u)"))
    #expect(relError(newU, u) > 0.01, Comment(rawValue: said("the step must move u", "这一步必须改变 u")))
  }

  /// The error of the first-order prediction, ‖H(u - η J^T g) - (w - η J J^T g)‖.
  static func predictionError(at u: Matrix, gradient: Matrix, learningRate eta: Double) -> Double {
    let jacobian = nonlinearJacobian(u)
    let newU = updateThroughTransformation(
      u, jacobian: jacobian, costGradient: gradient, learningRate: eta)
    let predicted = firstOrderWeightUpdate(
      nonlinearTransformation(u), jacobian: jacobian, costGradient: gradient, learningRate: eta)
    guard newU.shape == u.shape else { return .nan }
    let actual = nonlinearTransformation(newU)
    guard predicted.shape == actual.shape else { return .nan }
    return (actual - predicted).norm()
  }

  @Test(
    "E6.7 for a non-linear H the prediction is off by O(η²): η = 1e-2 vs 1e-3 gives a ratio near 100",
    arguments: [([0.8, -0.5], [0.6, -1.1, 0.4]), ([1.3, 0.7], [-0.9, 0.5, 1.2])])
  func errorShrinksLikeEtaSquared(_ example: ([Double], [Double])) {
    let u = Matrix(column: example.0)
    let gradient = Matrix(column: example.1)
    let coarse = Self.predictionError(at: u, gradient: gradient, learningRate: 1e-2)
    let fine = Self.predictionError(at: u, gradient: gradient, learningRate: 1e-3)
    // error(η) = a η² + b η³ + ..., so the ratio is 100 (1 + (b/a)(1e-2 - 1e-3) + ...). Here
    // the third-order term (only exp(u2) has one) moves the ratio by less than 1 % (numpy:
    // 100.0005 and 99.43 for these two cases), and rounding, about 1e-16 against errors of
    // 1e-6, moves it by far less. A first-order mistake gives a ratio near 10 (error ~ η) or
    // near 1 (a missing η), far outside 100 ± 2.
    #expect(
      coarse > 1e-5 && coarse < 1e-2,
      Comment(rawValue: said("error at η = 1e-2 is \(coarse)", "η = 1e-2 时误差是 \(coarse)")))
    let ratio = coarse / fine
    #expect(
      abs(ratio - 100) < 2,
      Comment(
        rawValue: said(
          "error ratio \(ratio) (errors \(coarse) and \(fine))",
          "误差之比 \(ratio)（误差 \(coarse) 和 \(fine)）")))
  }
}
