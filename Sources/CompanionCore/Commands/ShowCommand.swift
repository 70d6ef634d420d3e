let showCommand = Command(
  name: "show", summary: "compute and print one worked example",
  help: """
    usage: companion show NAME

    Computes one worked example and prints it as the slides do. NAME is one of:
    \(examples.map(\.name).joined(separator: ", ")).

    """
) { arguments, _ throws(UsageError) in
  guard arguments.count == 1 else {
    throw UsageError("show takes one example name: try `companion list`")
  }
  let name = try resolve(
    arguments[0], among: examples.map(\.name), kind: "example", listing: "try `companion list`")
  let example = examples.first { $0.name == name }!
  return trackLine() + "\n\n" + example.render() + "\n"
}
