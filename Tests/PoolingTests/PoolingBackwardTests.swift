import Foundation
import LectureKit
import Pooling
import TestSupport
import Testing

@Suite("The backward passes, checked against central differences")
struct PoolingGradientCheckTests {
  @Test("max pooling on random inputs", arguments: PoolCase.all)
  func maxPooling(_ poolCase: PoolCase) {
    let x = poolCase.randomInput(seed: 1)
    let upstream = poolCase.randomUpstream(seed: 1)
    let numeric = numericalGradient(
      of: { weightedSum(maxPool($0, poolCase.window), upstream) }, at: x)
    expectGradient(
      maxPoolBackward(x, poolCase.window, upstream: upstream), matches: numeric, "\(poolCase)")
  }

  @Test("average pooling on random inputs", arguments: PoolCase.all)
  func averagePooling(_ poolCase: PoolCase) {
    let x = poolCase.randomInput(seed: 20)
    let upstream = poolCase.randomUpstream(seed: 20)
    let numeric = numericalGradient(
      of: { weightedSum(averagePool($0, poolCase.window), upstream) }, at: x)
    expectGradient(
      averagePoolBackward(x, poolCase.window, upstream: upstream), matches: numeric,
      "\(poolCase)")
  }

  @Test(
    "Lp pooling on random inputs, p = 1, 1.5, 2, 3",
    arguments: PoolCase.all, [1, 1.5, 2, 3] as [Double])
  func lpPooling(_ poolCase: PoolCase, _ p: Double) {
    let window = poolCase.window
    let x = poolCase.randomInput(seed: 40)
    let upstream = poolCase.randomUpstream(seed: 40)
    let numeric = numericalGradient(
      of: { weightedSum(lpPool($0, window, norm: p), upstream) }, at: x)
    expectGradient(
      lpPoolBackward(x, window, norm: p, upstream: upstream), matches: numeric,
      "\(poolCase), p = \(p)")
  }
}

@Suite("The backward passes at the kinks and edges")
struct PoolingBackwardTests {
  @Test("max pooling: a tie goes to the first maximum in row-major order")
  func ties() {
    let gradient = maxPoolBackward(
      [[1, 3, 5, 5], [3, 2, 5, 5]], PoolWindow(size: 2), upstream: [[1, 2]])
    expectMatrix(
      gradient, equals: [[0, 1, 2, 0], [0, 0, 0, 0]],
      unlike: [
        KnownMistake(
          "ties went to the last maximum: keep the first",
          zh: "并列时梯度给了最后一个最大值：应给第一个",
          [[0, 0, 0, 0], [1, 0, 0, 2]]),
        KnownMistake(
          "every tied maximum got the gradient",
          zh: "并列的最大值都得到了梯度", [[0, 1, 2, 2], [1, 0, 2, 2]]),
        KnownMistake(
          "the gradient went to every cell of its window, not to the maximum alone",
          zh: "梯度给了窗口里的每个格子，而不是只给最大值",
          [[1, 1, 2, 2], [1, 1, 2, 2]]),
      ])
  }

  @Test("max pooling: overlapping windows that share a maximum add their gradients")
  func overlappingMax() {
    // Every 2x2 window at stride 1 has its maximum, 9, at the centre.
    let gradient = maxPoolBackward(
      [[1, 2, 3], [4, 9, 5], [6, 7, 8]], PoolWindow(size: 2, stride: 1),
      upstream: [[1, 2], [3, 4]])
    expectMatrix(
      gradient, equals: [[0, 0, 0], [0, 10, 0], [0, 0, 0]],
      unlike: [
        KnownMistake(
          "each window overwrote the last one's gradient: they must add up",
          zh: "每个窗口覆盖了前一个窗口的梯度：应该累加",
          [[0, 0, 0], [0, 4, 0], [0, 0, 0]])
      ])
  }

  @Test("max pooling: all-negative windows next to the padding send the gradient to their maximum")
  func negativeNextToPadding() {
    let input: Matrix = [[-3, -1, -2], [-4, -5, -6], [-2, -8, -7]]
    expectMatrix(
      maxPoolBackward(input, PoolWindow(size: 2, padding: 1), upstream: [[1, 2], [3, 4]]),
      equals: [[1, 2, 0], [0, 4, 0], [3, 0, 0]])
  }

  @Test("average pooling: overlapping windows add their shares")
  func overlappingAverage() {
    let gradient = averagePoolBackward(
      Matrix(rows: 3, columns: 3), PoolWindow(size: 2, stride: 1),
      upstream: [[1, 1], [1, 1]])
    expectMatrix(
      gradient, equals: [[1, 2, 1], [2, 4, 2], [1, 2, 1]] / 4,
      unlike: [
        KnownMistake(
          "each cell got its window's whole upstream gradient: share it, divided by the window's cells",
          zh: "每个格子都拿到了窗口的全部上游梯度：应平分，除以窗口的格子数",
          [[1, 2, 1], [2, 4, 2], [1, 2, 1]]),
        KnownMistake(
          "each window overwrote the last one's share: the shares of overlapping windows add up",
          zh: "每个窗口覆盖了前一个窗口分到的梯度：重叠窗口的梯度应累加",
          Matrix(rows: 3, columns: 3, repeating: 0.25)),
      ])
  }

  @Test("average pooling: the shares of padding cells are lost")
  func paddingShares() {
    // A 2x2 input, 3x3 windows, padding 1, stride 1: four windows, each of 4 input cells and 5
    // zeros, divided by 9. Each cell is in all four windows: it receives 4/9, not 4/4.
    let gradient = averagePoolBackward(
      [[1, 2], [3, 4]], PoolWindow(size: 3, stride: 1, padding: 1),
      upstream: [[1, 1], [1, 1]])
    expectMatrix(
      gradient, equals: [[4, 4], [4, 4]] / 9,
      unlike: [
        KnownMistake(
          "the shares were divided by the input cells only (4): the padding zeros count too (9)",
          zh: "分梯度时只除以了输入的格子数（4）：填充的零也要算上（9）",
          [[1, 1], [1, 1]])
      ])
  }

  @Test("average pooling in ceil mode: a partial window shares over the cells it averaged")
  func partialWindowShares() {
    // 3x3 input, 2x2 windows at stride 2, ceil mode: the corner window holds one cell.
    let gradient = averagePoolBackward(
      Matrix(rows: 3, columns: 3), PoolWindow(size: 2, rounding: .ceil),
      upstream: [[4, 4], [4, 4]])
    expectMatrix(
      gradient, equals: [[1, 1, 2], [1, 1, 2], [2, 2, 4]],
      unlike: [
        KnownMistake(
          "a partial window shared over the window's full size (4): it shares over the cells it averaged",
          zh: "不完整的窗口按整个窗口的大小（4）分梯度：应按它平均过的格子数分",
          Matrix(rows: 3, columns: 3, repeating: 1))
      ])
  }

  @Test("Lp pooling: sign(x) · |x|^(p-1) / y^(p-1), and nothing from a window of zeros")
  func lpByHand() {
    let input: Matrix = [[3, -4, 0, 0]]
    let window = PoolWindow(rows: PoolAxis(size: 1), columns: PoolAxis(size: 2))
    // p = 2: y = 5, the gradient is x / y. p = 1: the signs.
    expectMatrix(
      lpPoolBackward(input, window, norm: 2, upstream: [[10, 7]]), equals: [[6, -8, 0, 0]],
      unlike: [
        KnownMistake(
          "a window of zeros gave 0 / 0: where y = 0 the window passes no gradient",
          zh: "全零的窗口算出了 0 / 0：y = 0 时这个窗口不传梯度"
        ) { $0.shape == Shape(rows: 1, columns: 4) && $0[0, 2].isNaN && $0[0, 3].isNaN },
        KnownMistake(
          "the sign of x was dropped: a negative entry's gradient is negative, sign(x) · |x|^(p-1)",
          zh: "漏了 x 的符号：负数元素的梯度是负的，sign(x) · |x|^(p-1)", [[6, 8, 0, 0]]),
        KnownMistake(
          "the factor 1 / y^(p-1) of the p-th root is missing",
          zh: "漏了 p 次方根带来的因子 1 / y^(p-1)", [[30, -40, 0, 0]]),
      ])
    expectMatrix(
      lpPoolBackward(input, window, norm: 1, upstream: [[10, 7]]), equals: [[10, -10, 0, 0]],
      tolerance: 1e-12)
    // p = 3: y = 91^(1/3), the gradient x · |x| / y².
    let y = pow(91.0, 1.0 / 3)
    expectMatrix(
      lpPoolBackward(input, window, norm: 3, upstream: [[1, 1]]),
      equals: [[9 / (y * y), -16 / (y * y), 0, 0]], tolerance: 1e-12)
  }
}

@Suite("The total gradient")
struct TotalGradientTests {
  @Test(
    "max pooling hands on the whole upstream gradient, padding or not",
    arguments: PoolCase.all)
  func maxPreserves(_ poolCase: PoolCase) {
    let x = poolCase.randomInput(seed: 60)
    let upstream = poolCase.randomUpstream(seed: 60)
    let gradient = maxPoolBackward(x, poolCase.window, upstream: upstream)
    guard expectShape(gradient, poolCase.input, "\(poolCase)") else { return }
    expectClose(gradient.sum(), upstream.sum(), tolerance: 1e-12, "\(poolCase)")
  }

  @Test(
    "average pooling without padding hands on the whole upstream gradient, ceil mode too",
    arguments: PoolCase.all.filter { $0.window.rows.padding == 0 && $0.window.columns.padding == 0 }
  )
  func averagePreserves(_ poolCase: PoolCase) {
    let x = poolCase.randomInput(seed: 70)
    let upstream = poolCase.randomUpstream(seed: 70)
    let gradient = averagePoolBackward(x, poolCase.window, upstream: upstream)
    guard expectShape(gradient, poolCase.input, "\(poolCase)") else { return }
    expectClose(gradient.sum(), upstream.sum(), tolerance: 1e-12, "\(poolCase)")
  }
}
