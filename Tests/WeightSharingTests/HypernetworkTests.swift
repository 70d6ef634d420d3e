import LectureKit
import TestSupport
import Testing
import WeightSharing

@Suite("Hypernetwork: w = H(x, u) = tanh(u x), G(x, w) = w^T x")
struct HypernetworkTests {
  static let x = Matrix(column: [1, 2])
  static let u: Matrix = [[0.5, -0.25], [0.1, 0.3]]

  @Test("E6.9 both gradients for a 2-input example: numpy's values")
  func byNumpy() {
    // numpy: w = tanh(u @ x) = (0, 0.60436778); e = w @ x - 0.5; d = (1 - w*w) * e * x;
    // ∂C/∂u = np.outer(d, x); ∂C/∂x = e * w + u.T @ d.
    // The mistakes, from the same numbers: δ without tanh' = 1 - w², the path through G
    // alone, and H's path with u instead of u^T.
    let w = hypernetworkWeights(Self.x, parameters: Self.u)
    let e = (w.transposed() * Self.x)[0, 0] - 0.5
    let delta = w.map { 1 - $0 * $0 }.hadamard(e * Self.x)
    // tanh' taken at u x instead of at w = tanh(u x).
    let deltaAtUX = (Self.u * Self.x).map { 1 - $0 * $0 }.hadamard(e * Self.x)
    let sign = (
      "the error is y - ŷ: with C = ½ (ŷ - y)², e = ŷ - y, or the gradient has the wrong sign",
      "误差写成了 y - ŷ：C = ½ (ŷ - y)² 的 e = ŷ - y，否则梯度的符号反了"
    )
    let expectedU: Matrix = [[0.70873555, 1.41747111], [0.89972503, 1.79945006]]
    expectMatrix(
      hypernetworkGradientU(Self.x, target: 0.5, parameters: Self.u),
      equals: expectedU,
      unlike: [
        KnownMistake(
          "the factor tanh'(u x) = 1 - w² is left out of δ",
          zh: "δ 漏了因子 tanh'(u x) = 1 - w²",
          (e * Self.x) * Self.x.transposed()),
        KnownMistake(
          "tanh' was taken as 1 - (u x)²: it is 1 - tanh²(u x) = 1 - w²",
          zh: "把 tanh' 算成了 1 - (u x)²：应为 1 - tanh²(u x) = 1 - w²",
          deltaAtUX * Self.x.transposed()),
        KnownMistake(
          "that is the transpose: ∂C/∂u = δ x^T, a row of u per weight, not x δ^T",
          zh: "这是转置：∂C/∂u = δ x^T，u 的每一行对应一个权重，不是 x δ^T",
          Self.x * delta.transposed()),
        KnownMistake(sign.0, zh: sign.1, -1 * expectedU, tolerance: 1e-8),
      ], tolerance: 1e-8, "∂C/∂u")
    let expectedX = Matrix(column: [0.44434028, 0.52107055])
    expectMatrix(
      hypernetworkGradientX(Self.x, target: 0.5, parameters: Self.u),
      equals: expectedX,
      unlike: [
        KnownMistake(
          "only the path through G, e w: x also reaches the cost through H",
          zh: "只算了经过 G 的路径 e w：x 还经过 H 影响代价", e * w),
        KnownMistake(
          "only the path through H, u^T δ: x also reaches the cost through G directly, e w",
          zh: "只算了经过 H 的路径 u^T δ：x 还直接经过 G 影响代价，即 e w",
          Self.u.transposed() * delta),
        KnownMistake(
          "H's path used u, not u^T: (∂H/∂x)^T = u^T Diag[1 - w²]",
          zh: "经过 H 的路径用了 u，应为 u^T：(∂H/∂x)^T = u^T Diag[1 - w²]", e * w + Self.u * delta),
        KnownMistake(
          "the factor tanh'(u x) = 1 - w² is left out of δ",
          zh: "δ 漏了因子 tanh'(u x) = 1 - w²",
          e * w + Self.u.transposed() * (e * Self.x)),
        KnownMistake(sign.0, zh: sign.1, -1 * expectedX, tolerance: 1e-8),
      ], tolerance: 1e-8, "∂C/∂x")
  }

  static let seeds: [UInt64] = [11, 12, 13]

  @Test("E6.9 the gradient for u passes the gradient check", arguments: seeds)
  func gradientForU(_ seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let x = Matrix.random(rows: 3, columns: 1, using: &generator)
    let u = Matrix.random(rows: 3, columns: 3, using: &generator)
    let numeric = numericalGradient(of: { hypernetworkCost(x, target: 0.7, parameters: $0) }, at: u)
    expectGradient(hypernetworkGradientU(x, target: 0.7, parameters: u), matches: numeric)
  }

  @Test(
    "E6.9 the gradient for x is the sum of the path through G and the path through H",
    arguments: seeds)
  func gradientForX(_ seed: UInt64) {
    var generator = SeededGenerator(seed: seed + 100)
    let x = Matrix.random(rows: 3, columns: 1, using: &generator)
    let u = Matrix.random(rows: 3, columns: 3, using: &generator)
    let numeric = numericalGradient(of: { hypernetworkCost($0, target: 0.7, parameters: u) }, at: x)
    let analytic = hypernetworkGradientX(x, target: 0.7, parameters: u)
    // The path through G alone, e w, is not the gradient: H's path matters. Said before the
    // gradient check, which such a gradient fails.
    let w = hypernetworkWeights(x, parameters: u)
    let e = (w.transposed() * x)[0, 0] - 0.7
    #expect(
      relError(e * w, numeric) > 1e-3,
      Comment(
        rawValue: said(
          "the path through G alone must not pass the check", "只走经过 G 的路径不应通过梯度检验")))
    if relError(analytic, e * w) < 1e-9 {
      fail(
        said(
          "probably: only the path through G, e w: x also reaches the cost through H",
          "可能是：只算了经过 G 的路径 e w：x 还经过 H 影响代价"))
    }
    expectGradient(analytic, matches: numeric)
  }

  @Test("E6.7 E6.9 the gradient for u is (∂H/∂u)^T (∂C/∂w)^T, u read as a column row by row")
  func throughTheTransformation() {
    // H maps the 4 entries of u to the 2 weights; its Jacobian by central differences.
    func weights(_ column: Matrix) -> Matrix {
      hypernetworkWeights(
        Self.x, parameters: Matrix(rows: 2, columns: 2, elements: column.elements))
    }
    let column = Matrix(column: Self.u.elements)
    let jacobian = numericalJacobian(of: weights, at: column, outputs: 2)
    let w = weights(column)
    let costGradient = ((w.transposed() * Self.x)[0, 0] - 0.5) * Self.x  // (∂C/∂w)^T = e x
    let step =
      column
      - updateThroughTransformation(
        column, jacobian: jacobian, costGradient: costGradient, learningRate: 1)
    let gradient = hypernetworkGradientU(Self.x, target: 0.5, parameters: Self.u)
    guard expectShape(gradient, Shape(rows: 2, columns: 2), "∂C/∂u") else { return }
    expectGradient(Matrix(column: gradient.elements), matches: step, below: 1e-8)
  }
}
