import Foundation
import LectureKit
import Testing

@testable import CompanionCore

/// A student's mistakes in a matrix file, a name or an option, told in the run's language:
/// still one line on standard error with exit status 2, the place (`FILE:LINE:COLUMN`) as it
/// is, and the English message unchanged.
@Suite("Errors in Chinese")
struct ChineseErrorTests {
  /// A mistake: the arguments, standard input, and the message in English and in Chinese.
  struct Mistake: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    var input = ""
    let english: String
    let chinese: String

    var testDescription: String { arguments.joined(separator: " ") }
  }

  /// A matrix file that `companion pool` reads, with `text` in it.
  static func file(_ name: String, _ text: String) -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-chinese-errors-\(name)")
    // A file that cannot be written shows up as the test's "no such file" failure.
    try? Data(text.utf8).write(to: url)
    return url.path
  }

  static let ragged = file("ragged.txt", "1 2\n3 4 5\n")
  static let comma = file("comma.txt", "# a comment\n1,,2\n")
  static let missing = FileManager.default.temporaryDirectory
    .appendingPathComponent("companion-chinese-errors-no-such-file.txt").path

  static let mistakes: [Mistake] = [
    // Matrix files.
    Mistake(
      arguments: ["pool", "max", ragged, "--size", "1"],
      english: "\(ragged):2: this row has 3 entries but the row on line 1 has 2",
      chinese: "\(ragged):2: 这一行有 3 个元素，但第 1 行有 2 个"),
    Mistake(
      arguments: ["pool", "max", comma, "--size", "1"],
      english: "\(comma):2:3: an empty entry: a comma with no number on one side",
      chinese: "\(comma):2:3: 空元素：逗号的一侧没有数"),
    Mistake(
      arguments: ["pool", "max", "-", "--size", "1"], input: "1 2\n3 x\n",
      english: "-:2:3: 'x' is not a finite number or a fraction of two",
      chinese: "-:2:3: 'x' 既不是有限的数，也不是两个数之比"),
    Mistake(
      arguments: ["correlate", "-", "-"],
      english: "only one of IMAGE and KERNEL can be `-` (standard input)",
      chinese: "IMAGE 和 KERNEL 至多一个可以是 `-`（标准输入）"),
    Mistake(
      arguments: ["correlate", missing, "-"], input: "1\n",
      english: "\(missing): no such file", chinese: "\(missing): 没有这个文件"),
    Mistake(
      arguments: ["correlate", "-", "-", "x"],
      english:
        "correlate takes an image file and a kernel file, but got 3 file names: "
        + "try `companion help correlate`",
      chinese:
        "correlate 要一个图像文件和一个卷积核文件，却给了 3 个文件名：试试 `companion help correlate`"),
    Mistake(
      arguments: ["pool", "max", "-", "--size", "3"], input: "1 2\n3 4\n",
      english: "-: a 3 x 3 window does not fit inside a 2 x 2 input padded by 0 x 0",
      chinese: "-: 3 x 3 的窗口放不进填充 0 x 0 后的 2 x 2 输入"),
    // Unknown names, with and without a suggestion.
    Mistake(
      arguments: ["chek"], english: "no command named 'chek': did you mean check?",
      chinese: "没有名为 'chek' 的命令：是不是 check？"),
    Mistake(
      arguments: ["frobnicate"], english: "no command named 'frobnicate': try `companion --help`",
      chinese: "没有名为 'frobnicate' 的命令；试试 `companion --help`"),
    Mistake(
      arguments: ["show", "x-filtr"], english: "no example named 'x-filtr': did you mean x-filter?",
      chinese: "没有名为 'x-filtr' 的例题：是不是 x-filter？"),
    Mistake(
      arguments: ["hint", "corelate2D"],
      english: "no exercise named 'corelate2D': did you mean correlate2D?",
      chinese: "没有名为 'corelate2D' 的练习：是不是 correlate2D？"),
    Mistake(
      arguments: ["pool", "median", "-", "--size", "2"],
      english: "no pooling kind 'median': the kinds are max, average, lp",
      chinese: "没有 'median' 这种池化方式：可选的有 max、average、lp"),
    // Options.
    Mistake(
      arguments: ["correlate", "-", "-", "--strid", "2"],
      english: "unknown option '--strid': did you mean --stride?",
      chinese: "未知选项 '--strid'：是不是 --stride？"),
    Mistake(
      arguments: ["pool", "max", "-", "--size", "two"],
      english: "--size takes a whole number, not 'two'", chinese: "--size 要一个整数，而不是 'two'"),
  ]

  @Test("in Chinese: one line on stderr, `companion: 错误：`, status 2", arguments: mistakes)
  func chinese(_ mistake: Mistake) {
    let outcome = runCompanion(
      ["--lang", "zh"] + mistake.arguments, input: .text(mistake.input))
    #expect(outcome.status == 2)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors == "companion: 错误：\(mistake.chinese)\n")
    #expect(outcome.errors.filter { $0 == "\n" }.count == 1)
  }

  @Test("in English: unchanged", arguments: mistakes)
  func english(_ mistake: Mistake) {
    let outcome = runCompanion(mistake.arguments, input: .text(mistake.input))
    #expect(outcome.status == 2)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors == "companion: error: \(mistake.english)\n")
  }

  @Test("COMPANION_LANG and the locale choose Chinese errors too")
  func environment() {
    for environment in [["COMPANION_LANG": "zh"], ["LANG": "zh_CN.UTF-8"]] {
      let outcome = runCompanion(["chek"], environment: environment)
      #expect(outcome.errors == "companion: 错误：没有名为 'chek' 的命令：是不是 check？\n")
      #expect(outcome.status == 2)
    }
    let english = runCompanion(["chek"], environment: ["LANG": "en_US.UTF-8"])
    #expect(english.errors == "companion: error: no command named 'chek': did you mean check?\n")
  }

  @Test("an unwritten exercise's placeholder names the exercise and its file")
  func unwritten() {
    let mark = Unwritten(name: "correlate2D", file: "Exercises/Convolution/Correlation.swift")
    #expect(
      unwrittenError(mark).description
        == "`correlate2D` in Exercises/Convolution/Correlation.swift is not written yet")
    #expect(unwrittenError(mark).description == "\(mark)")
    #expect(
      Language.$current.withValue(.zh) { unwrittenError(mark).description }
        == "Exercises/Convolution/Correlation.swift 里的 `correlate2D` 还没写")
  }

  @Test("a kernel or window too large for the padded image, in both languages")
  func tooLarge() {
    let english = runCompanion(["correlate", "-", Self.ragged], input: .text("1\n"))
    #expect(english.errors.hasPrefix("companion: error: \(Self.ragged):2: this row"))
    let kernel = Self.file("kernel.txt", "1 2\n3 4\n")
    let image = "1\n"
    #expect(
      runCompanion(["correlate", "-", kernel], input: .text(image)).errors
        == "companion: error: a 2 x 2 kernel does not fit inside a 1 x 1 input padded to 1 x 1: "
        + "use a smaller kernel or more --padding\n")
    #expect(
      runCompanion(["--lang", "zh", "correlate", "-", kernel], input: .text(image)).errors
        == "companion: 错误：2 x 2 的卷积核放不进填充到 1 x 1 的 1 x 1 输入："
        + "换一个小一些的卷积核，或者加大 --padding\n")
    #expect(
      runCompanion(["pool", "max", "-", "--size", "2", "--padding", "2"], input: .text(image))
        .errors
        == "companion: error: the padding must lie between 0 and half the window (2 / 2 = 1), "
        + "but it is 2 (--size 2, --stride 2, --padding 2)\n")
    #expect(
      runCompanion(
        ["--lang", "zh", "pool", "max", "-", "--size", "2", "--padding", "2"],
        input: .text(image)
      ).errors
        == "companion: 错误：填充必须在 0 到窗口的一半（2 / 2 = 1）之间，而这里是 2"
        + "（设置为 --size 2，--stride 2，--padding 2）\n")
  }
}
