import ExerciseKit
import Foundation
import Testing

@testable import CompanionCore

#if canImport(Glibc)
  import Glibc
#endif

/// `check`, `test`, `watch` and `reset` in Chinese: the report, the watch screen, the statuses,
/// what to do next, the errors and the prompt, with no English sentence left but the tests' own
/// failure messages.
@Suite("check, test, watch and reset in Chinese")
struct ChineseCheckTests {
  /// `body` run in Chinese.
  static func chinese<T>(_ body: () throws -> T) rethrows -> T {
    try Language.$current.withValue(.zh) { try body() }
  }

  /// CheckTests' reports as a check run in Chinese makes them: the same, except that the texts
  /// the checker writes into them (the compiler's error, the exercise not checked) are Chinese.
  static var reports: [ChapterReport] {
    chinese {
      CheckTests.reports.map { report in
        guard report.problem != nil else { return report }
        return ChapterReport(
          chapter: report.chapter,
          exercises: report.exercises.map {
            ExerciseReport(
              name: $0.name, file: $0.file, line: $0.line, status: .broken(tr("check.brokenHere")))
          },
          problem: tr(
            "check.doesNotCompile",
            ["error": "Exercises/Pooling/MaxPooling.swift:41:9: cannot find 'y'"]))
      }
    }
  }

  /// The lines of the fixture's failure message: the test suite's own text, left as it is.
  static let failureLines = Set(
    CheckTests.failure.message.split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    })

  /// The lines of `text` with an English sentence, but for the tests' failure messages.
  static func english(_ text: String) -> [String] {
    ChineseOutputTests.englishLines(text).filter {
      !failureLines.contains($0.trimmingCharacters(in: .whitespaces))
    }
  }

  @Test("the report: counts, statuses, the failing test, what to do next, all in Chinese")
  func report() {
    let text = Self.chinese { CheckTests.text(Self.reports) }
    #expect(text.hasPrefix("你的练习（Exercises/），检查用时 "))
    #expect(
      text.contains(
        "Convolution：共 4 个练习，完成 2 个，失败 1 个，未完成 1 个，"
          + "71 个测试通过 17 个\n"))
    #expect(text.contains("  ✔ rotate180     完成\n"))
    #expect(text.contains("  ✔ zeroPad       完成\n"))
    #expect(text.contains("  ✘ correlate2D   失败  Exercises/Convolution/Correlation.swift:30\n"))
    #expect(
      text.contains(
        "      测试“E4.1 stride 2”（ConvolutionTests.CorrelationTests）\n"
          + "      C.swift:21:23: entry (0, 1): expected 16.0, computed 10.0\n"))
    #expect(text.contains("  · outputLength  未完成  Exercises/Convolution/OutputSize.swift:23\n"))
    #expect(text.contains("Pooling：共 1 个练习，完成 0 个，未检查 1 个\n"))
    #expect(text.contains("  ! 编译不通过：Exercises/Pooling/MaxPooling.swift:41:9"))
    #expect(text.contains("  ✘ maxPool2D  编译不通过（见上）  Exercises/Pooling/MaxPooling.swift:40"))
    #expect(text.contains("\n共 5 个练习，完成 2 个。\n"))
    #expect(
      text.hasSuffix(
        "下一步：correlate2D，在 Exercises/Convolution/Correlation.swift:30\n"
          + "  swift run companion hint correlate2D\n  swift run companion test Convolution\n"))
    #expect(Self.english(text).isEmpty, "\(Self.english(text).joined(separator: "\n"))")
    // The same reports in English read as before.
    #expect(CheckTests.text(CheckTests.reports).contains("2 of 5 exercises done.\n"))
  }

  @Test("every status in a few Chinese words")
  func statuses() {
    let phrases = Self.chinese {
      [
        ExerciseStatus.done, .notWritten, .failing(CheckTests.failure), .unreached,
      ].map(phrase)
    }
    #expect(phrases == ["完成", "未完成", "失败", "已写；没有测试运行到它"])
    #expect(phrase(.unreached) == "written; no test reached it")
  }

  @Test("what to do next when a chapter is done, not checked, or fails together")
  func next() {
    let done = CheckTests.donePooling
    let finished = Self.chinese { CheckTests.text([done]) }
    #expect(
      finished.hasSuffix(
        "Pooling 已完成：每个练习都通过了它的测试。下一步：Convolution 这一章\n"
          + "  swift run companion check Convolution\n"))
    let all = Self.chinese {
      CheckText(chapters: [done, done], chapterOf: [:], unfinishedChapters: [], seconds: 2).text
    }
    #expect(all.hasSuffix("这几章已完成：每个练习都通过了它的测试。读一读 Solutions/，和你的代码对照。\n"))

    let unreadable = Self.chinese {
      ChapterReport(
        chapter: "Pooling",
        exercises: [
          ExerciseReport(
            name: "maxPool2D", file: "Exercises/Pooling/MaxPooling.swift", line: 40,
            status: .broken(tr("check.notChecked")))
        ],
        problem: tr(
          "check.markerMissing", ["name": "maxPool2D", "file": "Pooling/MaxPooling.swift"]))
    }
    let problem = Self.chinese { CheckTests.text([unreadable]) }
    #expect(
      problem.hasSuffix(
        "下一步：先处理 Pooling：未检查：Exercises/Pooling/MaxPooling.swift 里少了 "
          + "BEGIN EXERCISE maxPool2D 这一行：把它放回函数体的上面\n"))
    #expect(problem.contains("  ✘ maxPool2D  未检查  Exercises/Pooling/MaxPooling.swift:40"))

    let together = ChapterReport(
      chapter: "Pooling",
      exercises: ["maxPool2D", "maxPoolBackward"].map {
        ExerciseReport(
          name: $0, file: "Exercises/Pooling/MaxPooling.swift", line: 40, status: .done)
      }, testsPassed: 3, testsRun: 4,
      together: [
        TestFailure(
          test: "E2.4", testID: "PoolingTests.S/t()/S.swift:1:1", message: "S.swift:2:3: 1.0",
          alsoReached: ["maxPool2D", "maxPoolBackward"])
      ])
    let other = Self.chinese { CheckTests.text([together]) }
    #expect(other.contains("Pooling：共 2 个练习，完成 2 个，4 个测试通过 3 个\n"))
    #expect(
      other.contains(
        "  ✘ 测试“E2.4”（PoolingTests.S） maxPool2D 和 maxPoolBackward 各自都通过了自己的测试，"
          + "放在一起却让这个测试失败：\n"))
    #expect(
      other.hasSuffix(
        "下一步：Pooling：maxPool2D 和 maxPoolBackward 各自通过，放在一起却不行；看看它们是怎样互相调用的\n"
          + "  swift run companion test Pooling\n"))
    for text in [finished, all, problem, other] {
      #expect(Self.english(text).isEmpty, "\(Self.english(text).joined(separator: "\n"))")
    }
  }

  /// A watch screen of `report` on a terminal, with `current` on it.
  static func screen(
    _ report: ChapterReport?, current: String?, hint: Bool = false, news: String? = nil,
    status: String? = nil
  ) -> String {
    var watcher = Watcher(
      root: PackageCopy.original, chapter: "Convolution", chapters: ["Convolution", "Pooling"],
      timeout: 60, interactive: true)
    watcher.report = report
    watcher.current = current
    watcher.showHint = hint
    watcher.news = news
    return watcher.screen(status: status)
  }

  @Test("the watch screen: keys, progress bars, the exercise now, its failure and its hint")
  func watchScreen() throws {
    let report = Self.reports[0]
    let news = Self.chinese {
      Watcher.news("rotate180", next: "correlate2D", chapter: "Convolution")
    }
    #expect(news == "✔ rotate180 通过了它的测试。下一个：correlate2D。")
    let screen = Self.chinese {
      Self.screen(report, current: "correlate2D", hint: true, news: news)
    }
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "companion watch: Convolution        h 提示 · n 下一个 · r 重新检查 · q 退出")
    // The two bars start in the same column, though 整门课 takes two columns a character.
    let bars = lines.filter { $0.contains("░") || $0.contains("█") }
    #expect(bars.count == 2)
    #expect(bars[0].hasPrefix("Convolution  ") && bars[0].hasSuffix("  完成 2/4"))
    #expect(bars[1].hasPrefix("整门课"))
    let starts = bars.map { bar in
      columns(String(bar.prefix { $0 != "█" && $0 != "░" }))
    }
    #expect(starts[0] == starts[1], "\(bars)")
    #expect(screen.contains("✔ rotate180 通过了它的测试。下一个：correlate2D。\n"))
    #expect(
      screen.contains(
        "当前：correlate2D  失败\n      Exercises/Convolution/Correlation.swift:30\n\n"
          + "测试“E4.1 stride 2”（ConvolutionTests.CorrelationTests）\n"))
    #expect(screen.contains("\n提示：\n  "))
    let hint = try #require(screen.components(separatedBy: "提示：\n").last)
    #expect(
      hint.unicodeScalars.contains(where: MessageTable.isHan), "the hint of the Chinese guide")
    #expect(screen.contains(" 检查完毕，用时 0.0 s。保存 Exercises/ 里的文件就会重新检查。\n"))
    #expect(Self.english(screen).isEmpty, "\(Self.english(screen).joined(separator: "\n"))")

    let unwritten = Self.chinese { Self.screen(report, current: "outputLength") }
    #expect(
      unwritten.contains(
        "当前：outputLength  未完成\n      Exercises/Convolution/OutputSize.swift:23\n\n"
          + "在 BEGIN EXERCISE 和 END EXERCISE 两行之间写函数体；按 h 看提示。\n"))
    let checking = Self.chinese {
      Self.screen(
        report, current: "outputLength", status: tr("watch.checking", ["chapter": "Convolution"]))
    }
    #expect(checking.hasSuffix("\n正在检查 Convolution……\n"))
    let done = ChapterReport(
      chapter: "Convolution", exercises: [report.exercises[0]], testsPassed: 1, testsRun: 1)
    let finished = Self.chinese { Self.screen(done, current: nil) }
    #expect(
      finished.contains(
        "Convolution 的练习全部完成：整门课的进度看 `swift run companion check`。\n"))
    let soFar = Self.chinese {
      Watcher.news("zeroPad", next: nil, chapter: "Convolution")
    }
    #expect(soFar == "✔ zeroPad 通过了它的测试。Convolution 没有要写的练习了。")
    for text in [unwritten, checking, finished, soFar] {
      #expect(Self.english(text).isEmpty, "\(Self.english(text).joined(separator: "\n"))")
    }

    // In English the screen reads as before.
    let english = Self.screen(CheckTests.reports[0], current: "correlate2D")
    #expect(
      english.hasPrefix("companion watch: Convolution        h hint · n next · r check again"))
    #expect(english.contains("\nCourse       "))
    #expect(english.contains("  2 of 4 done\n"))
    #expect(
      english.contains(
        "Now: correlate2D  failing\n     Exercises/Convolution/Correlation.swift:30\n\n"
          + "test \"E4.1 stride 2\" (ConvolutionTests.CorrelationTests)\n"))
    #expect(english.contains(" in 0.0 s. Save a file of Exercises/ to check again.\n"))
    #expect(
      Watcher.news("rotate180", next: nil, chapter: "Convolution")
        == "✔ rotate180 passes its tests. Nothing is left to write in Convolution.")
  }

  @Test("the time limit, the test runs' problems and the progress lines in Chinese")
  func runTexts() {
    let runner = ChapterTestRun(root: PackageCopy.original, timeout: 5)
    #expect(runner.timeLimitMessage == "did not finish in 5 s (an endless loop?)")
    #expect(Self.chinese { runner.timeLimitMessage } == "没有在 5 s 内跑完（死循环？）")
    let lines = Self.chinese {
      [
        tr("check.building", ["command": "check", "folder": CheckBuild.scratch]),
        tr("check.testing", ["command": "test", "chapter": "Pooling"]),
        tr("check.lateMany", ["count": "2", "seconds": "5"])
          + tr("check.blockedOne", ["count": "1"]) + tr("check.othersRan"),
        tr("check.blocked", ["chapter": "Convolution"]), tr("check.trackNote"),
      ]
    }
    #expect(
      lines == [
        "companion check: 正在 .build-exercises/ 里编译你的练习……",
        "companion test: 正在测试 Pooling……",
        "2 个测试没有在 5 s 内跑完；另有 1 个测试运行到同一个练习，也在那里停下了；其余测试都跑完了",
        "未检查：本章要用到 Convolution，而 Convolution 编译不通过",
        "companion: 注意：这个 shell 里设置了 COMPANION_TRACK；check 和 test 用不着它，而且有了它，"
          + "`swift run` 会用你的练习来编译工具本身：`unset COMPANION_TRACK`",
      ])
    #expect(Self.english(lines.joined(separator: "\n")).isEmpty)
  }

  @Test(
    "mistakes in the arguments: one line in Chinese, status 2",
    arguments: [
      ["check", "--format", "xml"], ["check", "A", "B"], ["check", "--timeout", "0"],
      ["test"], ["test", "Convolution", "--timeout", "soon"], ["watch", "A", "B"], ["reset"],
      ["reset", "a", "b"],
    ])
  func mistakes(_ arguments: [String]) {
    let outcome = runCompanion(["--lang", "zh"] + arguments)
    #expect(outcome.status == 2)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors.hasPrefix("companion: 错误："))
    #expect(outcome.errors.filter { $0 == "\n" }.count == 1)
    #expect(outcome.errors.unicodeScalars.dropFirst(14).contains(where: MessageTable.isHan))
    #expect(Self.english(outcome.errors).isEmpty, "\(outcome.errors)")
  }

  @Test("an unknown chapter lists the chapters the Chinese way")
  func unknownChapter() {
    let outcome = runCompanion(["--lang", "zh", "check", "NoSuchChapterAtAll"])
    #expect(outcome.status == 2)
    #expect(outcome.errors.contains("本课的章有 Convolution、"), "\(outcome.errors)")
  }

  @Test("the help of check, test, watch and reset, in Chinese and within 100 columns")
  func help() {
    for name in ["check", "test", "watch", "reset"] {
      let outcome = runCompanion(["--lang", "zh", "help", name])
      #expect(outcome.status == 0)
      #expect(outcome.output.hasPrefix("用法：companion \(name) "))
      #expect(Self.english(outcome.output).isEmpty, "\(name)")
      for line in outcome.output.split(separator: "\n") {
        #expect(columns(String(line)) <= 100, "\(name): \(line)")
      }
    }
    let usage = runCompanion(["--lang", "zh", "--help"]).output
    #expect(usage.contains("你做到了哪里：逐章测试你的练习"))
    #expect(usage.contains("每次保存都重新检查一章，结果显示在同一屏上"))
  }

  /// Records the prompts a command shows.
  final class Prompts: @unchecked Sendable {
    private let lock = NSLock()
    private var shown: [String] = []
    var all: [String] { lock.withLock { shown } }
    func add(_ text: String) { lock.withLock { shown.append(text) } }
  }

  @Test("reset asks in Chinese, and says in Chinese what it did")
  func reset() throws {
    let copy = try PackageCopy.make("zh-reset")
    try copy.plant("correlate2D")
    let path = "Exercises/Convolution/Correlation.swift"
    let prompts = Prompts()
    func input(_ answer: String) -> Input {
      Input(read: { answer }, prompt: { prompts.add($0) })
    }
    let no = try Self.chinese {
      try resetExercise("correlate2D", in: copy.root, ask: true, input: input("n\n"))
    }
    #expect(no == "什么也没改。\n")
    let question = try #require(prompts.all.first)
    #expect(question.hasPrefix("把 correlate2D（\(path):"))
    #expect(question.hasSuffix("）换回桩吗？你写的函数体会留在 .build-exercises/reset/。 [y/N] "))
    let yes = try Self.chinese {
      try resetExercise("correlate2D", in: copy.root, ask: true, input: input("y\n"))
    }
    #expect(yes.hasPrefix("correlate2D 已换回桩（\(path):"))
    #expect(yes.contains("）；你写的函数体在 .build-exercises/reset/correlate2D-"))
    let again = try Self.chinese {
      try resetExercise("correlate2D", in: copy.root, ask: false, input: .text(""))
    }
    #expect(again.hasPrefix("correlate2D 已经是桩了（\(path):"))
    for text in prompts.all + [no, yes, again] {
      #expect(Self.english(text).isEmpty, "\(text)")
    }
  }
}

#if COMPANION_END_TO_END

  /// `companion --lang zh check` and `watch` on a copy of the package, as a Chinese-speaking
  /// student runs them: the real build, the real tests, the report in Chinese; the JSON for
  /// Gradescope stays English. Slow: only with `COMPANION_END_TO_END=1`.
  @Suite("companion check and watch in Chinese, as a student meets them", .serialized)
  struct ChineseCheckEndToEndTests {
    static let copy = Result {
      let copy = try PackageCopy.make("zh-check")
      try copy.plant("zeroPad")
      try copy.plant(
        "correlate2D", replacing: [("x[i * stride + k, j * stride + l]", "x[i + k, j + l]")])
      return copy
    }

    /// Runs `companion ARGUMENTS` in the copy to its end: its status, output and errors.
    static func run(_ arguments: [String]) throws -> (Int32, String, String) {
      let root = try copy.get().root
      let output = root.appendingPathComponent("out-\(UUID().uuidString).log")
      let errors = root.appendingPathComponent("err-\(UUID().uuidString).log")
      FileManager.default.createFile(atPath: output.path, contents: nil)
      FileManager.default.createFile(atPath: errors.path, contents: nil)
      let process = Process()
      process.executableURL = companionBinary
      process.arguments = arguments
      process.currentDirectoryURL = root
      process.standardOutput = try FileHandle(forWritingTo: output)
      process.standardError = try FileHandle(forWritingTo: errors)
      try process.run()
      process.waitUntilExit()
      return (
        process.terminationStatus, try String(contentsOf: output, encoding: .utf8),
        try String(contentsOf: errors, encoding: .utf8)
      )
    }

    /// A report or a screen without the failing tests' own texts: the 测试“…” line, which
    /// holds the test's name, and the lines under it, indented at least as far, up to a blank
    /// line.
    static func withoutFailures(_ report: String) -> String {
      var indentation: Int?
      return report.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
        let spaces = line.prefix { $0 == " " }.count
        if line.dropFirst(spaces).hasPrefix("测试“") {
          indentation = spaces
          return false
        }
        if let indentation, !line.isEmpty, spaces >= indentation { return false }
        indentation = nil
        return true
      }.joined(separator: "\n")
    }

    @Test("check Convolution: the statuses, the failure and the next step in Chinese")
    func check() throws {
      let (status, output, errors) = try Self.run(["--lang", "zh", "check", "Convolution"])
      #expect(status == 1, "\(errors)")
      #expect(output.hasPrefix("你的练习（Exercises/），检查用时 "))
      #expect(output.contains("Convolution：共 "))
      #expect(output.contains("✘ correlate2D") && output.contains("失败  Exercises/"))
      #expect(output.contains("· rotate180") && output.contains("未完成"))
      #expect(output.contains("      测试“"))
      #expect(output.contains("下一步：correlate2D，在 Exercises/Convolution/"))
      #expect(errors.contains("companion check: 正在 .build-exercises/ 里编译你的练习……"))
      #expect(errors.contains("companion check: 正在测试 Convolution……"))
      let english = ChineseOutputTests.englishLines(Self.withoutFailures(output) + errors)
      #expect(english.isEmpty, "\(english.joined(separator: "\n"))\n\n\(output)")
      print(output)
    }

    @Test("check --format json stays English for Gradescope")
    func json() throws {
      let (status, output, _) = try Self.run([
        "--lang", "zh", "check", "Convolution", "--format", "json",
      ])
      #expect(status == 0)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
      let text = try #require(object["output"] as? String)
      #expect(text.hasPrefix("Your exercises (Exercises/), checked in "))
      #expect(!output.unicodeScalars.contains(where: MessageTable.isHan))
    }

    @Test("watch in a pipe prints its reports in Chinese")
    func watch() throws {
      let (process, log) = try startCompanion(
        ["--lang", "zh", "watch", "Convolution"], in: try Self.copy.get().root,
        log: "watch-zh.log")
      defer { if process.isRunning { process.terminate() } }
      func text() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
      let deadline = Date().addingTimeInterval(300)
      while !text().contains("检查完毕") && Date() < deadline { usleep(100_000) }
      kill(process.processIdentifier, SIGINT)
      let end = Date().addingTimeInterval(10)
      while process.isRunning && end > Date() { usleep(50_000) }
      let output = text()
      #expect(output.contains("companion watch: 正在检查 Convolution……"))
      #expect(output.contains("当前：correlate2D  失败"), "\(output)")
      #expect(output.contains("检查完毕，用时 "))
      let english = ChineseOutputTests.englishLines(Self.withoutFailures(output))
      #expect(english.isEmpty, "\(english.joined(separator: "\n"))\n\n\(output)")
    }
  }
#endif
