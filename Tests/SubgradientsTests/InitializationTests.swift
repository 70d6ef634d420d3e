import LectureKit
import Subgradients
import TestSupport
import Testing

/// Six points of the plane with labels ±1, in a fixed order.
enum Points {
  static let all: [(x: Matrix, y: Double)] = [
    ([[1], [1]], 1), ([[-1], [-1]], 1), ([[0.5], [-1]], -1),
    ([[-1], [0.5]], -1), ([[0.25], [0.75]], 1), ([[-0.5], [-0.25]], 1),
  ]
}

@Suite("Zero initialization and dying units")
struct InitializationTests {
  @Test("E6.5 all-zero weights: every hidden activation and gradient is 0 and stays 0 under SGD")
  func zeroInitialization() {
    var network = ShallowNetwork.zero(inputs: 2, hidden: 4)
    let zeroColumn = Matrix(rows: 4, columns: 1)
    for epoch in 0..<5 {
      for (index, point) in Points.all.enumerated() {
        let step = said("epoch \(epoch), point \(index)", "第 \(epoch) 轮，点 \(index)")
        let g = shallowGradient(network, input: point.x, label: point.y)
        guard
          expectMatrix(
            g.W, equals: Matrix(rows: 2, columns: 4), step + said(": ", "：") + "∂ℓ/∂w_ij"),
          expectMatrix(g.b, equals: zeroColumn, step + said(": ", "：") + "∂ℓ/∂b_j"),
          expectMatrix(g.w, equals: zeroColumn, step + said(": ", "：") + "∂ℓ/∂w_j")
        else { return }
        network = network.updated(by: g, learningRate: 0.1)
        let trained = network
        guard
          expectEvery(
            Points.all,
            { other in
              let a = trained.hidden(other.x).a
              return a == zeroColumn
                ? nil
                : said(
                  "\(step): the hidden layer at \(other.x.elements) is \(a.elements), not 0",
                  "\(step)：隐藏层在 \(other.x.elements) 处是 \(a.elements)，应为 0")
            })
        else { return }
      }
    }
    #expect(network.W == Matrix(rows: 2, columns: 4) && network.w == zeroColumn)
    // Only the output bias moved: the network computes one constant for every input.
    #expect(network.outputBias != 0, Comment(rawValue: said("the output bias learns", "输出偏置在学习")))
    let outputs = Points.all.map { network.output($0.x) }
    #expect(
      Set(outputs).count == 1,
      Comment(rawValue: said("one output for every input: \(outputs)", "每个输入的输出都一样：\(outputs)")))
  }

  @Test("E6.5 the output bias receives -y at the start: the one parameter that learns")
  func outputBiasLearns() {
    let network = ShallowNetwork.zero(inputs: 2, hidden: 3)
    let positive = shallowGradient(network, input: [[1], [2]], label: 1)
    let negative = shallowGradient(network, input: [[1], [2]], label: -1)
    expectClose(
      positive.outputBias, -1, said("y = 1: output 0, margin 0 < 1", "y = 1：输出 0，间隔 0 < 1"))
    expectClose(negative.outputBias, 1, "y = -1")
  }

  @Test("E6.5 a unit negative on every training point receives no gradient and never changes")
  func dyingUnit() {
    var generator = SeededGenerator(seed: 8)
    // Unit 2's bias -10 outweighs |w_12 x_1 + w_22 x_2| <= 2 on these points.
    var b = Matrix.random(rows: 3, columns: 1, using: &generator)
    b[1, 0] = -10
    let start = ShallowNetwork(
      W: .random(rows: 2, columns: 3, using: &generator), b: b,
      w: .random(rows: 3, columns: 1, using: &generator), outputBias: 0)
    var network = start
    var deadGradients: [String] = []
    for epoch in 0..<10 {
      for point in Points.all {
        let g = shallowGradient(network, input: point.x, label: point.y)
        guard expectShape(g.W, Shape(rows: 2, columns: 3), "∂ℓ/∂w_ij"),
          expectShape(g.b, Shape(rows: 3, columns: 1), "∂ℓ/∂b_j"),
          expectShape(g.w, Shape(rows: 3, columns: 1), "∂ℓ/∂w_j")
        else { return }
        let dead = [g.W[0, 1], g.W[1, 1], g.b[1, 0], g.w[1, 0]]
        if dead != [0, 0, 0, 0] {
          deadGradients.append(
            said(
              "epoch \(epoch), x = \(point.x.elements): the dead unit's ∂ℓ/∂w_12, ∂ℓ/∂w_22, "
                + "∂ℓ/∂b_2, ∂ℓ/∂w_2 are \(dead), not 0 (is its ReLU gate left out?)",
              "第 \(epoch) 轮，x = \(point.x.elements)：死亡单元的 ∂ℓ/∂w_12、∂ℓ/∂w_22、"
                + "∂ℓ/∂b_2、∂ℓ/∂w_2 是 \(dead)，应为 0（是不是漏了它的 ReLU 门控？）"))
        }
        network = network.updated(by: g, learningRate: 0.1)
      }
    }
    expectEvery(deadGradients) { $0 }
    #expect(network.W[0, 1] == start.W[0, 1] && network.W[1, 1] == start.W[1, 1])
    #expect(
      network.b[1, 0] == -10 && network.w[1, 0] == start.w[1, 0],
      Comment(rawValue: said("the dead unit is frozen", "死亡的单元不再变化")))
    #expect(
      network.W != start.W && network.w != start.w,
      Comment(rawValue: said("the living units learned", "活着的单元学到了东西")))
  }
}
