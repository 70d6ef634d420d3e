import CompanionCore
import Foundation
import Testing

/// What the tool prints in Chinese holds no English sentence left untranslated: code, names,
/// numbers and paths may stay, prose may not.
@Suite("The tool in Chinese")
struct ChineseOutputTests {
  /// Words that are code, commands or names, in either language's text.
  static let code: Set<String> = [
    "swift", "run", "companion", "test", "tests", "build", "release", "debug", "git", "diff",
    "tour", "list", "show", "correlate", "convolve", "pool", "draw", "bench", "check", "watch",
    "reset", "hint", "verify", "help", "max", "avg", "mean", "slide", "ceil", "floor", "stride",
    "padding", "size", "same", "valid", "full", "lang", "en", "zh", "out", "width", "seed",
    "json", "svg", "txt", "md", "of", "exercises", "solutions", "filter", "x-filter", "sources",
    "python", "scipy", "numpy", "pytorch", "relu", "softmax", "xor", "--all", "--verbose",
    "--timeout", "--grade",
  ]

  /// The lines of `text` that hold a run of three or more English words that are not code.
  static func englishLines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { line in
      // Inline code and quoted names are code.
      var stripped = ""
      var inCode = false
      for character in line {
        if character == "`" {
          inCode.toggle()
        } else if !inCode {
          stripped.append(character)
        }
      }
      var run = 0
      for token in stripped.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
        let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ".,:;()[]'\"!?"))
        let isWord =
          word.count >= 2 && word.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
          && word.contains(where: \.isLowercase) && !code.contains(word.lowercased())
        run = isWord ? run + 1 : 0
        if run >= 3 { return true }
      }
      return false
    }
  }

  /// The runs whose output a student reads.
  static let runs: [[String]] = {
    let commands = runCompanion(["--help"]).output.split(separator: "\n")
      .drop { !$0.hasPrefix("commands:") }.dropFirst()
      .prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
    let examples = runCompanion(["list"]).output.split(separator: "\n")
      .compactMap { $0.split(separator: "\t").first.map(String.init) }
    return [[], ["list"], ["--help"]] + commands.map { ["help", $0] }
      + examples.map { ["show", $0] }
  }()

  @Test("the runs cover every command and example")
  func coverage() {
    #expect(Self.runs.count > 20)
  }

  @Test("no English sentence in the Chinese output", arguments: runs)
  func chinese(arguments: [String]) {
    let outcome = runCompanion(["--lang", "zh"] + arguments)
    #expect(outcome.status == 0)
    let english = Self.englishLines(outcome.output + outcome.errors)
    #expect(english.isEmpty, "\(arguments): \(english.joined(separator: "\n"))")
  }
}
