import Convolution
import Foundation
import LectureKit

/// What one run of the tool printed and its exit status.
public struct Outcome: Sendable, Equatable {
  public var status: Int32
  public var output: String
  public var errors: String

  static func success(_ output: String) -> Outcome {
    Outcome(status: 0, output: output, errors: "")
  }

  /// A user's mistake: one line on standard error, exit status 2.
  static func failure(_ error: UsageError) -> Outcome {
    Outcome(
      status: error.status, output: error.output,
      errors: error.problem.isEmpty ? "" : "companion: error: \(error)\n")
  }
}

/// Every command of the tool, in the order `companion --help` lists them. A chapter's command
/// lives in a file of its own and joins this list.
let commands: [Command] = [
  tourCommand, listCommand, showCommand, correlateCommand, convolveCommand, poolCommand,
  drawCommand, benchCommand, checkCommand, testCommand, watchCommand, resetCommand, hintCommand,
  verifyCommand,
  helpCommand,
]

/// The command-line tool, as a function of its arguments (without the program name).
public func runCompanion(_ arguments: [String], input: Input = .standard) -> Outcome {
  guard let name = arguments.first else { return .success(tour()) }
  if name == "--help" || name == "-h" { return .success(usage()) }
  do throws(UsageError) {
    let known = try resolve(
      name, among: commands.map(\.name), kind: "command", listing: "try `companion --help`")
    let command = commands.first { $0.name == known }!
    let rest = Array(arguments.dropFirst())
    // `companion COMMAND --help` is `companion help COMMAND`.
    if rest.contains("--help") || rest.contains("-h") { return .success(command.help) }
    return .success(try command.run(rest, input))
  } catch {
    return .failure(error)
  }
}

/// The track the chapter modules were compiled from, said aloud.
func trackLine() -> String {
  switch ConvolutionChapter.track {
  case .solutions: "Computed by the reference implementation (Solutions/)."
  case .exercises: "Computed by your exercises (Exercises/, COMPANION_TRACK=exercises)."
  }
}

func usage() -> String {
  let width = commands.map(\.name.count).max() ?? 0
  let lines = commands.map { command in
    "  " + command.name + String(repeating: " ", count: width - command.name.count + 2)
      + command.summary
  }
  return """
    usage: companion [COMMAND [ARGUMENTS]]

    With no command, a tour of the lecture's worked examples, computed live.

    commands:
    \(lines.joined(separator: "\n"))

    `companion help COMMAND` says more about one command.

    """
}
