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
    let expected: Matrix = [[1.6, 0], [-0.5, 0.8], [0, exp(-0.5)]]
    expectMatrix(
      nonlinearJacobian(u), equals: expected,
      unlike: [
        KnownMistake(
          "that is the transpose: ∂H/∂u has a row per weight and a column per parameter, "
            + "N_w x N_u = 3 x 2",
          zh: "这是转置：∂H/∂u 每个权重占一行，每个参数占一列，N_w x N_u = 3 x 2",
          expected.transposed()),
        KnownMistake(
          "∂(u1²)/∂u1 was taken as u1: it is 2 u1",
          zh: "把 ∂(u1²)/∂u1 算成了 u1：应为 2 u1",
          [[0.8, 0], [-0.5, 0.8], [0, exp(-0.5)]]),
        KnownMistake(
          "the two partial derivatives of u1·u2 are swapped: ∂(u1 u2)/∂u1 = u2 goes in column 1",
          zh: "u1·u2 的两个偏导数放反了：∂(u1 u2)/∂u1 = u2 在第 1 列",
          [[1.6, 0], [0.8, -0.5], [0, exp(-0.5)]]),
      ], tolerance: 1e-15)
  }

  @Test("E6.7 ∂H/∂u matches central differences", arguments: points)
  func jacobianNumerically(_ point: [Double]) {
    let u = Matrix(column: point)
    let numeric = numericalJacobian(of: nonlinearTransformation, at: u, outputs: 3)
    expectGradient(nonlinearJacobian(u), matches: numeric)
  }

  // A square H(u) = J u with J = [[1, 2], [3, -1]]: N_w = N_u = 2, so a factor left out or
  // taken in the wrong order still fits the shapes. u = (1, 1), w = J u = (3, 2),
  // (∂C/∂w)^T = (2, -1), η = 0.5. Declared before the tests with a 3 x 2 Jacobian, whose
  // failures on such a mistake only say that the shapes do not fit.
  static let square: Matrix = [[1, 2], [3, -1]]
  static let squareGradient = Matrix(column: [2, -1])

  @Test("E6.7 u ← u - η (∂H/∂u)^T (∂C/∂w)^T with a square 2 x 2 Jacobian, by hand")
  func updateOfUSquare() {
    // J^T (2, -1) = (-1, 5), so u' = (1, 1) - 0.5 (-1, 5) = (1.5, -1.5).
    expectMatrix(
      updateThroughTransformation(
        Matrix(column: [1, 1]), jacobian: Self.square, costGradient: Self.squareGradient,
        learningRate: 0.5),
      equals: Matrix(column: [1.5, -1.5]),
      unlike: [
        KnownMistake(
          "u stepped along (∂C/∂w)^T, the gradient for w: the gradient for u is "
            + "(∂H/∂u)^T (∂C/∂w)^T",
          zh: "u 沿 w 的梯度 (∂C/∂w)^T 走了一步：u 的梯度是 (∂H/∂u)^T (∂C/∂w)^T",
          Matrix(column: [0, 1.5]))
      ])
  }

  @Test("E6.7 w ← w - η (∂H/∂u)(∂H/∂u)^T (∂C/∂w)^T with a square 2 x 2 Jacobian, by hand")
  func updateOfWSquare() {
    // J J^T (2, -1) = J (-1, 5) = (9, -8), so w' = (3, 2) - 0.5 (9, -8) = (-1.5, 6) = J u'.
    // In the other order, J^T J (2, -1) = J^T (0, 7) = (21, -7).
    expectMatrix(
      firstOrderWeightUpdate(
        Matrix(column: [3, 2]), jacobian: Self.square, costGradient: Self.squareGradient,
        learningRate: 0.5),
      equals: Matrix(column: [-1.5, 6]),
      unlike: [
        KnownMistake(
          "the Jacobians are in the wrong order: (∂H/∂u)(∂H/∂u)^T, not (∂H/∂u)^T (∂H/∂u)",
          zh: "两个雅可比矩阵的顺序反了：应为 (∂H/∂u)(∂H/∂u)^T，不是 (∂H/∂u)^T (∂H/∂u)",
          Matrix(column: [-7.5, 5.5])),
        KnownMistake(
          "w stepped along (∂C/∂w)^T itself, as if it were free: through H the step is "
            + "η (∂H/∂u)(∂H/∂u)^T (∂C/∂w)^T",
          zh: "w 直接沿 (∂C/∂w)^T 走了一步，好像它不受约束：经过 H，这一步是 "
            + "η (∂H/∂u)(∂H/∂u)^T (∂C/∂w)^T",
          Matrix(column: [2, 2.5])),
      ])
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
            zh: "更新漏了学习率 η", Matrix(column: [0, 3, -21])),
          KnownMistake(
            "w stepped along (∂C/∂w)^T itself, as if it were free: through H the step is "
              + "η (∂H/∂u)(∂H/∂u)^T (∂C/∂w)^T",
            zh: "w 直接沿 (∂C/∂w)^T 走了一步，好像它不受约束：经过 H，这一步是 "
              + "η (∂H/∂u)(∂H/∂u)^T (∂C/∂w)^T",
            Matrix(column: [4.5, 2.5, 0])),
          KnownMistake(
            "the step went up the gradient: subtract it",
            zh: "沿梯度往上走了：要减去梯度",
            Matrix(column: [7.5, 1.5, 12])),
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
