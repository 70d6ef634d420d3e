import CompanionCore
import Foundation
import Testing

/// The tool's message table: every text in English and in Chinese, and the sources and the
/// table agree on the keys.
@Suite("The message table: both languages")
struct MessageTableTests {
  /// The tool's sources, outside the table itself.
  static let sources: [String] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/CompanionCore")
    let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
    return (files ?? []).filter { $0.hasSuffix(".swift") && !$0.contains("Messages/") }
      .compactMap { try? String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
  }()

  /// The string literals that look like keys (`area.name`) in the sources.
  static func literalKeys(in text: String, after prefix: String) -> Set<String> {
    var keys: Set<String> = []
    var rest = Substring(text)
    while let range = rest.range(of: prefix + "\"") {
      let after = rest[range.upperBound...]
      guard let close = after.firstIndex(of: "\"") else { break }
      keys.insert(String(after[..<close]))
      rest = after[close...]
    }
    return keys
  }

  @Test("every entry has both texts, with the same arguments; no key twice")
  func bothTexts() {
    #expect(MessageTable.entries.count > 0)
    let problems = MessageTable.problems
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test("the Chinese texts use the glossary's terms, not the renderings it rules out")
  func glossary() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let glossary = try String(
      contentsOf: root.appendingPathComponent("Guides/zh/Glossary.md"), encoding: .utf8)
    #expect(glossary.contains("## 不用的译法"))
    let problems = MessageTable.avoidedTermProblems(glossary: glossary)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test("every key the sources use is in the table, and every key of the table is used")
  func keys() {
    let table = Set(MessageTable.entries.map(\.key))
    let said = Self.sources.reduce(into: Set<String>()) {
      $0.formUnion(Self.literalKeys(in: $1, after: "tr("))
    }
    let missing = said.subtracting(table).sorted()
    #expect(missing.isEmpty, "said but not in the table: \(missing)")
    let literals = Self.sources.reduce(into: Set<String>()) {
      $0.formUnion(Self.literalKeys(in: $1, after: ""))
    }
    let unused = table.subtracting(literals).sorted()
    #expect(unused.isEmpty, "in the table but in no source: \(unused)")
  }

  @Test("the language: --lang, else COMPANION_LANG, else the locale, else English")
  func choice() {
    let zhLocale = ["LANG": "zh_CN.UTF-8"]
    #expect(runCompanion(["--help"]).output.contains("usage:"))
    #expect(runCompanion(["--lang", "zh", "--help"]).output.contains("用法"))
    #expect(runCompanion(["--help", "--lang=zh"]).output.contains("用法"))
    #expect(runCompanion(["--help"], environment: zhLocale).output.contains("用法"))
    #expect(runCompanion(["--help"], environment: ["LC_ALL": "zh_TW.UTF-8"]).output.contains("用法"))
    #expect(runCompanion(["--help"], environment: ["LC_MESSAGES": "zh_CN"]).output.contains("用法"))
    // LC_ALL overrides LANG; COMPANION_LANG overrides the locale; --lang overrides both.
    #expect(
      runCompanion(["--help"], environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]).output
        .contains("usage:"))
    #expect(
      runCompanion(["--help"], environment: ["COMPANION_LANG": "en", "LANG": "zh_CN.UTF-8"])
        .output.contains("usage:"))
    #expect(
      runCompanion(["--lang", "en", "--help"], environment: ["COMPANION_LANG": "zh"]).output
        .contains("usage:"))
  }

  @Test("an unknown language is a usage error: one line, status 2, nothing else run")
  func unknown() {
    for (arguments, environment) in [
      (["--lang", "fr", "list"], [:]), (["list", "--lang"], [:]),
      (["list"], ["COMPANION_LANG": "klingon"]),
    ] as [([String], [String: String])] {
      let outcome = runCompanion(arguments, environment: environment)
      #expect(outcome.status == 2)
      #expect(outcome.output.isEmpty)
      #expect(outcome.errors.hasPrefix("companion: error: "))
      #expect(outcome.errors.filter { $0 == "\n" }.count == 1)
    }
    let chinese = runCompanion(["--lang", "fr"], environment: ["LANG": "zh_CN.UTF-8"])
    #expect(chinese.errors.hasPrefix("companion: 错误："))
  }
}

@Suite("Filling in a text's arguments")
struct FillingInTests {
  @Test("a value that holds braces is not filled in again")
  func onePass() {
    let outcome = runCompanion(["show", "{kind}"], environment: ["COMPANION_LANG": "zh"])
    #expect(outcome.status == 2)
    #expect(outcome.errors.contains("'{kind}'"))
  }
}

@Suite("A stub's failure in Chinese")
struct UnwrittenFailureTests {
  @Test("the placeholder's sentence is said in Chinese; the rest of the failure stays as recorded")
  func unwritten() {
    let recorded =
      "FlipTests.swift:29:17: `rotate180` in Exercises/Convolution/Rotation.swift is not written yet\n"
      + "entry (0, 1): expected 1.0"
    #expect(
      localizedFailureForTests(recorded, language: .zh)
        == "FlipTests.swift:29:17: Exercises/Convolution/Rotation.swift 里的 `rotate180` 还没写\n"
        + "entry (0, 1): expected 1.0")
    #expect(localizedFailureForTests(recorded, language: .en) == recorded)
    // Another sentence that happens to end the same way is left alone.
    let other = "the model is not written yet"
    #expect(localizedFailureForTests(other, language: .zh) == other)
  }
}
