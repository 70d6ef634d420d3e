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
  static func usageError(_ problem: String) -> Outcome {
    Outcome(status: 2, output: "", errors: "companion: error: \(problem)\n")
  }
}

/// The command-line tool, as a function of its arguments (without the program name).
public func runCompanion(_ arguments: [String]) -> Outcome {
  guard let command = arguments.first else { return .success(tour()) }
  let rest = Array(arguments.dropFirst())
  switch command {
  case "--help", "-h":
    return .success(usage)
  case "help":
    guard let topic = rest.first else { return .success(usage) }
    guard let text = commandHelp[topic], rest.count == 1 else {
      return .usageError("no help for '\(rest.joined(separator: " "))': try `companion --help`")
    }
    return .success(text)
  case "tour":
    return rest.isEmpty ? .success(tour()) : .usageError("tour takes no arguments")
  case "list":
    guard rest.isEmpty else { return .usageError("list takes no arguments") }
    return .success(
      examples.map { "\($0.name)\t[\($0.ids)] \($0.summary)" }.joined(separator: "\n") + "\n")
  case "show":
    guard rest.count == 1 else {
      return .usageError("show takes one example name: try `companion list`")
    }
    guard let example = examples.first(where: { $0.name == rest[0] }) else {
      return .usageError("no example named '\(rest[0])': try `companion list`")
    }
    return .success(trackLine() + "\n\n" + example.render() + "\n")
  default:
    return .usageError("unknown command '\(command)': try `companion --help`")
  }
}

/// The track the chapter modules were compiled from, said aloud.
func trackLine() -> String {
  switch ConvolutionChapter.track {
  case .solutions: "Computed by the reference implementation (Solutions/)."
  case .exercises: "Computed by your exercises (Exercises/, COMPANION_TRACK=exercises)."
  }
}

func tour() -> String {
  var text = "DeepLearningCompanion: the lecture's worked examples, computed live.\n"
  text += trackLine() + "\n"
  for example in examples {
    text += "\n== \(example.name) [\(example.ids)]: \(example.summary)\n\n"
    text += example.render() + "\n"
  }
  text += """

    What next:
      swift test                            check the reference implementation
      COMPANION_TRACK=exercises swift test --filter '^ConvolutionTests\\.'
                                            check your own work on one chapter
      companion list / companion show NAME  one example at a time
      companion --help                      every command

    """
  return text
}

let usage = """
  usage: companion [COMMAND]

  With no command, a tour of the lecture's worked examples, computed live.

  commands:
    tour          the tour (the default)
    list          name the worked examples
    show NAME     compute and print one example (x-filter, relu, four-by-four)
    help COMMAND  what a command does

  """

let commandHelp: [String: String] = [
  "tour":
    "usage: companion tour\n\nComputes every worked example of the lecture and prints it as the slides do.\n",
  "list": "usage: companion list\n\nNames the worked examples that `companion show` prints.\n",
  "show":
    "usage: companion show NAME\n\nComputes one worked example and prints it as the slides do.\nNAME is one of: \(examples.map(\.name).joined(separator: ", ")).\n",
  "help": "usage: companion help COMMAND\n\nPrints what COMMAND does.\n",
]
