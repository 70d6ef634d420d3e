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
      errors: error.problem.isEmpty ? "" : tr("error.prefix") + "\(error)\n")
  }
}

/// Every command of the tool, in the order `companion --help` lists them. A chapter's command
/// lives in a file of its own and joins this list.
let commands: [Command] = [
  tourCommand, listCommand, showCommand, correlateCommand, convolveCommand, poolCommand,
  drawCommand, benchCommand, checkCommand, testCommand, watchCommand, resetCommand, hintCommand,
  verifyCommand, gradeCommand, autogradeCommand,
  helpCommand,
]

/// The command-line tool, as a function of its arguments (without the program name) and of
/// the environment, which only chooses the language (``Language``): tests leave it empty and
/// get English.
public func runCompanion(
  _ arguments: [String], input: Input = .standard, environment: [String: String] = [:]
) -> Outcome {
  let (rest, option): ([String], String?)
  let language: Language
  do throws(UsageError) {
    (rest, option) = try languageOption(in: arguments)
    language = try Language.resolve(option: option, environment: environment)
  } catch {
    return Language.$current.withValue(Language.localeLanguage(environment)) {
      .failure(error)
    }
  }
  return Language.$current.withValue(language) { run(rest, input: input) }
}

/// The arguments without `--lang X` (or `--lang=X`), and X. The option may stand anywhere
/// before a `--`.
func languageOption(in arguments: [String]) throws(UsageError) -> ([String], String?) {
  var rest: [String] = []
  var value: String?
  var index = 0
  while index < arguments.count {
    let argument = arguments[index]
    if argument == "--" {
      rest += arguments[index...]
      break
    }
    if argument == "--lang" {
      guard index + 1 < arguments.count else {
        throw UsageError(tr("language.missing"))
      }
      value = arguments[index + 1]
      index += 2
      continue
    }
    if argument.hasPrefix("--lang=") {
      value = String(argument.dropFirst("--lang=".count))
      index += 1
      continue
    }
    rest.append(argument)
    index += 1
  }
  return (rest, value)
}

/// One run, in the current language.
private func run(_ arguments: [String], input: Input) -> Outcome {
  guard let name = arguments.first else { return .success(tour()) }
  if name == "--help" || name == "-h" { return .success(usage()) }
  do throws(UsageError) {
    let known = try resolve(
      name, among: commands.map(\.name), kind: "command", listing: tr("input.tryHelp"))
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
  case .solutions: tr("track.solutions")
  case .exercises: tr("track.exercises")
  }
}

/// `companion --help`: the commands with their summaries, in the current language.
func usage() -> String {
  let width = commands.map(\.name.count).max() ?? 0
  let lines = commands.map { command in
    "  " + command.name + String(repeating: " ", count: width - command.name.count + 2)
      + command.summary
  }
  return tr("help.usage", ["commands": lines.joined(separator: "\n")])
}
