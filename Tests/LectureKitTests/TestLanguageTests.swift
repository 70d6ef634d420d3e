import Foundation
import LectureKit
import Testing

@testable import TestSupport

/// The failures the tests record are said in the language of the run: `COMPANION_LANG` starting
/// with "zh" gives Chinese, anything else English, byte for byte as before. Numbers, matrices and
/// names from the code read the same in both.
@Suite("Failures in English or in Chinese")
struct TestLanguageTests {
  static let mistakes = [
    KnownMistake("the kernel is not flipped", zh: "卷积核没有翻转", [[1, 2]]),
    KnownMistake("the stride is ignored", zh: "忽略了步幅", [[1, 2]]),
    KnownMistake("the rows are swapped", zh: "行弄反了", [[3, 4]]),
  ]

  @Test("COMPANION_LANG: zh, zh_CN.UTF-8 and ZH are Chinese; en, fr, empty and unset, English")
  func variable() {
    for value in ["zh", "zh_CN.UTF-8", "ZH"] {
      #expect(TestLanguage(variable: value) == .chinese, "\(value)")
    }
    for value in ["en", "en_US.UTF-8", "fr", "", "cn-zh"] {
      #expect(TestLanguage(variable: value) == .english, "\(value)")
    }
    #expect(TestLanguage(variable: nil) == .english)
  }

  @Test("a chosen language holds inside its body only, for every text")
  func choosing() {
    #expect(TestLanguage.using(.chinese) { said("computed", "算出") } == "算出")
    #expect(TestLanguage.using(.english) { said("computed", "算出") } == "computed")
    #expect(TestLanguage.current == TestLanguage.environment)
    let mistake = Self.mistakes[2]
    #expect(mistake.diagnosis == "the rows are swapped", "the catalog's English, always")
    #expect(mistake.chineseDiagnosis == "行弄反了")
    #expect(TestLanguage.using(.chinese) { mistake.text } == "行弄反了")
    #expect(TestLanguage.using(.english) { mistake.text } == "the rows are swapped")
  }

  @Test("naming one mistake, and two that both explain the value, in both languages")
  func naming() {
    let expected: [TestLanguage: [String?]] = [
      .english: [
        "probably: the rows are swapped",
        "probably one of: the kernel is not flipped; or the stride is ignored", nil,
      ],
      .chinese: ["可能是：行弄反了", "可能是以下之一：卷积核没有翻转；或 忽略了步幅", nil],
    ]
    for language in TestLanguage.allCases {
      let named = TestLanguage.using(language) {
        [[[3, 4]], [[1, 2]], [[5, 6]]].map { (value: Matrix) in
          KnownMistake.diagnosis(of: value, among: Self.mistakes)
        }
      }
      #expect(named == expected[language], "\(language)")
    }
  }

  @Test("a wrong entry of a named mistake: the diagnosis, the entry and the grid, in Chinese")
  func matrixInChinese() {
    let failures = TestLanguage.using(.chinese) {
      capturingFailures { expectMatrix([[3, 4]], equals: [[3, 5]], unlike: Self.mistakes) }
    }
    #expect(
      failures == [
        """
        可能是：行弄反了
        元素 (0, 1)：应为 5.0，算出 4.0（容差 1e-12）
        应为   |   算出
        3 5    |   3 4
        """
      ])
  }

  @Test("the same failure in English reads as it always did")
  func matrixInEnglish() {
    let failures = TestLanguage.using(.english) {
      capturingFailures { expectMatrix([[3, 4]], equals: [[3, 5]], unlike: Self.mistakes) }
    }
    #expect(
      failures == [
        """
        probably: the rows are swapped
        entry (0, 1): expected 5.0, computed 4.0 (tolerance 1e-12)
        expected   |   computed
        3 5        |   3 4
        """
      ])
  }

  @Test("a wrong shape, a context, NaN entries and a table, in Chinese")
  func otherTexts() {
    TestLanguage.using(.chinese) {
      let shape = capturingFailures { expectMatrix([[1, 2, 3]], equals: [[1, 2], [3, 4]]) }
      #expect(shape.first?.hasPrefix("应为 2 x 2 矩阵，算出的是 1 x 3 矩阵\n应为") == true)
      let nan = capturingFailures {
        expectMatrix([[1, .nan]], equals: [[1, 2]], tolerance: 0.5, "stride 2")
      }
      #expect(
        nan.first?.hasPrefix(
          "stride 2：出现了 NaN 或无穷大：读了矩阵范围以外的下标、算了 0 / 0，或者对很大的数取 exp，都会这样\n"
            + "元素 (0, 1)：应为 2.0，算出 nan（容差 0.5）\n") == true)
      let table = capturingFailures {
        expectTable(
          [1, 2, 3], { "n = \($0)" }, computed: { $0 + 1 }, expected: { $0 },
          unlike: [KnownRuleMistake("the + 1 is extra", zh: "多加了 1") { $0 + 1 }])
      }
      #expect(table == ["可能是：多加了 1\nn = 1：应为 1，算出 2（共 3 个情形，另有 2 个也不对）"])
      let every = capturingFailures { expectEvery([1, 2, 3]) { "\($0)" } }
      #expect(every == ["1（另有 2 处）"])
    }
  }

  @Test("a grid under Chinese titles stays aligned: a Chinese character takes two columns")
  func alignment() {
    let lines = TestLanguage.using(.chinese) { sideBySide([[10, 200]], [[3, 4]]) }
      .split(separator: "\n")
    #expect(lines == ["应为      |   算出", " 10 200   |   3 4"])
  }
}

@Suite("The reference track warns a student that their exercises did not run")
struct ReferenceTrackNoticeTests {
  /// A package of one chapter whose one exercise is written, or not.
  static func package(written: Bool) throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("notice-\(UUID().uuidString)")
    let solution = """
      public func f() -> Int {
        // BEGIN EXERCISE f stub: return 0
        return 1
        // END EXERCISE
      }
      """
    for (track, text) in [
      ("Solutions", solution),
      (
        "Exercises",
        written ? solution : solution.replacingOccurrences(of: "return 1", with: "return 0")
      ),
    ] {
      let folder = root.appendingPathComponent("\(track)/Pooling")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: folder.appendingPathComponent("F.swift"))
    }
    return root
  }

  @Test("written bodies on the reference track: a warning naming the command; else nothing")
  func notice() throws {
    let written = try Self.package(written: true)
    let message = try #require(ReferenceTrackNotice.message(root: written, track: .solutions))
    #expect(message.hasPrefix("This run tested the reference implementation in Solutions/"))
    #expect(message.contains("not the 1 exercise you wrote in Exercises/"))
    #expect(message.contains("swift run companion check Pooling"))
    #expect(message.contains("COMPANION_TRACK=exercises swift test"))
    #expect(ReferenceTrackNotice.message(root: written, track: .exercises) == nil)
    let stubs = try Self.package(written: false)
    #expect(ReferenceTrackNotice.message(root: stubs, track: .solutions) == nil)
  }
}
