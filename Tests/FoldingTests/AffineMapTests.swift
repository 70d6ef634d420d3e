import Folding
import LectureKit
import TestSupport
import Testing

/// What the affine part of a layer does to the plane: lines stay lines, parallel lines stay
/// parallel, and rotation, shear, scaling and reflection are special cases.
@Suite("Lecture 000, Visualization of neural networks: the affine map of a layer")
struct AffineMapTests {
  static let zero: Matrix = [[0], [0]]
  static let square: Matrix = [[0, 0], [1, 0], [1, 1], [0, 1]]

  @Test("E6.12 W x + b for each point, worked by hand")
  func byHand() {
    // (1, 2): (2·1 - 1·2 + 1, 0·1 + 3·2 - 1) = (1, 5); (-1, 0): (-2 + 1, 0 - 1) = (-1, -1).
    let weights: Matrix = [[2, -1], [0, 3]]
    expectMatrix(
      affineMap([[1, 2], [-1, 0]], weights: weights, bias: [[1], [-1]]),
      equals: [[1, 5], [-1, -1]],
      unlike: [
        KnownMistake(
          "the bias b is left out",
          zh: "漏了偏置 b", [[0, 6], [-2, 0]]),
        KnownMistake(
          "that is Wᵀ x + b: row j of W gives coordinate j of the image",
          zh: "这是 Wᵀ x + b：像的第 j 个坐标由 W 的第 j 行给出", [[-1, 4], [-1, 0]]),
        KnownMistake(
          "the bias b was subtracted: W x + b adds it",
          zh: "偏置 b 被减掉了：W x + b 是加上它", [[-1, 7], [-3, 1]]),
      ])
  }

  @Test("E6.12 weights that are not symmetric: W x, not Wᵀ x")
  func notTransposed() {
    let weights: Matrix = [[1, 2], [0, 1]]
    let computed = affineMap([[0, 1]], weights: weights, bias: Self.zero)
    expectMatrix(
      computed, equals: [[2, 1]],
      unlike: [
        KnownMistake(
          "that is Wᵀ x: row j of W gives coordinate j of the image",
          zh: "这是 Wᵀ x：像的第 j 个坐标由 W 的第 j 行给出", [[0, 1]])
      ])
  }

  @Test("E6.12 a layer may change the dimension: 3 units on 2-dimensional points")
  func threeUnits() {
    let weights: Matrix = [[1, 0], [0, 1], [1, 1]]
    expectMatrix(
      affineMap([[2, 3], [-1, 4]], weights: weights, bias: [[0], [0], [10]]),
      equals: [[2, 3, 15], [-1, 4, 13]])
  }

  static let specialCases: [(name: String, chinese: String, weights: Matrix, image: Matrix)] = [
    (
      "rotation by 90 degrees", "旋转 90 度", [[0, -1], [1, 0]],
      [[0, 0], [0, 1], [-1, 1], [-1, 0]]
    ),
    ("shear along x", "沿 x 方向切变", [[1, 2], [0, 1]], [[0, 0], [1, 0], [3, 1], [2, 1]]),
    (
      "scaling by 3 and 1/2", "按 3 和 1/2 缩放", [[3, 0], [0, 0.5]],
      [[0, 0], [3, 0], [3, 0.5], [0, 0.5]]
    ),
    (
      "reflection in the x axis", "关于 x 轴反射", [[1, 0], [0, -1]],
      [[0, 0], [1, 0], [1, -1], [0, -1]]
    ),
  ]

  @Test(
    "E6.12 rotation, shear, scaling and reflection of the unit square",
    arguments: specialCases.indices)
  func specialCase(_ index: Int) {
    let example = Self.specialCases[index]
    expectMatrix(
      affineMap(Self.square, weights: example.weights, bias: Self.zero), equals: example.image,
      said(example.name, example.chinese))
  }

  @Test("E6.12 the bias moves every point by the same vector")
  func translation() {
    let weights: Matrix = [[0, -1], [1, 0]]
    let moved = affineMap(Self.square, weights: weights, bias: [[5], [-2]])
    let unmoved = affineMap(Self.square, weights: weights, bias: Self.zero)
    guard expectShape(moved, Shape(rows: 4, columns: 2)),
      expectShape(unmoved, Shape(rows: 4, columns: 2))
    else { return }
    expectMatrix(moved - unmoved, equals: Matrix(rows: 4, columns: 2) { _, j in j == 0 ? 5 : -2 })
  }

  @Test("E6.12 points on a line land on a line, and parallel lines stay parallel")
  func linesStayLines() {
    var generator = SeededGenerator(seed: 9)
    let weights = Matrix.random(rows: 2, columns: 2, in: -2...2, using: &generator)
    let bias = Matrix.random(rows: 2, columns: 1, in: -2...2, using: &generator)
    // Two parallel lines p + t d and q + t d, sampled at t = -2 ... 2.
    let direction = (x: 0.6, y: -1.3)
    let line = { (x: Double, y: Double) in
      Matrix((-2...2).map { t in [x + Double(t) * direction.x, y + Double(t) * direction.y] })
    }
    let first = affineMap(line(0.5, 1), weights: weights, bias: bias)
    let second = affineMap(line(-1, 0.25), weights: weights, bias: bias)
    guard expectShape(first, Shape(rows: 5, columns: 2)),
      expectShape(second, Shape(rows: 5, columns: 2))
    else { return }
    // The image of the direction: every step along either image line is W d.
    let step = (
      x: weights[0, 0] * direction.x + weights[0, 1] * direction.y,
      y: weights[1, 0] * direction.x + weights[1, 1] * direction.y
    )
    for image in [first, second] {
      for i in 1..<5 {
        expectClose(
          image[i, 0] - image[i - 1, 0], step.x, tolerance: 1e-12,
          said("step \(i), x", "第 \(i) 步，x"))
        expectClose(
          image[i, 1] - image[i - 1, 1], step.y, tolerance: 1e-12,
          said("step \(i), y", "第 \(i) 步，y"))
      }
    }
    // The two image lines are distinct: W is invertible here, so parallel stays apart.
    let gap = (x: second[0, 0] - first[0, 0], y: second[0, 1] - first[0, 1])
    #expect((gap.x * step.y - gap.y * step.x).magnitude > 1e-6)
  }
}
