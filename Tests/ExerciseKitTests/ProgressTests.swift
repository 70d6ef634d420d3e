import Foundation
import Testing

@testable import ExerciseKit

@Suite("Judging: each exercise by its own tests, with the reference standing in for the rest")
struct ProgressTests {
  static let exercises = ["rotate180", "zeroPad", "correlate2D", "convolve2D"].enumerated().map {
    Exercise(name: $1, file: "Convolution/F.swift", line: 10 * $0, body: [], stub: [])
  }

  static func test(
    _ name: String, _ verdict: TestRecord.Verdict, reached: Set<String> = [],
    issue: String = "boom"
  ) -> TestRecord {
    TestRecord(
      id: "ConvolutionTests.S/\(name)()/S.swift:1:1", name: name, verdict: verdict,
      issues: verdict == .failed ? [issue] : [], reached: reached)
  }

  static func report(
    unwritten: Set<String> = [], alone: [String: [TestRecord]], together: [TestRecord] = [],
    reach: [String: Set<String>] = [:]
  ) -> ChapterReport {
    chapterReport(
      chapter: "Convolution", exercises: exercises, unwritten: unwritten, alone: alone,
      together: together, reach: reach)
  }

  static func status(_ name: String, in report: ChapterReport) -> ExerciseStatus? {
    report.exercises.first { $0.name == name }?.status
  }

  @Test("an exercise's verdict comes from its own run alone: another's failure never reaches it")
  func alone() {
    let report = Self.report(
      unwritten: ["rotate180", "convolve2D"],
      alone: [
        "zeroPad": [Self.test("pad", .passed), Self.test("padded", .passed)],
        "correlate2D": [
          Self.test("stride1", .passed), Self.test("stride2", .failed, issue: "entry (0, 1)"),
          Self.test("padded", .passed),
        ],
      ])
    guard case .failing(let failure) = Self.status("correlate2D", in: report) else {
      Issue.record("correlate2D is not failing")
      return
    }
    #expect(failure.test == "stride2")
    #expect(failure.message == "entry (0, 1)")
    #expect(failure.alsoReached.isEmpty)
    #expect(Self.status("zeroPad", in: report) == .done)
    #expect(Self.status("rotate180", in: report) == .notWritten)
    #expect(Self.status("convolve2D", in: report) == .notWritten)
  }

  @Test("the failure shown is the failing test that reaches the fewest exercises")
  func mostTelling() {
    let tests = [
      Self.test("wide", .failed, issue: "wide"), Self.test("narrow", .failed, issue: "narrow"),
      Self.test("also narrow", .failed, issue: "later"),
    ]
    let reach: [String: Set<String>] = [
      tests[0].id: ["correlate2D", "zeroPad", "rotate180"], tests[1].id: ["correlate2D"],
      tests[2].id: ["correlate2D"],
    ]
    let report = Self.report(alone: ["correlate2D": tests], reach: reach)
    guard case .failing(let failure) = Self.status("correlate2D", in: report) else {
      Issue.record("correlate2D is not failing")
      return
    }
    #expect(failure.message == "narrow")
  }

  @Test("the failure shown is a named mistake first, of any failing test, with what else failed")
  func namedFirst() {
    var wide = Self.test("wide", .failed)
    wide.issues = ["entry (0, 0): expected 1", "probably: the kernel is not flipped"]
    let narrow = Self.test("narrow", .failed, issue: "entry (1, 1): expected 2")
    var catalog = Self.test("catalog", .failed)
    catalog.issues = ["entry (2, 2)", "W^(l+1) is (units in l) x (units in l+1) already"]
    let reach: [String: Set<String>] = [
      wide.id: ["correlate2D", "rotate180"], narrow.id: ["correlate2D"],
      catalog.id: ["correlate2D"],
    ]
    let named = Self.report(alone: ["correlate2D": [narrow, wide]], reach: reach)
    guard case .failing(let failure) = Self.status("correlate2D", in: named) else {
      Issue.record("correlate2D is not failing")
      return
    }
    #expect(failure.message == "probably: the kernel is not flipped")
    #expect(failure.test == "wide")
    #expect(failure.moreTests == 1)
    #expect(failure.moreIssues == 2)
    // A catalog diagnosis that does not say "probably" counts as named when the catalog is given.
    let diagnoses = ["W^(l+1) is (units in l) x (units in l+1) already"]
    let both = [narrow, catalog]
    let withCatalog = ExerciseKit.mostTelling(both, reach: reach, diagnoses: diagnoses)
    #expect(withCatalog?.issue == diagnoses[0])
    #expect(ExerciseKit.mostTelling(both, reach: reach)?.issue == "entry (1, 1): expected 2")
    #expect(names("S.swift:1:2: 可能是：忽略了步幅"))
    #expect(!names("entry (0, 0): expected 1"))
  }

  @Test("a stopped test fails its exercise; skipped ones, or ones not run, say nothing")
  func stopped() {
    let report = Self.report(alone: [
      "zeroPad": [Self.test("loop", .stopped("did not finish in 60 s (an endless loop?)"))],
      "correlate2D": [Self.test("never", .notRun), Self.test("skipped", .skipped)],
      "rotate180": [],
      "convolve2D": [Self.test("ok", .passed), Self.test("never", .notRun)],
    ])
    guard case .failing(let failure) = Self.status("zeroPad", in: report) else {
      Issue.record("zeroPad is not failing")
      return
    }
    #expect(failure.message == "did not finish in 60 s (an endless loop?)")
    #expect(Self.status("correlate2D", in: report) == .unreached)
    #expect(Self.status("rotate180", in: report) == .unreached)
    #expect(Self.status("convolve2D", in: report) == .done)
  }

  @Test("a test that fails only together is the chapter's: its exercises stay done on their own")
  func together() {
    let report = Self.report(
      unwritten: ["convolve2D"],
      alone: [
        "rotate180": [Self.test("flip", .passed)], "zeroPad": [Self.test("pad", .passed)],
        "correlate2D": [Self.test("corr", .passed)],
      ],
      together: [
        Self.test("both", .failed, reached: ["zeroPad", "correlate2D", "convolve2D"]),
        Self.test("flip", .passed, reached: ["rotate180"]),
      ])
    #expect(report.done == 3)
    #expect(!report.isDone)
    #expect(report.together.map(\.test) == ["both"])
    // What it ran of the student's: not the stub, whose reference body ran.
    #expect(report.together.first?.alsoReached == ["correlate2D", "zeroPad"])
    #expect(Self.status("zeroPad", in: report) == .done)
  }

  @Test("the chapter counts each test once: passed when it passed in every run it was part of")
  func chapter() {
    let report = Self.report(
      unwritten: ["correlate2D", "convolve2D"],
      alone: [
        "rotate180": [Self.test("a", .passed), Self.test("shared", .passed)],
        "zeroPad": [Self.test("b", .passed), Self.test("shared", .passed)],
      ],
      together: [Self.test("shared", .failed)])
    #expect(report.done == 2)
    #expect(report.testsPassed == 2)
    #expect(report.testsRun == 3)
    let clean = Self.report(
      unwritten: ["correlate2D", "convolve2D"],
      alone: ["rotate180": [Self.test("a", .passed)], "zeroPad": [Self.test("b", .passed)]])
    #expect(clean.isDone == false)
    #expect(clean.done == 2)
  }
}

@Suite("Grading: one run of the student's code alone, as the autograder scores it")
struct GradingTests {
  static func status(
    _ name: String, unwritten: Set<String>, _ tests: [TestRecord]
  ) -> ExerciseStatus? {
    gradingReport(
      chapter: "Convolution", exercises: ProgressTests.exercises, unwritten: unwritten,
      tests: tests
    ).exercises.first { $0.name == name }?.status
  }

  @Test("a failing test that reached only written exercises blames the one not cleared")
  func blame() {
    let tests = [
      ProgressTests.test("pad", .passed, reached: ["zeroPad"]),
      ProgressTests.test("stride1", .passed, reached: ["correlate2D"]),
      ProgressTests.test("stride2", .failed, reached: ["correlate2D"], issue: "entry (0, 1)"),
      ProgressTests.test("padded", .failed, reached: ["correlate2D", "zeroPad"]),
    ]
    let unwritten: Set<String> = ["rotate180", "convolve2D"]
    guard case .failing(let failure) = Self.status("correlate2D", unwritten: unwritten, tests)
    else {
      Issue.record("correlate2D is not failing")
      return
    }
    #expect(failure.test == "stride2")
    #expect(Self.status("zeroPad", unwritten: unwritten, tests) == .done)
  }

  @Test("when every exercise a failing test reached is cleared, it blames them all")
  func blameAll() {
    let tests = [
      ProgressTests.test("a", .passed, reached: ["zeroPad"]),
      ProgressTests.test("b", .passed, reached: ["correlate2D"]),
      ProgressTests.test("both", .failed, reached: ["correlate2D", "zeroPad"]),
    ]
    for name in ["zeroPad", "correlate2D"] {
      guard case .failing(let failure) = Self.status(name, unwritten: [], tests) else {
        Issue.record("\(name) is not failing")
        continue
      }
      #expect(failure.test == "both")
    }
  }

  @Test("a test that reached a stub withholds the point of the written exercises it reached")
  func waiting() {
    let tests = [
      ProgressTests.test("flipped", .failed, reached: ["convolve2D", "rotate180"]),
      ProgressTests.test("alone", .passed, reached: ["convolve2D"]),
    ]
    guard case .failing(let failure) = Self.status("convolve2D", unwritten: ["rotate180"], tests)
    else {
      Issue.record("convolve2D is not failing")
      return
    }
    #expect(failure.test == "flipped")
    #expect(failure.message.contains("also runs rotate180, not written yet"))
    #expect(Self.status("rotate180", unwritten: ["rotate180"], tests) == .notWritten)
    #expect(
      Self.status("convolve2D", unwritten: [], [tests[1]]) == .done)
  }
}

@Suite("Reading a test run: Swift Testing's event stream and the exercise trace")
struct TestEventTests {
  static func line(_ object: [String: Any]) -> String {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
  }

  static func test(_ id: String, _ name: String) -> String {
    line(["kind": "test", "payload": ["kind": "function", "id": id, "displayName": name]])
  }

  static func event(_ kind: String, _ id: String, _ extra: [String: Any] = [:]) -> String {
    var payload: [String: Any] = ["kind": kind, "testID": id]
    payload.merge(extra) { $1 }
    return line(["kind": "event", "payload": payload])
  }

  @Test("passed, failed with its first issue, stopped mid-run, never started")
  func verdicts() {
    let issue: [String: Any] = [
      "issue": ["isKnown": false],
      "_sourceLocation": ["fileID": "ConvolutionTests/S.swift", "line": 14, "column": 5],
      "messages": [
        ["symbol": "fail", "text": "Issue recorded"],
        ["symbol": "details", "text": "entry (0, 1): expected 16.0, computed 10.0"],
        ["symbol": "details", "text": "expected | computed"],
      ],
    ]
    let known: [String: Any] = [
      "issue": ["isKnown": true], "messages": [["symbol": "fail", "text": "known"]],
    ]
    let stream = [
      Self.test("T.S/a()/S.swift:1:1", "A"), Self.test("T.S/b()/S.swift:2:1", "B"),
      Self.test("T.S/c()/S.swift:3:1", "C"), Self.test("T.S/d()/S.swift:4:1", "D"),
      Self.line(["kind": "test", "payload": ["kind": "suite", "id": "T.S", "name": "S"]]),
      Self.event("testStarted", "T.S/a()/S.swift:1:1"),
      Self.event("issueRecorded", "T.S/a()/S.swift:1:1", known),
      Self.event(
        "testEnded", "T.S/a()/S.swift:1:1", ["messages": [["symbol": "pass", "text": ""]]]),
      Self.event("testStarted", "T.S/b()/S.swift:2:1"),
      Self.event("issueRecorded", "T.S/b()/S.swift:2:1", issue),
      Self.event(
        "testEnded", "T.S/b()/S.swift:2:1", ["messages": [["symbol": "fail", "text": ""]]]),
      Self.event("testStarted", "T.S/c()/S.swift:3:1"),
      "{\"kind\":\"event\",\"payl",
    ].joined(separator: "\n")
    let records = readTestEvents(Data(stream.utf8), stoppedBecause: "trapped")
    #expect(records.map(\.name) == ["A", "B", "C", "D"])
    #expect(records.map(\.verdict) == [.passed, .failed, .stopped("trapped"), .notRun])
    #expect(
      records[1].firstFailure
        == "S.swift:14:5: entry (0, 1): expected 16.0, computed 10.0\nexpected | computed")
    #expect(records[0].target == "T")
  }

  @Test("the trace: one line per test and exercise reached")
  func trace() {
    let reached = readTrace("T.S/a()/S.swift:1:1\tzeroPad\nT.S/a()/S.swift:1:1\trelu\nbroken\n")
    #expect(reached == ["T.S/a()/S.swift:1:1": ["zeroPad", "relu"]])
  }

  @Test("a chapter's dependencies are the chapters its files import")
  func imports() {
    let source =
      "import Foundation\n@testable import Pooling\nimport Convolution\n// import Backprop"
    #expect(importedModules(in: source) == ["Foundation", "Pooling", "Convolution"])
  }
}

@Suite("The curriculum: the README's chapter order, the guides' hints")
struct CurriculumTests {
  @Test("chapters in the order of the README's table; hints under a guide's Hints heading")
  func reading() {
    let readme = "| Chapter | x |\n| --- | --- |\n| `B` | b |\n| `A` | a |\n"
    #expect(chapterTable(readme) == ["B", "A"])
    let guide = """
      # A

      ## Hints

      In order.

      ### `second`

      Look at the slide.
      Lecture 000.

      ### `first`
      One line.
      ## Conventions

      ### `notAHint`
      """
    let found = hints(guide)
    #expect(found.map(\.name) == ["second", "first"])
    #expect(found.map(\.hint) == ["Look at the slide.\nLecture 000.", "One line."])
    let curriculum = Curriculum(chapters: [("B", []), ("A", found)])
    #expect(curriculum.teachingOrder(of: ["A", "C", "B"]) == ["B", "A", "C"])
    #expect(curriculum.hint(for: "first") == "One line.")
    let exercises = ["first", "other", "second"].map {
      Exercise(name: $0, file: "A/F.swift", line: 1, body: [], stub: [])
    }
    #expect(curriculum.teachingOrder(of: exercises).map(\.name) == ["second", "first", "other"])
  }
}

@Suite("The Chinese guides: hints in both languages, the glossary's terms")
struct ChineseGuideTests {
  /// A package with one chapter A of two exercises, its English guide, and `chinese` as its
  /// Chinese guide.
  static func tree(chinese: String, glossary: String = "# 术语表\n") throws -> (
    ExerciseTree, URL
  ) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "zh-guides-\(UUID().uuidString)")
    let manager = FileManager.default
    for folder in ["Solutions/A", "Tests/ATests", "Guides/zh"] {
      try manager.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let source = ["first", "second"].map {
      "func \($0)() -> Int {\n  // BEGIN EXERCISE \($0)\n  return 1\n  // END EXERCISE\n}\n"
    }.joined()
    let files = [
      "Solutions/A/F.swift": source,
      "Tests/ATests/T.swift": "@Test(\"E1.1 something\") func t() {}\n",
      "README.md": "| `A` | a | 2 | g |\n",
      "Guides/A.md": "`first` `second` E1.1\n## Hints\n### `first`\nOne.\n### `second`\nTwo.\n",
      "Guides/zh/A.md": chinese,
      "Guides/zh/README.md": "步幅\n",
      "Guides/zh/Glossary.md": glossary,
    ]
    for (path, text) in files {
      try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }
    return (ExerciseTree(root: root), root)
  }

  @Test("a Chinese hint replaces the English one where there is one; the order is English")
  func hintsInChinese() throws {
    let (tree, root) = try Self.tree(chinese: "`first` `second`\n## 提示\n### `second`\n二。\n")
    defer { try? FileManager.default.removeItem(at: root) }
    let chinese = Curriculum.read(from: tree, chinese: true)
    #expect(chinese.exerciseNames == ["first", "second"])
    #expect(chinese.hint(for: "first") == "One.")
    #expect(chinese.hint(for: "second") == "二。")
    #expect(Curriculum.read(from: tree).hint(for: "second") == "Two.")
  }

  @Test("a Chinese guide missing a hint, with an untested id, or a ruled-out term is a problem")
  func problems() throws {
    let glossary = "## 不用的译法\n\n| 不用 | 改用 | 原因 |\n| --- | --- | --- |\n| 步长 | 步幅 | x |\n"
    #expect(avoidedTerms(in: glossary).map(\.term) == ["步长"])
    let (tree, root) = try Self.tree(
      chinese: "`first` E9.9 步长\n## 提示\n### `first`\n一。\n", glossary: glossary)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(
      try guideProblems(in: tree) == [
        "Guides/zh/A.md does not name the exercise `second`",
        "Guides/zh/A.md cites E9.9, but no test's name carries it",
        "Guides/zh/A.md: the hints under ## 提示 are [\"first\"], but the English guide's are "
          + "[\"first\", \"second\"]",
        "Guides/zh/A.md writes 步长; the glossary says 步幅",
      ])
    let (good, goodRoot) = try Self.tree(
      chinese: "`first` `second` E1.1\n## 提示\n### `first`\n一。\n### `second`\n二。\n",
      glossary: glossary)
    defer { try? FileManager.default.removeItem(at: goodRoot) }
    #expect(try guideProblems(in: good) == [])
  }
}
