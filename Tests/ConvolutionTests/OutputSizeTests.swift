import Convolution
import LectureKit
import TestSupport
import Testing

/// One size example of the lecture: input length, kernel, stride, padding per side, and the
/// number of outputs along that axis.
struct SizeExample: Sendable, CustomStringConvertible {
  let id: String
  let n: Int
  let k: Int
  let stride: Int
  let padding: Int
  let outputs: Int
  let note: String

  var description: String {
    "\(id) n = \(n), k = \(k), s = \(stride), p = \(padding): \(outputs) (\(note))"
  }
}

@Suite("Output size: floor((n + 2p - k) / s) + 1")
struct OutputSizeTests {
  static let table: [SizeExample] = [
    SizeExample(id: "E4.1", n: 100, k: 5, stride: 1, padding: 0, outputs: 96, note: "stride 1"),
    SizeExample(id: "E4.1", n: 100, k: 5, stride: 2, padding: 0, outputs: 48, note: "stride 2"),
    SizeExample(
      id: "E4.1", n: 101, k: 5, stride: 2, padding: 0, outputs: 49,
      note: "(n - (k - 1)) / s = 48.5 is not a whole number"),
    SizeExample(
      id: "E4.2", n: 1, k: 1, stride: 1, padding: 2, outputs: 5, note: "1x1 with padding 2: 5x5"),
    SizeExample(
      id: "E4.2", n: 5, k: 5, stride: 1, padding: 0, outputs: 1, note: "5x5 image, 5x5 filter"),
    SizeExample(
      id: "E4.2", n: 300, k: 5, stride: 1, padding: 2, outputs: 300, note: "304x404 back to 300"),
    SizeExample(
      id: "E4.2", n: 400, k: 5, stride: 1, padding: 2, outputs: 400, note: "304x404 back to 400"),
    SizeExample(id: "E4.2", n: 300, k: 2, stride: 2, padding: 0, outputs: 150, note: "2x2 pool"),
    SizeExample(id: "E4.2", n: 400, k: 2, stride: 2, padding: 0, outputs: 200, note: "2x2 pool"),
    SizeExample(id: "E4.3", n: 14, k: 4, stride: 2, padding: 0, outputs: 6, note: "36 patches"),
    SizeExample(id: "E4.3", n: 14, k: 4, stride: 1, padding: 0, outputs: 11, note: "121 patches"),
    SizeExample(id: "E4.4", n: 28, k: 5, stride: 1, padding: 0, outputs: 24, note: "3x24x24"),
    SizeExample(
      id: "rule", n: 7, k: 3, stride: 3, padding: 1, outputs: 3, note: "(7 + 2 - 3) / 3 + 1"),
    SizeExample(
      id: "rule", n: 8, k: 3, stride: 3, padding: 1, outputs: 3, note: "7 / 3 rounds down"),
  ]

  @Test("E4.1 E4.2 E4.3 E4.4 every size example of the lecture", arguments: table)
  func sizes(_ example: SizeExample) {
    let computed = outputLength(
      example.n, kernel: example.k, stride: example.stride, padding: example.padding)
    #expect(
      computed == example.outputs,
      Comment(rawValue: said("\(example): computed \(computed)", "\(example)：算出 \(computed)")))
  }

  @Test("E4.3 14x14 input, 4x4 patches: 576 weights at stride 2, 1936 at stride 1, 16 shared")
  func weights() {
    let strideTwo = outputLength(14, kernel: 4, stride: 2)
    let strideOne = outputLength(14, kernel: 4, stride: 1)
    #expect(strideTwo * strideTwo == 36 && strideTwo * strideTwo * 16 == 576)
    #expect(strideOne * strideOne == 121 && strideOne * strideOne * 16 == 1936)
  }

  @Test("E4.4 28x28 input, three 5x5 feature maps at stride 1: 3 x 24 x 24 units")
  func featureMaps() {
    let side = outputLength(28, kernel: 5)
    #expect(
      3 * side * side == 3 * 24 * 24,
      Comment(rawValue: said("computed 3 x \(side) x \(side)", "算出 3 x \(side) x \(side)")))
  }

  @Test("E4.2 E4.3 the correlation's output has the shape the rule gives, axis by axis")
  func correlationShapes() {
    var generator = SeededGenerator(seed: 5)
    let image = Matrix.random(rows: 14, columns: 14, using: &generator)
    let patch = Matrix.random(rows: 4, columns: 4, using: &generator)
    expectShape(
      correlate(image, with: patch, stride: 2), Shape(rows: 6, columns: 6),
      said("stride 2", "步幅 2"))
    expectShape(
      correlate(image, with: patch), Shape(rows: 11, columns: 11), said("stride 1", "步幅 1"))
    let pixel = correlate([[3]], with: [[1]], padding: .explicit(2))
    expectShape(pixel, Shape(rows: 5, columns: 5), said("1x1 image with padding 2", "1x1 图像，填充 2"))
    let wide = Matrix.random(rows: 5, columns: 9, using: &generator)
    expectShape(
      correlate(wide, with: patch, stride: 3, padding: .explicit(1)),
      Shape(
        rows: outputLength(5, kernel: 4, stride: 3, padding: 1),
        columns: outputLength(9, kernel: 4, stride: 3, padding: 1)),
      said("5x9 image, 4x4 patch, stride 3, padding 1", "5x9 图像，4x4 图像块，步幅 3，填充 1"))
    #expect(outputLength(5, kernel: 4, stride: 3, padding: 1) == 2)
    #expect(outputLength(9, kernel: 4, stride: 3, padding: 1) == 3)
  }
}

/// Every small case of the output-size rule, against a count of the windows that fit.
@Suite("The output size on every small case")
struct OutputSizeTableTests {
  struct Case: Sendable {
    let n: Int
    let k: Int
    let s: Int
    let p: Int
  }

  /// n from 1 to 12, every kernel that fits the padded input, strides 1 to 4, padding 0 to 3.
  static let cases: [Case] = (1...12).flatMap { n in
    (0...3).flatMap { p in
      (1...(n + 2 * p)).flatMap { k in (1...4).map { s in Case(n: n, k: k, s: s, p: p) } }
    }
  }

  /// The windows that fit: starts 0, s, 2s, ... while the window ends inside the padded input.
  static func windowsThatFit(_ c: Case) -> Int {
    var count = 0
    var start = 0
    while start + c.k <= c.n + 2 * c.p {
      count += 1
      start += c.s
    }
    return count
  }

  static let mistakes: [KnownRuleMistake<Case>] = [
    KnownRuleMistake(
      "the + 1 is missing: the first window counts too",
      zh: "少了 + 1：第一个窗口也要算上"
    ) {
      ($0.n + 2 * $0.p - $0.k) / $0.s
    },
    KnownRuleMistake(
      "the padding is counted on one side only: it goes on both",
      zh: "填充只算了一侧：两侧都有填充"
    ) {
      ($0.n + $0.p - $0.k) / $0.s + 1
    },
    KnownRuleMistake(
      "the padding is left out: the window slides over the padded input",
      zh: "漏了填充：窗口在填充后的输入上滑动"
    ) {
      ($0.n - $0.k) / $0.s + 1
    },
    KnownRuleMistake(
      "the division rounds up: a window that does not fit is no output",
      zh: "除法向上取整了：放不下的窗口不产生输出"
    ) {
      ($0.n + 2 * $0.p - $0.k + $0.s - 1) / $0.s + 1
    },
    KnownRuleMistake(
      "the stride divides n + 2p - k + 1: divide the distance travelled, then add 1",
      zh: "用步幅去除 n + 2p - k + 1 了：先除窗口能移动的距离，再加 1"
    ) {
      ($0.n + 2 * $0.p - $0.k + 1) / $0.s
    },
  ]

  @Test("E4.1 E4.2 outputLength equals the count of windows that fit, for every small case")
  func everySmallCase() {
    expectTable(
      Self.cases,
      {
        said(
          "n = \($0.n), k = \($0.k), stride \($0.s), padding \($0.p)",
          "n = \($0.n)，k = \($0.k)，步幅 \($0.s)，填充 \($0.p)")
      },
      computed: { outputLength($0.n, kernel: $0.k, stride: $0.s, padding: $0.p) },
      expected: Self.windowsThatFit, unlike: Self.mistakes)
  }
}
