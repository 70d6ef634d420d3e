/// One command of the tool.
struct Command: Sendable {
  /// What the user types: `companion NAME ...`.
  let name: String
  /// One line for `companion --help`.
  let summary: String
  /// What `companion help NAME` prints, starting with a `usage:` line.
  let help: String
  /// Runs the command on its arguments (without the command's name).
  let run: @Sendable (_ arguments: [String], _ input: Input) throws(UsageError) -> String
}

/// Where a command reads standard input from: the real one, or a test's text.
public struct Input: Sendable {
  let read: @Sendable () -> String?

  public init(read: @escaping @Sendable () -> String?) {
    self.read = read
  }

  /// The process's standard input.
  public static let standard = Input {
    var lines: [String] = []
    while let line = readLine(strippingNewline: false) { lines.append(line) }
    return lines.joined()
  }

  /// A fixed text, for tests.
  public static func text(_ text: String) -> Input { Input { text } }
}
