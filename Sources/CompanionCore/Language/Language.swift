import ExerciseKit
import Foundation

/// The language the tool speaks to a student: English or Chinese (Simplified).
///
/// Chosen once per run, in this order: `--lang en|zh` on the command line, else the
/// environment variable `COMPANION_LANG`, else the locale (the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set, Chinese when it starts with `zh`), else English.
/// Numbers, matrices, code names and file paths read the same in both.
public enum Language: String, Sendable, CaseIterable {
  case en
  case zh

  /// The language of the run in progress; set by ``runCompanion(_:input:environment:)`` for
  /// the command it runs, English elsewhere.
  @TaskLocal static var current: Language = .en

  /// The language an explicit choice names (`en`, `zh`, or a locale such as `zh_CN.UTF-8`).
  static func named(_ text: String) -> Language? {
    let lowered = text.lowercased()
    if lowered == "en" || lowered.hasPrefix("en_") || lowered.hasPrefix("en-") { return .en }
    if lowered == "zh" || lowered.hasPrefix("zh_") || lowered.hasPrefix("zh-") { return .zh }
    return nil
  }

  /// The language of a run: `option` is the value of `--lang`, if given.
  ///
  /// - Throws: a usage error, in the language chosen so far, when `--lang` or `COMPANION_LANG`
  ///   names a language the tool does not speak.
  static func resolve(option: String?, environment: [String: String]) throws(UsageError)
    -> Language
  {
    let fromLocale = localeLanguage(environment)
    if let option {
      guard let language = named(option) else {
        throw UsageError(
          Language.$current.withValue(fromLocale) {
            tr("language.unknownOption", ["value": option])
          })
      }
      return language
    }
    if let variable = environment["COMPANION_LANG"], !variable.isEmpty {
      guard let language = named(variable) else {
        throw UsageError(
          Language.$current.withValue(fromLocale) {
            tr("language.unknownVariable", ["value": variable])
          })
      }
      return language
    }
    return fromLocale
  }

  /// Chinese when the locale's language is Chinese; POSIX's order: `LC_ALL` overrides
  /// `LC_MESSAGES`, which overrides `LANG`.
  static func localeLanguage(_ environment: [String: String]) -> Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment[name], !value.isEmpty {
        return value.lowercased().hasPrefix("zh") ? .zh : .en
      }
    }
    return .en
  }
}

/// One of the tool's texts in both languages. `{name}` marks where an argument goes; both texts
/// take the same arguments.
struct Text: Sendable {
  let en: String
  let zh: String

  init(_ en: String, _ zh: String) {
    self.en = en
    self.zh = zh
  }

  /// The text in `language`.
  func callAsFunction(_ language: Language) -> String {
    switch language {
    case .en: en
    case .zh: zh
    }
  }
}

/// The text with the key `key` in the current language, its `{name}`s replaced by `arguments`.
/// An unknown key comes back as itself (`MessageTableTests` proves every key in the sources is
/// in the table).
func tr(_ key: String, _ arguments: [String: String] = [:]) -> String {
  guard let text = messageTable[key] else { return key }
  return filledIn(text(Language.current), arguments)
}

/// A failure as a test recorded it, with the one sentence every stub's failures share
/// ("`name` in FILE is not written yet", from LectureKit's placeholders) in the current
/// language. The rest of a failure is the test's own text and stays as it was recorded.
func localizedFailure(_ text: String) -> String {
  guard Language.current != .en else { return text }
  let suffix = " is not written yet"
  return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
    guard line.hasSuffix(suffix), let open = line.firstIndex(of: "`") else { return String(line) }
    let afterOpen = line[line.index(after: open)...]
    guard let close = afterOpen.firstIndex(of: "`"),
      afterOpen[close...].hasPrefix("` in ")
    else { return String(line) }
    let name = String(afterOpen[..<close])
    let file = String(afterOpen[afterOpen.index(close, offsetBy: 5)...].dropLast(suffix.count))
    return String(line[..<open]) + tr("input.unwritten", ["name": name, "file": file])
  }.joined(separator: "\n")
}

/// ``localizedFailure(_:)`` in `language`, for tests.
public func localizedFailureForTests(_ text: String, language: Language) -> String {
  Language.$current.withValue(language) { localizedFailure(text) }
}

/// `template` with each `{name}` of `arguments` replaced, in one pass: a value that itself
/// holds `{name}` (a name a student typed) is left as it is.
func filledIn(_ template: String, _ arguments: [String: String]) -> String {
  var result = ""
  var rest = Substring(template)
  while let open = rest.firstIndex(of: "{") {
    result += rest[..<open]
    let after = rest[rest.index(after: open)...]
    if let close = after.firstIndex(of: "}"), let value = arguments[String(after[..<close])] {
      result += value
      rest = after[after.index(after: close)...]
    } else {
      result += "{"
      rest = after
    }
  }
  return result + rest
}

/// The text of `text` in the current language, for texts built at the call site: one whose
/// arguments are whole paragraphs, say.
func tr(_ text: Text) -> String { text(Language.current) }

/// Every text the tool prints to a student, by key, gathered from the parts in `Messages/`.
/// A key is `area.what`, such as `check.allDone`.
let messageTable: [String: Text] = Dictionary(
  messageParts.flatMap { $0 }, uniquingKeysWith: { first, _ in first })

/// The parts of the table, each a list of (key, text) pairs. A part of the tool keeps its texts
/// in a part of its own (`Messages/<Area>.swift`).
let messageParts: [[(String, Text)]] = [
  languageMessages, generalMessages, helpMessages, inputMessages, checkMessages, tourMessages,
  gradeMessages,
]

/// The keys that appear in more than one pair (`MessageTableTests` expects none).
var duplicateMessageKeys: [String] {
  var seen: Set<String> = []
  var duplicates: [String] = []
  for (key, _) in messageParts.flatMap({ $0 }) where !seen.insert(key).inserted {
    duplicates.append(key)
  }
  return duplicates
}

/// The message table as tests and `companion verify` read it.
public enum MessageTable {
  /// Every entry: its key and its two texts, in the order of the parts.
  public static var entries: [(key: String, en: String, zh: String)] {
    messageParts.flatMap { $0 }.map { ($0.0, $0.1.en, $0.1.zh) }
  }

  /// Keys given more than once.
  public static var duplicateKeys: [String] { duplicateMessageKeys }

  /// The problems of the table, one line each; empty when every entry has both texts, the
  /// same `{arguments}` in each, Chinese in the Chinese text and none in the English one.
  public static var problems: [String] {
    var problems = duplicateKeys.map { "the key \($0) is given twice" }
    for (key, en, zh) in entries {
      if en.isEmpty || zh.isEmpty {
        problems.append("\(key): a text is empty")
        continue
      }
      if placeholders(en) != placeholders(zh) {
        problems.append(
          "\(key): the English text takes \(placeholders(en).sorted()), the Chinese "
            + "\(placeholders(zh).sorted())")
      }
      if !zh.unicodeScalars.contains(where: isHan) {
        problems.append("\(key): the Chinese text has no Chinese in it")
      }
      if en.unicodeScalars.contains(where: isHan) {
        problems.append("\(key): the English text has Chinese in it")
      }
    }
    return problems
  }

  /// The Chinese texts that use a rendering the glossary (`Guides/zh/Glossary.md`, given as
  /// text) rules out, one line each.
  public static func avoidedTermProblems(glossary: String) -> [String] {
    let avoided = avoidedTerms(in: glossary)
    return entries.flatMap { entry in
      avoided.filter { entry.zh.contains($0.term) }.map {
        "\(entry.key): writes \($0.term); the glossary says \($0.instead)"
      }
    }
  }

  /// The `{name}`s of a text.
  static func placeholders(_ text: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      let after = rest[rest.index(after: open)...]
      guard let close = after.firstIndex(of: "}") else { break }
      let name = after[..<close]
      if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) {
        names.insert(String(name))
      }
      rest = after[after.index(after: close)...]
    }
    return names
  }

  /// A CJK unified ideograph.
  static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
  }
}
