import CompanionCore
import LectureKit
import Pooling
import Testing

@Suite("companion pool and companion show pooling")
struct PoolCommandTests {
  /// The diagonal map of the X as a matrix file: its sums over 9, as fractions.
  static let diagonalMapText = Lecture.xFilters[0].mapSums.rowArrays
    .map { row in row.map { "\(Int($0))/9" }.joined(separator: " ") }.joined(separator: "\n")

  /// Expects `outcome` to be a success that printed `expected` on the reference track, and on
  /// the exercises track the one-line error (status 2) naming the unwritten exercise, as
  /// `companion correlate` gives.
  func expectPrinted(
    _ outcome: Outcome, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    switch PoolingChapter.track {
    case .solutions:
      #expect(outcome.status == 0, sourceLocation: sourceLocation)
      #expect(outcome.errors.isEmpty, sourceLocation: sourceLocation)
      #expect(outcome.output == expected, sourceLocation: sourceLocation)
    case .exercises:
      #expect(outcome.status == 2, sourceLocation: sourceLocation)
      #expect(outcome.errors.hasPrefix("companion: error: `"), sourceLocation: sourceLocation)
      #expect(outcome.errors.hasSuffix("is not written yet\n"), sourceLocation: sourceLocation)
    }
  }

  @Test("E2.1 the slide's diagonal map, max-pooled 2x2 in ceil mode, printed as the slide does")
  func slideMap() {
    let outcome = runCompanion(
      ["pool", "max", "-", "--size", "2", "--ceil", "--slide"],
      input: .text(Self.diagonalMapText))
    expectPrinted(outcome, Lecture.xFilters[0].pooledSlide.joined(separator: "\n") + "\n")
  }

  @Test("E2.4 without --ceil the partial windows are dropped: 3x3")
  func floorMode() {
    let outcome = runCompanion(
      ["pool", "max", "-", "--size", "2", "--slide"], input: .text(Self.diagonalMapText))
    expectPrinted(outcome, "1.00 0.33 0.55\n0.33 1.00 0.33\n0.55 0.33 1.00\n")
  }

  @Test("average pooling prints each number as Swift prints a Double (d2l's example)")
  func average() {
    let outcome = runCompanion(
      ["pool", "average", "-", "--size", "2", "--stride", "1"],
      input: .text("0 1 2\n3 4 5\n6 7 8\n"))
    expectPrinted(outcome, "2.0 3.0\n5.0 6.0\n")
  }

  @Test("the stride defaults to the window's size")
  func defaultStride() {
    let outcome = runCompanion(
      ["pool", "max", "-", "--size", "2"],
      input: .text("0 1 2 3\n4 5 6 7\n8 9 10 11\n12 13 14 15\n"))
    expectPrinted(outcome, "5.0 7.0\n13.0 15.0\n")
  }

  @Test("padding and ceil mode: the divisor counts padding, not what lies past it")
  func paddedCeilAverage() {
    let outcome = runCompanion(
      ["pool", "average", "-", "--size", "3", "--stride", "2", "--padding", "1", "--ceil"],
      input: .text("0 1 2 3\n4 5 6 7\n8 9 10 11\n12 13 14 15\n"))
    let expected: Matrix = [[10 / 9, 8 / 3, 5 / 3], [17 / 3, 10, 11 / 2], [25 / 6, 7, 15 / 4]]
    expectPrinted(outcome, expected.description + "\n")
  }

  @Test("lp: the norm defaults to 2; --norm takes fractions")
  func lp() {
    let text = "3 4 # one window\n0 0\n"
    expectPrinted(runCompanion(["pool", "lp", "-", "--size", "2"], input: .text(text)), "5.0\n")
    expectPrinted(
      runCompanion(["pool", "lp", "-", "--size", "2", "--norm", "1"], input: .text(text)),
      "7.0\n")
  }

  @Test("show pooling prints the three pooled maps; list and the tour name it")
  func show() {
    let show = runCompanion(["show", "pooling"])
    #expect(show.status == 0)
    let tour = runCompanion([])
    #expect(tour.output.contains("== pooling [E2.1-E2.4]"))
    #expect(runCompanion(["list"]).output.contains("pooling\t[E2.1-E2.4]"))
    switch PoolingChapter.track {
    case .solutions:
      for example in Lecture.xFilters {
        let block = example.pooledSlide.map { "  " + $0 }.joined(separator: "\n")
        #expect(show.output.contains(block), "\(example)")
        #expect(tour.output.contains(block), "\(example)")
      }
    case .exercises:
      #expect(show.output.contains("`maxPool2D` in Exercises/Pooling/MaxPooling.swift"))
    }
  }

  @Test("help pool prints its usage")
  func help() {
    let outcome = runCompanion(["help", "pool"])
    #expect(outcome.status == 0)
    #expect(outcome.output.hasPrefix("usage: companion pool max|average|lp FILE --size K"))
    #expect(runCompanion(["--help"]).output.contains("  pool "))
  }

  static let badCalls: [(arguments: [String], message: String)] = [
    (["pool"], "pool takes a kind (max, average, lp) and one FILE"),
    (["pool", "max"], "pool takes a kind (max, average, lp) and one FILE"),
    (["pool", "max", "-", "-", "--size", "2"], "pool takes a kind"),
    (["pool", "mean", "-", "--size", "2"], "no pooling kind 'mean'"),
    (["pool", "max", "-"], "pool needs --size K"),
    (["pool", "max", "-", "--size", "two"], "--size takes a whole number, not 'two'"),
    (
      ["pool", "max", "-", "--size", "0"],
      "a pooling window needs a length of at least 1, but it is 0 (--size 0"
    ),
    (
      ["pool", "max", "-", "--size", "2", "--stride", "0"],
      "the pooling stride must be at least 1, but it is 0"
    ),
    (
      ["pool", "max", "-", "--size", "2", "--padding", "2"],
      "the padding must lie between 0 and half the window (2 / 2 = 1), but it is 2"
    ),
    (
      ["pool", "max", "-", "--size", "3", "--padding", "-1"],
      "the padding must lie between 0 and half the window"
    ),
    (
      ["pool", "max", "-", "--size", "4"],
      "-: a 4 x 4 window does not fit inside a 3 x 3 input padded by 0 x 0"
    ),
    (["pool", "max", "-", "--size", "2000000", "--padding", "1000000"], "is too large"),
    (["pool", "average", "-", "--size", "2", "--norm", "2"], "--norm is for lp pooling only"),
    (["pool", "lp", "-", "--size", "2", "--norm", "0.5"], "--norm takes a number >= 1"),
    (["pool", "lp", "-", "--size", "2", "--norm", "inf"], "--norm takes a number >= 1"),
    (["pool", "lp", "-", "--size", "2", "--norm", "1/0"], "--norm takes a number >= 1"),
    (["pool", "max", "-", "--size", "2", "--slant"], "unknown option '--slant'"),
    (["pool", "max", "-", "--size", "2", "--size", "3"], "--size is given twice"),
    (["pool", "max", "-", "--size"], "--size needs a value"),
    (["pool", "max", "no-such-file.txt", "--size", "2"], "no-such-file.txt: no such file"),
  ]

  @Test("mistakes print one line on stderr and exit with status 2", arguments: badCalls)
  func mistakes(_ arguments: [String], _ message: String) {
    let outcome = runCompanion(arguments, input: .text("1 2 3\n4 5 6\n7 8 9\n"))
    #expect(outcome.status == 2)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors.hasPrefix("companion: error: "))
    #expect(outcome.errors.contains(message), "\(outcome.errors)")
    #expect(outcome.errors.filter { $0 == "\n" }.count == 1)
  }

  @Test(
    "one rule, two outcomes: the tool's usage error is the sentence the chapter stops on",
    arguments: [(0, 1, 0), (2, 0, 0), (2, 2, 2), (3, 3, -1), (4, 4, 0)])
  func sameRule(size: Int, stride: Int, padding: Int) {
    let outcome = runCompanion(
      [
        "pool", "max", "-", "--size", "\(size)", "--stride", "\(stride)", "--padding", "\(padding)",
      ],
      input: .text("1 2 3\n4 5 6\n7 8 9\n"))
    let problem =
      PoolAxis.problem(size: size, stride: stride, padding: padding)
      ?? PoolWindow(size: size, stride: stride, padding: padding).problem(
        pooling: Shape(rows: 3, columns: 3))
    #expect(problem != nil)
    #expect(outcome.status == 2)
    #expect(outcome.errors.contains(problem ?? "?"), "\(outcome.errors)")
  }

  @Test("a matrix file's mistakes name the line and column, as for every command")
  func badMatrix() {
    let outcome = runCompanion(
      ["pool", "max", "-", "--size", "2"], input: .text("1 2\n3 x\n"))
    #expect(outcome.status == 2)
    #expect(
      outcome.errors == "companion: error: -:2:3: 'x' is not a finite number or a fraction of two\n"
    )
  }
}
