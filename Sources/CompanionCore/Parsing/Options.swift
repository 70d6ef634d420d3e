/// The arguments of one command: positional arguments, and options that may take a value.
struct ParsedArguments {
  var positional: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []

  /// Splits `arguments` by `valued` (options followed by a value, like `--stride 2`) and
  /// `flags` (options on their own, like `--slide`). Anything else that starts with `--` is an
  /// error; `-` alone is a positional argument (standard input).
  init(
    _ arguments: [String], valued: Set<String> = [], flags allowedFlags: Set<String> = []
  ) throws(UsageError) {
    // `--option=value` is `--option value`.
    let arguments = arguments.flatMap { argument -> [String] in
      guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "="),
        valued.contains(String(argument[..<equals]))
      else { return [argument] }
      return [String(argument[..<equals]), String(argument[argument.index(after: equals)...])]
    }
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument.hasPrefix("-") && argument != "-" {
        if valued.contains(argument) {
          guard index + 1 < arguments.count else {
            throw UsageError(tr("input.optionNeedsValue", ["option": argument]))
          }
          guard values[argument] == nil else {
            throw UsageError(tr("input.optionTwice", ["option": argument]))
          }
          values[argument] = arguments[index + 1]
          index += 2
          continue
        }
        guard allowedFlags.contains(argument) else {
          let options = Array(valued.union(allowedFlags)).sorted()
          guard let near = nearest(to: argument, among: options) else {
            throw UsageError(tr("input.unknownOption", ["option": argument]))
          }
          throw UsageError(tr("input.unknownOptionNear", ["option": argument, "near": near]))
        }
        flags.insert(argument)
      } else {
        positional.append(argument)
      }
      index += 1
    }
  }

  /// The value of an integer option, or `default` when it is absent.
  func integer(_ option: String, default value: Int? = nil) throws(UsageError) -> Int? {
    guard let text = values[option] else { return value }
    guard let number = Int(text) else {
      throw UsageError(tr("input.wholeNumber", ["option": option, "value": text]))
    }
    return number
  }
}
