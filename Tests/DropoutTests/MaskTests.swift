import Dropout
import LectureKit
import TestSupport
import Testing

/// `p` is the probability of dropping a unit: a mask is 0 with probability p and 1 with
/// probability 1 - p, drawn anew for every unit of every example.
@Suite("Dropout masks")
struct MaskTests {
  /// Probabilities other than the lecture's 1/2, where p and 1 - p coincide.
  static let probabilities: [Double] = [0.2, 0.5, 0.7]

  @Test("E6.6 a mask has the batch's shape and holds only 0s and 1s", arguments: probabilities)
  func shapeAndValues(_ p: Double) {
    var generator = SeededGenerator(seed: 61)
    for (rows, columns) in [(1, 1), (3, 5), (7, 2), (1, 12)] {
      let mask = dropoutMask(rows: rows, columns: columns, p: p, using: &generator)
      guard expectShape(mask, Shape(rows: rows, columns: columns), "p = \(p)") else { return }
      #expect(
        MaskMeasures.isZeroOne(mask),
        Comment(
          rawValue: said(
            "a mask holds 1 (kept) and 0 (dropped) only:\n\(mask)",
            "掩码只含 1（保留）和 0（丢弃）：\n\(mask)")))
    }
  }

  @Test(
    "E6.6 p is the probability of DROPPING: about p of a 100x100 mask is 0, not 1 - p",
    arguments: probabilities)
  func fractionDropped(_ p: Double) {
    var generator = SeededGenerator(seed: 62)
    let mask = dropoutMask(rows: 100, columns: 100, p: p, using: &generator)
    guard expectShape(mask, Shape(rows: 100, columns: 100)) else { return }
    let zeroed = MaskMeasures.fractionZero(mask)
    if p != 0.5 && abs(zeroed - (1 - p)) < 0.03 {
      fail(
        said(
          "\(zeroed) of the mask is 0, about 1 - p: was p used as the probability of keeping?",
          "掩码中有 \(zeroed) 为 0，约为 1 - p：是不是把 p 当成了保留的概率？"))
    }
    // 10,000 draws: the fraction's standard deviation is at most 0.005.
    expectClose(
      zeroed, p, tolerance: 0.03,
      said("fraction of the mask that is 0 for p = \(p)", "p = \(p) 时掩码中 0 的比例"))
  }

  @Test(
    "E6.6 every example of a batch gets its own mask, and every unit its own draw",
    arguments: [0.3, 0.5, 0.7])
  func independentPerExample(_ p: Double) {
    var generator = SeededGenerator(seed: 63)
    let mask = dropoutMask(rows: 40, columns: 50, p: p, using: &generator)
    guard expectShape(mask, Shape(rows: 40, columns: 50)) else { return }
    // Two independent entries differ with probability 2p(1 - p).
    let expected = 2 * p * (1 - p)
    let betweenExamples = MaskMeasures.columnDisagreement(mask)
    if betweenExamples == 0 {
      fail(
        said(
          "every column (example) has the same mask: draw a new mask for every example",
          "每一列（样本）的掩码都一样：要为每个样本重新抽一个掩码"))
    }
    expectClose(
      betweenExamples, expected, tolerance: 0.05,
      said("neighbouring examples, p = \(p)", "相邻的样本，p = \(p)"))
    let betweenUnits = MaskMeasures.rowDisagreement(mask)
    if betweenUnits == 0 {
      fail(
        said(
          "every unit of an example is kept or dropped together: draw every unit on its own",
          "一个样本的所有单元一起保留或一起丢弃：每个单元要各抽一次"))
    }
    expectClose(
      betweenUnits, expected, tolerance: 0.05,
      said("neighbouring units, p = \(p)", "相邻的单元，p = \(p)"))
  }

  @Test("E6.6 p = 0 keeps every unit")
  func nothingDropped() {
    var generator = SeededGenerator(seed: 64)
    expectMatrix(
      dropoutMask(rows: 6, columns: 7, p: 0, using: &generator),
      equals: Matrix(rows: 6, columns: 7, repeating: 1))
  }

  @Test("E6.6 the seed decides the mask: the same seed draws it again, the next draw differs")
  func seeded() {
    var first = SeededGenerator(seed: 65)
    var second = SeededGenerator(seed: 65)
    let mask = dropoutMask(rows: 8, columns: 8, p: 0.4, using: &first)
    guard expectShape(mask, Shape(rows: 8, columns: 8)), MaskMeasures.isZeroOne(mask) else {
      fail(
        said(
          "the mask must be an 8 x 8 matrix of 0s and 1s:\n\(mask)",
          "掩码必须是只含 0 和 1 的 8 x 8 矩阵：\n\(mask)"))
      return
    }
    let zeroed = MaskMeasures.fractionZero(mask)
    #expect(
      zeroed > 0 && zeroed < 1,
      Comment(
        rawValue: said(
          "64 draws with p = 0.4 keep some units and drop others",
          "p = 0.4 时抽 64 次，应该有的单元保留、有的丢弃")))
    expectMatrix(
      dropoutMask(rows: 8, columns: 8, p: 0.4, using: &second), equals: mask,
      said("the same seed must give the same mask", "同一个种子必须给出同一个掩码"))
    let next = dropoutMask(rows: 8, columns: 8, p: 0.4, using: &first)
    #expect(
      next != mask,
      Comment(
        rawValue: said(
          "a second draw from the same generator must give a new mask",
          "同一个生成器第二次抽取必须给出新的掩码")))
  }
}

/// A generator that hands out chosen draws, in order and then again. The standard library's
/// `Double.random(in: 0..<1)` makes a draw of the low 53 bits of a word, (w mod 2^53) · 2^-53,
/// so the word of draw u is u · 2^53: 0 gives 0.0 and 2^53 - 1 the largest double below 1.
/// (The test checks this first, so a change in the standard library shows as such.)
struct ChosenDraws: RandomNumberGenerator {
  let words: [UInt64]
  var index = 0

  init(_ draws: [Double]) {
    words = draws.map { UInt64($0 * 0x1p53) }
  }

  mutating func next() -> UInt64 {
    defer { index = (index + 1) % words.count }
    return words[index]
  }
}

@Suite("Dropout masks at the extreme draws")
struct MaskBoundaryTests {
  /// The largest double below 1, and the draws around p.
  static let top = 1 - 0x1p-53

  @Test(
    "E6.6 a unit is kept when its draw u >= p: at u = 0, u = p, just below p and just below 1",
    arguments: [0, 0.5, 0.9, 0.999, 1 - 0x1p-53])
  func extremes(_ p: Double) {
    // Draws are whole multiples of 2^-53: the largest one below p.
    let below = ((p * 0x1p53).rounded(.up) - 1) * 0x1p-53
    let draws = [0, p, below, Self.top].filter { $0 >= 0 }
    var generator = ChosenDraws(draws)
    var check = generator
    let seen = draws.map { _ in Double.random(in: 0..<1, using: &check) }
    #expect(
      seen == draws,
      Comment(rawValue: said("the generator hands out the chosen draws", "生成器按指定的值依次给出")))
    let mask = dropoutMask(rows: 1, columns: draws.count, p: p, using: &generator)
    let expected = Matrix([draws.map { $0 >= p ? 1 : 0 }])
    expectMatrix(
      mask, equals: expected,
      unlike: [
        KnownMistake(
          "a draw equal to p dropped its unit: keep when u >= p (at p = 0 every unit is kept)",
          zh: "抽到的数恰好等于 p 时丢弃了单元：u >= p 就保留（p = 0 时每个单元都保留）",
          Matrix([draws.map { $0 > p ? 1 : 0 }])),
        KnownMistake(
          "p was used as the probability of keeping: keep when u >= p",
          zh: "把 p 当成了保留的概率：p 是丢弃的概率，u >= p 才保留",
          Matrix([draws.map { $0 < p ? 1 : 0 }])),
      ], said("p = \(p), draws \(draws)", "p = \(p)，抽到 \(draws)"))
  }
}
