import LectureKit
import Pooling
import TestSupport
import Testing

/// One row of the table: an axis of length n, its windows, and the number of outputs in floor
/// and in ceil mode (PyTorch's `pooling_output_shape`, worked out by hand).
struct LengthCase: Sendable, CustomStringConvertible {
  let n: Int
  let axis: PoolAxis
  let floor: Int
  let ceil: Int
  let note: String

  var description: String { "n = \(n), \(axis): \(note)" }
}

@Suite("How many windows: floor and ceil mode")
struct OutputSizeTests {
  static let table: [LengthCase] = [
    LengthCase(
      n: 7, axis: PoolAxis(size: 2), floor: 3, ceil: 4,
      note: "E2.1 E2.4 the slide's 7x7 map, 2x2 windows at stride 2"),
    LengthCase(n: 300, axis: PoolAxis(size: 2), floor: 150, ceil: 150, note: "E4.2 300 rows"),
    LengthCase(n: 400, axis: PoolAxis(size: 2), floor: 200, ceil: 200, note: "E4.2 400 columns"),
    LengthCase(
      n: 3, axis: PoolAxis(size: 2, padding: 1), floor: 2, ceil: 2,
      note: "a third ceil window would start in the right padding"),
    LengthCase(
      n: 5, axis: PoolAxis(size: 2, stride: 3, padding: 1), floor: 2, ceil: 2,
      note: "a third ceil window would start in the right padding"),
    LengthCase(n: 4, axis: PoolAxis(size: 3, stride: 2, padding: 1), floor: 2, ceil: 3, note: ""),
    LengthCase(n: 6, axis: PoolAxis(size: 3, stride: 2, padding: 1), floor: 3, ceil: 4, note: ""),
    LengthCase(n: 5, axis: PoolAxis(size: 2), floor: 2, ceil: 3, note: "5x5 arange example"),
    LengthCase(n: 3, axis: PoolAxis(size: 2, stride: 1), floor: 2, ceil: 2, note: "d2l's pool2d"),
    LengthCase(n: 1, axis: PoolAxis(size: 1), floor: 1, ceil: 1, note: "one entry"),
    LengthCase(n: 1, axis: PoolAxis(size: 2, padding: 1), floor: 1, ceil: 1, note: "padded"),
    LengthCase(
      n: 10, axis: PoolAxis(size: 4, stride: 3, padding: 2), floor: 4, ceil: 4,
      note: "a fifth ceil window would start in the right padding"),
    LengthCase(n: 11, axis: PoolAxis(size: 4, stride: 3, padding: 2), floor: 4, ceil: 5, note: ""),
    LengthCase(n: 9, axis: PoolAxis(size: 9), floor: 1, ceil: 1, note: "a global window"),
  ]

  @Test("E2.1 E2.4 E4.2 floor mode: ⌊(n + 2p - k) / s⌋ + 1", arguments: table)
  func floorMode(_ row: LengthCase) {
    #expect(pooledLength(row.n, along: row.axis, rounding: .floor) == row.floor)
  }

  @Test(
    "E2.1 E4.2 ceil mode: ⌈(n + 2p - k) / s⌉ + 1, less a window starting past the input",
    arguments: table)
  func ceilMode(_ row: LengthCase) {
    #expect(pooledLength(row.n, along: row.axis, rounding: .ceil) == row.ceil)
  }

  @Test("ceil mode keeps a window only if it starts inside the input or the left padding")
  func lastWindowStartsInside() {
    // Length 3, window 2, stride 2, padding 1: windows start at -1 and 1; ⌈3 / 2⌉ + 1 = 3
    // would add a window at 3, which covers only padding and the space beyond.
    let length = pooledLength(3, along: PoolAxis(size: 2, padding: 1), rounding: .ceil)
    if length == 3 {
      fail(
        said(
          "the third window starts at 3, past the input: PyTorch drops it",
          "第三个窗口从 3 开始，已在输入之外：PyTorch 会舍弃它"))
    }
    #expect(length == 2)
  }

  @Test("E2.1 E2.4 the slide's 7x7 map: 4x4 in ceil mode, 3x3 in floor mode")
  func slideShapes() {
    let map = Shape(rows: 7, columns: 7)
    #expect(
      pooledShape(map, by: PoolWindow(size: 2, rounding: .ceil)) == Shape(rows: 4, columns: 4))
    #expect(pooledShape(map, by: PoolWindow(size: 2)) == Shape(rows: 3, columns: 3))
  }

  @Test("E4.2 a 300x400 map pooled 2x2 at stride 2 is 150x200")
  func lectureSize() {
    let window = PoolWindow(size: 2, stride: 2)
    #expect(
      pooledShape(Shape(rows: 300, columns: 400), by: window) == Shape(rows: 150, columns: 200))
    expectShape(maxPool(Matrix(rows: 300, columns: 400), window), Shape(rows: 150, columns: 200))
  }

  @Test("rows and columns are counted with their own window, stride and padding")
  func axesApart() {
    let window = PoolWindow(
      rows: PoolAxis(size: 2, stride: 1), columns: PoolAxis(size: 3, stride: 2, padding: 1))
    #expect(pooledShape(Shape(rows: 4, columns: 5), by: window) == Shape(rows: 3, columns: 3))
    #expect(pooledShape(Shape(rows: 6, columns: 9), by: window) == Shape(rows: 5, columns: 5))
    #expect(pooledShape(Shape(rows: 2, columns: 8), by: window) == Shape(rows: 1, columns: 4))
  }
}

/// Every small case of the pooled length, in both modes, against a count of the windows.
@Suite("The pooled length on every small case")
struct PooledLengthTableTests {
  struct Case: Sendable {
    let n: Int
    let axis: PoolAxis
    let rounding: Rounding
  }

  /// n from 1 to 12, windows 1 to 6 that fit the padded axis, strides 1 to 4, every padding
  /// allowed (0 to half the window), floor and ceil.
  static let cases: [Case] = {
    var cases: [Case] = []
    for n in 1...12 {
      for k in 1...6 {
        for p in 0...(k / 2) where k <= n + 2 * p {
          for s in 1...4 {
            for rounding in Rounding.allCases {
              cases.append(
                Case(n: n, axis: PoolAxis(size: k, stride: s, padding: p), rounding: rounding))
            }
          }
        }
      }
    }
    return cases
  }()

  /// The windows, counted one by one (``poolWindows(_:_:_:)``).
  static func windows(_ c: Case) -> Int { poolWindows(c.n, c.axis, c.rounding).count }

  static let mistakes: [KnownRuleMistake<Case>] = [
    KnownRuleMistake(
      "the ceil division rounds to the nearest whole number, not up",
      zh: "向上取整的除法做成了四舍五入"
    ) { c in
      let span = c.n + 2 * c.axis.padding - c.axis.size
      if c.rounding == .floor { return span / c.axis.stride + 1 }
      var count = Int((Double(span) / Double(c.axis.stride)).rounded()) + 1
      if (count - 1) * c.axis.stride >= c.n + c.axis.padding { count -= 1 }
      return count
    },
    KnownRuleMistake(
      "ceil mode keeps a last window that starts in the right padding",
      zh: "向上取整模式多留了一个从右侧填充里开始的窗口"
    ) { c in
      let span = c.n + 2 * c.axis.padding - c.axis.size
      return c.rounding == .floor
        ? span / c.axis.stride + 1 : (span + c.axis.stride - 1) / c.axis.stride + 1
    },
    KnownRuleMistake(
      "the padding is counted on one side only: it goes on both",
      zh: "填充只算了一侧：两侧都有填充"
    ) { c in
      let span = c.n + c.axis.padding - c.axis.size
      if c.rounding == .floor { return span / c.axis.stride + 1 }
      var count = (span + c.axis.stride - 1) / c.axis.stride + 1
      if (count - 1) * c.axis.stride >= c.n + c.axis.padding { count -= 1 }
      return count
    },
  ]

  @Test("E2.1 E2.4 pooledLength counts the windows, floor and ceil, on every small case")
  func everySmallCase() {
    expectTable(
      Self.cases,
      {
        said(
          "n = \($0.n), \($0.axis), \($0.rounding) mode",
          "n = \($0.n)，\($0.axis)，\($0.rounding) 模式")
      },
      computed: { pooledLength($0.n, along: $0.axis, rounding: $0.rounding) },
      expected: Self.windows, unlike: Self.mistakes)
  }
}
