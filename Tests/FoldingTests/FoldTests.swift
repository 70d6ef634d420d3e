import Folding
import LectureKit
import TestSupport
import Testing

/// What ReLU does to the plane: it folds it onto the closed positive quadrant.
@Suite("Lecture 000, Visualization of neural networks: ReLU folds the plane")
struct FoldTests {
  /// One point in each quadrant, on each half-axis, and the origin.
  static let points: Matrix = [
    [2, 3], [-2, 3], [-2, -3], [2, -3], [0, 1], [-1, 0], [0, -1], [1, 0], [0, 0],
  ]

  @Test(
    "E6.12 the first quadrant stays, the second and fourth fold onto the axes, the third onto the origin"
  )
  func quadrants() {
    expectMatrix(
      applyReLU(Self.points),
      equals: [[2, 3], [0, 3], [0, 0], [2, 0], [0, 1], [0, 0], [0, 0], [1, 0], [0, 0]],
      unlike: [
        KnownMistake(
          "negative coordinates were mirrored, |x|: ReLU folds them to 0",
          zh: "负坐标被镜像成了 |x|：ReLU 把它们折叠到 0",
          Self.points.map { abs($0) }),
        KnownMistake(
          "min(0, x) keeps the negative part: ReLU is max(0, x)",
          zh: "min(0, x) 留下的是负的部分：ReLU 是 max(0, x)", Self.points.map { min(0, $0) }),
        KnownMistake(
          "that is ReLU's slope [x > 0], not ReLU: a positive coordinate keeps its value",
          zh: "这是 ReLU 的斜率 [x > 0]，不是 ReLU：正坐标保持原值", Self.points.map { $0 > 0 ? 1 : 0 }),
      ])
  }

  @Test("E6.12 every image lies in the closed positive quadrant, and points there stay fixed")
  func positiveQuadrant() {
    var generator = SeededGenerator(seed: 3)
    let points = Matrix.random(rows: 40, columns: 2, in: -3...3, using: &generator)
    let folded = applyReLU(points)
    guard expectShape(folded, points.shape) else { return }
    for i in 0..<points.rows {
      let inside = points[i, 0] >= 0 && points[i, 1] >= 0
      #expect(
        folded[i, 0] >= 0 && folded[i, 1] >= 0,
        Comment(rawValue: said("point \(i) left the positive quadrant", "点 \(i) 离开了第一象限")))
      if inside {
        #expect(
          folded[i, 0] == points[i, 0] && folded[i, 1] == points[i, 1],
          Comment(rawValue: said("moved point \(i)", "移动了点 \(i)")))
      }
    }
  }

  @Test("E6.12 folding twice is folding once")
  func idempotent() {
    let once = applyReLU(Self.points)
    guard expectShape(once, Self.points.shape) else { return }
    expectMatrix(applyReLU(once), equals: once)
  }

  @Test("E6.12 every coordinate on its own: 3-dimensional points and tiny values")
  func wider() {
    expectMatrix(
      applyReLU([[-1, 0, 1], [1e-300, -1e-300, -5]]), equals: [[0, 0, 1], [1e-300, 0, 0]])
  }
}
