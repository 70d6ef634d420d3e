import Foundation

/// One command of the tool.
struct Command: Sendable {
  /// What the user types: `companion NAME ...`.
  let name: String
  /// One line for `companion --help`, in the current language (``Language/current``).
  var summary: String { summaryText() }
  /// What `companion help NAME` prints, starting with a `usage:` line, in the current language.
  var help: String { helpText() }
  private let summaryText: @Sendable () -> String
  private let helpText: @Sendable () -> String
  /// Runs the command on its arguments (without the command's name).
  let run: @Sendable (_ arguments: [String], _ input: Input) throws(UsageError) -> String

  /// The texts are computed each time they are read, so that each run gets its own language.
  init(
    name: String, summary: @autoclosure @escaping @Sendable () -> String,
    help: @autoclosure @escaping @Sendable () -> String,
    run: @escaping @Sendable (_ arguments: [String], _ input: Input) throws(UsageError) -> String
  ) {
    self.name = name
    self.summaryText = summary
    self.helpText = help
    self.run = run
  }
}

/// Where a command reads standard input from: the real one, or a test's text.
public struct Input: Sendable {
  /// All of it, to its end.
  let read: @Sendable () -> String?
  /// One line, without its end, as soon as it is typed.
  let line: @Sendable () -> String?
  /// Shows a question before ``line`` reads the answer: on standard error for the real input,
  /// nowhere for a test's text.
  let prompt: @Sendable (String) -> Void

  public init(
    read: @escaping @Sendable () -> String?, line: (@Sendable () -> String?)? = nil,
    prompt: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.read = read
    self.prompt = prompt
    self.line =
      line ?? {
        read()?.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
      }
  }

  /// The process's standard input.
  public static let standard = Input(
    read: {
      var lines: [String] = []
      while let line = readLine(strippingNewline: false) { lines.append(line) }
      return lines.joined()
    }, line: { readLine() }, prompt: { FileHandle.standardError.write(Data($0.utf8)) })

  /// A fixed text, for tests.
  public static func text(_ text: String) -> Input { Input(read: { text }) }
}
