import Foundation
import Testing

@testable import CompanionCore
@testable import ExerciseKit

@Suite("companion check: the traced copy, compiler errors, the report")
struct CheckTests {
  @Test("the traced copy opens each exercise body with a trace call, on the marker's own line")
  func tracedWithoutReference() {
    let source = """
      import LectureKit

      public func relu(_ x: Double) -> Double {
        // BEGIN EXERCISE relu
        return .unwritten("relu", in: #filePath)
        // END EXERCISE
      }
      """
    let lines = TracedTree.traced(source).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines[3]
        == "  ExerciseTrace.enter(\"relu\"); defer { ExerciseTrace.leave() }  // BEGIN EXERCISE relu"
    )
    #expect(lines[4] == "  return .unwritten(\"relu\", in: #filePath)")
    #expect(lines.suffix(2) == ["import ExerciseTrace", ""])
    #expect(TracedTree.traced("let x = 1") == "let x = 1")
  }

  @Test("the traced copy carries the reference's body beside the student's, numbered as its own")
  func tracedWithReference() {
    let source = """
      public func relu(_ x: Double) -> Double {
        // BEGIN EXERCISE relu
        return x
        // END EXERCISE
      }
      let after = 1
      """
    let text = TracedTree.traced(
      source,
      reference: { $0 == "relu" ? (["  return max(0, x)"], "/r/Solutions/A.swift", 12) : nil },
      path: "/p/traced/A.swift")
    #expect(
      text.split(separator: "\n", omittingEmptySubsequences: false) == [
        "public func relu(_ x: Double) -> Double {",
        "  ExerciseTrace.enter(\"relu\"); defer { ExerciseTrace.leave() }; "
          + "if ExerciseTrace.runsStudentBody(\"relu\") {  // BEGIN EXERCISE relu",
        "  return x",
        "  } else {",
        "#sourceLocation(file: \"/r/Solutions/A.swift\", line: 12)",
        "  return max(0, x)",
        // Back to the student's numbering: the END line is line 4 of the student's file.
        "#sourceLocation(file: \"/p/traced/A.swift\", line: 4)",
        "  }  // END EXERCISE",
        "}",
        "let after = 1",
        "import ExerciseTrace",
        "",
      ])
  }

  @Test("compiler errors are read once each, with the student's path and the chapter")
  func compileErrorLines() {
    let tree = TracedTree(root: URL(fileURLWithPath: "/home/s/p"))
    let output = """
      [3/9] Compiling Convolution ReLU.swift
      /home/s/p/.build-exercises/traced/Exercises/Convolution/ReLU.swift:11:33: error: expected ',' separator
      /home/s/p/.build-exercises/traced/Exercises/Convolution/ReLU.swift:11:33: error: expected ',' separator
      /home/s/p/.build-exercises/traced/Exercises/Convolution/ReLU.swift:12:1: warning: unused
      /home/s/p/Tests/PoolingTests/MaxPoolingTests.swift:40:7: error: missing argument
      """
    let errors = compileErrors(in: output, tree: tree)
    #expect(
      errors.map(\.description) == [
        "Exercises/Convolution/ReLU.swift:11:33: expected ',' separator",
        "Tests/PoolingTests/MaxPoolingTests.swift:40:7: missing argument",
      ])
    #expect(errors.map(\.chapter) == ["Convolution", "Pooling"])
  }

  static let failure = TestFailure(
    test: "E4.1 stride 2", testID: "ConvolutionTests.CorrelationTests/strideTwo()/C.swift:12:4",
    message: "C.swift:21:23: entry (0, 1): expected 16.0, computed 10.0\nexpected | computed",
    alsoReached: [])

  static let reports = [
    ChapterReport(
      chapter: "Convolution",
      exercises: [
        ExerciseReport(
          name: "rotate180", file: "Exercises/Convolution/Rotation.swift", line: 12, status: .done),
        ExerciseReport(
          name: "zeroPad", file: "Exercises/Convolution/Padding.swift", line: 105,
          status: .done),
        ExerciseReport(
          name: "correlate2D", file: "Exercises/Convolution/Correlation.swift", line: 30,
          status: .failing(failure)),
        ExerciseReport(
          name: "outputLength", file: "Exercises/Convolution/OutputSize.swift", line: 23,
          status: .notWritten),
      ], testsPassed: 17, testsRun: 71),
    ChapterReport(
      chapter: "Pooling",
      exercises: [
        ExerciseReport(
          name: "maxPool2D", file: "Exercises/Pooling/MaxPooling.swift", line: 40,
          status: .broken("does not compile (see above)"))
      ],
      problem: "does not compile: Exercises/Pooling/MaxPooling.swift:41:9: cannot find 'y'"),
  ]

  static func text(_ reports: [ChapterReport]) -> String {
    CheckText(
      chapters: reports, chapterOf: [:], unfinishedChapters: ["Convolution", "Backprop"],
      seconds: 1.25
    ).text
  }

  @Test("the text: counts per chapter, each exercise, the failing test's grid, what next")
  func text() {
    let text = Self.text(Self.reports)
    #expect(
      text.contains(
        "Convolution: 2 of 4 done, 1 failing, 1 not written yet, 17 of 71 tests pass"))
    #expect(text.contains("✔ zeroPad       done\n"))
    #expect(text.contains("✘ correlate2D   failing  Exercises/Convolution/Correlation.swift:30"))
    #expect(
      text.contains(
        "      test \"E4.1 stride 2\" (ConvolutionTests.CorrelationTests)\n"
          + "      C.swift:21:23: entry (0, 1): expected 16.0, computed 10.0\n"
          + "      expected | computed\n"))
    #expect(text.contains("! does not compile: Exercises/Pooling/MaxPooling.swift:41:9"))
    #expect(text.contains("Next: correlate2D in Exercises/Convolution/Correlation.swift:30"))
    #expect(text.contains("  swift run companion test Convolution"))
  }

  @Test("a failure on screen: about 12 lines, and the command that shows the rest")
  func shownFailureLines() {
    let grid = (1...14).map { "row \($0)" }.joined(separator: "\n")
    let failure = TestFailure(
      test: "E4.1 stride 2", testID: "ConvolutionTests.CorrelationTests/strideTwo()/C.swift:12:4",
      message: "C.swift:21:23: probably: the stride is ignored\n" + grid, moreTests: 2,
      moreIssues: 4)
    let lines = shownFailure(failure, of: "correlate2D")
    #expect(lines.count == 13)
    #expect(lines[1] == "C.swift:21:23: probably: the stride is ignored")
    #expect(lines[11] == "... (5 more lines)")
    #expect(
      lines[12] == "all 5 issues of 3 failing tests: swift run companion test correlate2D --all")
    let alone = TestFailure(test: "t", testID: "A.B/t()/B.swift:1:1", message: "one line")
    #expect(shownFailure(alone, of: "x").count == 2)
    let report = CheckText(
      chapters: [
        ChapterReport(
          chapter: "Convolution",
          exercises: [
            ExerciseReport(
              name: "correlate2D", file: "Exercises/Convolution/Correlation.swift", line: 30,
              status: .failing(failure)),
            ExerciseReport(
              name: "correlate2DPadded", file: "Exercises/Convolution/Correlation.swift",
              line: 90, status: .notWritten),
          ])
      ], chapterOf: [:], unfinishedChapters: [], seconds: 1)
    let block = report.block(of: "correlate2D")
    #expect(block.hasPrefix("  ✘ correlate2D "))
    #expect(block.contains("probably: the stride is ignored"))
    #expect(!block.contains("correlate2DPadded"))
    #expect(block.split(separator: "\n").count == 14)
  }

  @Test("test CHAPTER: a line per suite, failures with their most telling issue, stubs in a line")
  func chapterTestsText() {
    func test(_ name: String, _ suite: String, _ verdict: TestRecord.Verdict, _ issues: [String])
      -> TestRecord
    {
      TestRecord(
        id: "ConvolutionTests.\(suite)/\(name)()/S.swift:1:1", name: name, verdict: verdict,
        issues: issues)
    }
    let stub = "S.swift:3:4: `rotate180` in Exercises/Convolution/Rotation.swift is not written yet"
    let tests = [
      test("a", "FlipTests", .failed, [stub]), test("b", "FlipTests", .failed, [stub, stub]),
      test("c", "StrideTests", .passed, []),
      test("d", "StrideTests", .failed, ["entry (0, 1)", "probably: the stride is ignored"]),
    ]
    let text = chapterTests(
      tests, problem: nil, chapter: "Convolution", every: false, verbose: false)
    #expect(
      text == """
        ✘ ConvolutionTests.FlipTests: 0 of 2 pass
        ✘ ConvolutionTests.StrideTests: 1 of 2 pass

        ✘ d (ConvolutionTests.StrideTests)
            probably: the stride is ignored
            ... and 1 more issue

        · 2 failing on rotate180, not written yet: swift run companion test rotate180

        ✘ Convolution: 1 of 4 tests pass
          swift run companion test Convolution --all

        """)
    let passing = chapterTests(
      [tests[2]], problem: nil, chapter: "Convolution", every: false, verbose: true)
    #expect(
      passing == """
        ✔ ConvolutionTests.StrideTests: all 1 pass
            ✔ c

        ✔ Convolution: all 1 tests pass

        """)
    let every = chapterTests(
      [tests[3]], problem: nil, chapter: "Convolution", every: true, verbose: false)
    #expect(every.contains("    entry (0, 1)\n    probably: the stride is ignored\n"))
  }

  /// Pooling, its one exercise done and its tests passing.
  static let donePooling = ChapterReport(
    chapter: "Pooling",
    exercises: [
      ExerciseReport(
        name: "maxPool2D", file: "Exercises/Pooling/MaxPooling.swift", line: 40, status: .done)
    ], testsPassed: 3, testsRun: 3)

  @Test("a test that fails only together is reported at the chapter, and Next names it there")
  func together() {
    let failure = TestFailure(
      test: "E6.1 padded", testID: "ConvolutionTests.P/padded()/P.swift:3:4",
      message: "P.swift:9:5: entry (0, 0): expected 1.0, computed 2.0",
      alsoReached: ["correlate2D", "zeroPad"])
    let report = ChapterReport(
      chapter: "Convolution",
      exercises: ["zeroPad", "correlate2D"].map {
        ExerciseReport(name: $0, file: "Exercises/Convolution/F.swift", line: 1, status: .done)
      }, testsPassed: 5, testsRun: 6, together: [failure])
    let text = Self.text([report])
    #expect(text.contains("Convolution: 2 of 2 done, 5 of 6 tests pass\n"))
    #expect(
      text.contains(
        "  ✘ test \"E6.1 padded\" (ConvolutionTests.P) fails with correlate2D and zeroPad "
          + "together, though each passes its tests on its own:\n"
          + "      P.swift:9:5: entry (0, 0): expected 1.0, computed 2.0\n"))
    #expect(
      text.contains(
        "Next: Convolution: zeroPad and correlate2D pass on their own but not together"))
    #expect(!text.contains("is done"))
    let data = Data(checkJSON([report], text: "report", seconds: 1).utf8)
    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(object?["score"] as? Int == 0)
  }

  @Test("a finished chapter says so and names the next chapter to do")
  func finished() {
    let text = Self.text([Self.donePooling])
    #expect(
      text.contains("Pooling is done: every exercise passes its tests. Next: the Convolution"))
    #expect(text.contains("  swift run companion check Convolution"))
  }

  @Test("the JSON has Gradescope's shape: passed or failed, a score, the time, the chapters")
  func json() throws {
    let data = Data(checkJSON(Self.reports, text: "report", seconds: 2.2).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["score"] as? Int == 2)
    #expect(object["execution_time"] as? Int == 3)
    #expect(object["output"] as? String == "report")
    let tests = try #require(object["tests"] as? [[String: Any]])
    #expect(tests.count == 5)
    #expect(
      tests.map { $0["status"] as? String } == [
        "passed", "passed", "failed", "failed", "failed",
      ])
    #expect(tests[2]["name"] as? String == "Convolution: correlate2D")
    #expect((tests[2]["output"] as? String)?.contains("expected 16.0, computed 10.0") == true)
    #expect(tests.allSatisfy { $0["max_score"] as? Int == 1 && $0["visibility"] != nil })
    let extra = try #require(object["extra_data"] as? [String: Any])
    let chapters = try #require(extra["chapters"] as? [[String: Any]])
    #expect(chapters.map { $0["score"] as? Int } == [2, 0])
    #expect(extra["max_score"] as? Int == 5)
    #expect(extra["format"] as? String == "deep-learning-companion-results/1")
    let extras = tests.map { $0["extra_data"] as? [String: Any] ?? [:] }
    #expect(
      extras.map { $0["exercise"] as? String ?? "" } == [
        "Convolution/rotate180", "Convolution/zeroPad", "Convolution/correlate2D",
        "Convolution/outputLength", "Pooling/maxPool2D",
      ])
    #expect(
      extras.map { $0["status"] as? String ?? "" } == [
        "done", "done", "failing", "unwritten", "broken",
      ])
    // No catalog given: no mistake is named.
    #expect(extras.allSatisfy { ($0["mistakes"] as? [String]) == [] })
  }

  /// Catalog entries as `Mistakes/` gives them, for the JSON's ids.
  static let catalog = [
    Mistake(
      id: "correlate2d-stride-ignored", chapter: "Convolution", exercise: "correlate2D",
      mistake: "m", replace: "r", with: "w", diagnosis: "the stride is ignored"),
    Mistake(
      id: "convolve2d-stride-ignored", chapter: "Convolution", exercise: "convolve2D",
      mistake: "m", replace: "r", with: "w", diagnosis: "the stride is ignored"),
    Mistake(
      id: "kernel-not-flipped", chapter: "Convolution", exercise: "convolve2D", mistake: "m",
      replace: "r", with: "w", diagnosis: "the kernel is not flipped"),
    Mistake(
      id: "shared-stride-ignored", chapter: "WeightSharing", exercise: "sharedCorrelation",
      mistake: "m", replace: "r", with: "w", diagnosis: "the stride is ignored"),
    Mistake(
      id: "max-stride-ignored", chapter: "Pooling", exercise: "maxPool2D", mistake: "m",
      replace: "r", with: "w", diagnosis: "window i starts at row i"),
  ]

  /// The `extra_data` of each exercise in `checkJSON(reports)` with ``catalog``, by name.
  static func extras(_ reports: [ChapterReport]) throws -> [String: [String: Any]] {
    let json = checkJSON(reports, text: "", seconds: 0, catalog: Self.catalog)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let tests = try #require(object["tests"] as? [[String: Any]])
    var extras: [String: [String: Any]] = [:]
    for test in tests {
      let extra = try #require(test["extra_data"] as? [String: Any])
      extras[try #require(extra["exercise"] as? String)] = extra
    }
    return extras
  }

  @Test(
    "the JSON lists with a failing exercise the ids of the catalog's mistakes its failure names")
  func jsonMistakeIDs() throws {
    let named = TestFailure(
      test: "E4.1 stride 2", testID: "ConvolutionTests.CorrelationTests/strideTwo()/C.swift:12:4",
      message: "C.swift:21:23: probably: the stride is ignored\nexpected | computed")
    let other = TestFailure(
      test: "E3.1", testID: "ConvolutionTests.ConvolutionTests/flip()/V.swift:1:1",
      message: "V.swift:3:4: entry (0, 0): expected 1.0, computed 2.0")
    let report = ChapterReport(
      chapter: "Convolution",
      exercises: [
        ExerciseReport(name: "correlate2D", file: "F.swift", line: 1, status: .failing(named)),
        ExerciseReport(name: "convolve2D", file: "F.swift", line: 9, status: .failing(other)),
        ExerciseReport(name: "rotate180", file: "F.swift", line: 20, status: .done),
      ])
    let extras = try Self.extras([report])
    // The exercise's own entry, though convolve2D's and another chapter's say the same.
    #expect(
      extras["Convolution/correlate2D"]?["mistakes"] as? [String] == [
        "Convolution/correlate2d-stride-ignored"
      ])
    #expect(extras["Convolution/correlate2D"]?["status"] as? String == "failing")
    #expect(extras["Convolution/convolve2D"]?["mistakes"] as? [String] == [])
    #expect(extras["Convolution/rotate180"]?["mistakes"] as? [String] == [])
    #expect(extras["Convolution/rotate180"]?["status"] as? String == "done")
  }

  @Test("with none of its own, an exercise's failure lists the entries of its chapter it names")
  func jsonMistakeIDsOfTheChapter() throws {
    let failure = TestFailure(
      test: "t", testID: "ConvolutionTests.T/t()/T.swift:1:1",
      message: "T.swift:2:3: probably: the stride is ignored")
    let report = ChapterReport(
      chapter: "Convolution",
      exercises: [
        ExerciseReport(name: "zeroPad", file: "F.swift", line: 1, status: .failing(failure))
      ])
    #expect(
      try Self.extras([report])["Convolution/zeroPad"]?["mistakes"] as? [String] == [
        "Convolution/correlate2d-stride-ignored", "Convolution/convolve2d-stride-ignored",
      ])
  }

  @Test("an exercise done alone that fails together is failing, with the together failure's ids")
  func jsonTogether() throws {
    let together = TestFailure(
      test: "E6.1", testID: "ConvolutionTests.P/padded()/P.swift:3:4",
      message: "P.swift:9:5: probably: the kernel is not flipped",
      alsoReached: ["convolve2D", "zeroPad"])
    let report = ChapterReport(
      chapter: "Convolution",
      exercises: ["zeroPad", "convolve2D"].map {
        ExerciseReport(name: $0, file: "F.swift", line: 1, status: .done)
      }, together: [together])
    let extras = try Self.extras([report])
    #expect(extras["Convolution/zeroPad"]?["status"] as? String == "failing")
    #expect(
      extras["Convolution/zeroPad"]?["mistakes"] as? [String] == [
        "Convolution/kernel-not-flipped"
      ])
    #expect(
      extras["Convolution/convolve2D"]?["mistakes"] as? [String] == [
        "Convolution/kernel-not-flipped"
      ])
  }

  @Test("an exercise not checked, or that no test reached, is broken; a stub is unwritten")
  func jsonStatuses() throws {
    let report = ChapterReport(
      chapter: "Pooling",
      exercises: [
        ExerciseReport(name: "maxPool2D", file: "F.swift", line: 1, status: .broken("x")),
        ExerciseReport(name: "averagePool2D", file: "F.swift", line: 2, status: .unreached),
        ExerciseReport(name: "lpPool2D", file: "F.swift", line: 3, status: .notWritten),
      ], problem: "does not compile")
    let extras = try Self.extras([report])
    #expect(extras["Pooling/maxPool2D"]?["status"] as? String == "broken")
    #expect(extras["Pooling/averagePool2D"]?["status"] as? String == "broken")
    #expect(extras["Pooling/lpPool2D"]?["status"] as? String == "unwritten")
    #expect(extras.values.allSatisfy { $0["mistakes"] as? [String] == [] })
  }

  @Test("the grading report's JSON carries the ids too: the failing test's message is shown")
  func gradingJSON() throws {
    let exercises = [
      Exercise(name: "maxPool2D", file: "Pooling/M.swift", line: 3, body: ["x"], stub: ["s"]),
      Exercise(name: "pooledLength", file: "Pooling/L.swift", line: 3, body: ["x"], stub: ["s"]),
    ]
    let failed = TestRecord(
      id: "PoolingTests.M/stride()/M.swift:1:1", name: "stride", verdict: .failed,
      issues: ["M.swift:4:5: window i starts at row i, not at i · stride"],
      reached: ["maxPool2D"])
    let report = gradingReport(
      chapter: "Pooling", exercises: exercises, unwritten: ["pooledLength"], tests: [failed])
    let extras = try Self.extras([report])
    #expect(extras["Pooling/maxPool2D"]?["status"] as? String == "failing")
    #expect(extras["Pooling/maxPool2D"]?["mistakes"] as? [String] == ["Pooling/max-stride-ignored"])
    #expect(extras["Pooling/pooledLength"]?["status"] as? String == "unwritten")
  }

  @Test("hint prints a pointer for every exercise of the curriculum")
  func hints() throws {
    let tree = ExerciseTree(root: PackageCopy.original)
    let curriculum = Curriculum.read(from: tree)
    let names = try tree.exercises().map(\.name)
    #expect(curriculum.exerciseNames.sorted() == names.sorted())
    for name in curriculum.exerciseNames {
      let outcome = runCompanion(["hint", name])
      #expect(outcome.status == 0, "\(name)")
      #expect(outcome.output.hasPrefix("\(name):\n"))
    }
    let unknown = runCompanion(["hint", "nope"])
    #expect(unknown.status == 2)
    #expect(unknown.errors.hasPrefix("companion: error: no exercise named 'nope'"))
  }

  @Test(
    "check, test and verify reject bad arguments without building anything",
    arguments: [
      ["check", "--format", "xml"], ["check", "A", "B"], ["check", "--frobnicate"],
      ["verify", "x"], ["check", "NoSuchChapter"], ["check", "--timeout", "0"],
      ["check", "--timeout", "soon"], ["test"], ["test", "NoSuchChapter"],
      ["test", "Convolution", "--timeout", "-1"], ["verify", "--mistakes", "NoSuchChapter"],
      ["verify", "--mistakes", "Pooling", "Dropout"], ["verify", "--frobnicate"],
    ])
  func badArguments(_ arguments: [String]) {
    let outcome = runCompanion(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.errors.hasPrefix("companion: error: "))
  }
}
