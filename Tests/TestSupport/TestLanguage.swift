import Foundation

/// The language the tests write their failures in. `companion check`, `test` and `watch` pass
/// theirs in `COMPANION_LANG`: Chinese when it starts with "zh", English otherwise (and when it
/// is unset, as under a plain `swift test`). Only the prose changes: numbers, matrices and names
/// from the code read the same in both, and the English texts are the ones the catalog of
/// mistakes (`Mistakes/*.json`) looks for.
public enum TestLanguage: String, Sendable, CaseIterable {
  case english = "en"
  case chinese = "zh"

  /// The language `COMPANION_LANG` asks for, read once.
  public static let environment = TestLanguage(
    variable: ProcessInfo.processInfo.environment["COMPANION_LANG"])

  /// Chinese for a value that starts with "zh" ("zh", "zh_CN.UTF-8"), English for anything
  /// else or nothing.
  public init(variable: String?) {
    self = variable?.lowercased().hasPrefix("zh") == true ? .chinese : .english
  }

  /// The language chosen for the task at hand by ``using(_:_:)``, if any.
  @TaskLocal static var chosen: TestLanguage?

  /// The language failures are written in now: the one ``using(_:_:)`` chose, else the
  /// environment's.
  public static var current: TestLanguage { chosen ?? environment }

  /// `body` with its failures written in `language`, whatever `COMPANION_LANG` says: how the
  /// texts of the helpers are tested in both languages.
  public static func using<T>(_ language: TestLanguage, _ body: () throws -> T) rethrows -> T {
    try $chosen.withValue(language) { try body() }
  }
}

/// The English or the Chinese text, as ``TestLanguage/current`` is.
public func said(_ english: String, _ chinese: String) -> String {
  TestLanguage.current == .chinese ? chinese : english
}
