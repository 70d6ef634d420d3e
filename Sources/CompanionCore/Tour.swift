/// The lecture's examples, computed live: `companion`, `companion list`, `companion show NAME`.

let tourCommand = Command(
  name: "tour", summary: "every worked example, computed live (the default)",
  help: """
    usage: companion tour

    Computes every worked example of the lecture with the chapter modules and prints it as the
    slides do. `companion` with no command does the same.

    """
) { arguments, _ throws(UsageError) in
  guard arguments.isEmpty else { throw UsageError("tour takes no arguments") }
  return tour()
}

let listCommand = Command(
  name: "list", summary: "name the worked examples",
  help: "usage: companion list\n\nNames the worked examples that `companion show` prints.\n"
) { arguments, _ throws(UsageError) in
  guard arguments.isEmpty else { throw UsageError("list takes no arguments") }
  return examples.map { "\($0.name)\t[\($0.ids)] \($0.summary)" }.joined(separator: "\n") + "\n"
}

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

func tour() -> String {
  var text = "DeepLearningCompanion: the lecture's worked examples, computed live.\n"
  text += trackLine() + "\n"
  for example in examples {
    text += "\n== \(example.name) [\(example.ids)]: \(example.summary)\n\n"
    text += example.render() + "\n"
  }
  text += """

    What next:
      swift run companion check               where you stand on the exercises, what to do next
      swift run companion test CHAPTER        a chapter's tests on your exercises
      swift run companion watch CHAPTER       both, again every time you save
      swift run companion hint EXERCISE       a pointer to the lecture's formula
      swift run companion list                the examples; `swift run companion show NAME` one
      swift run companion --help              every command
      swift test                              every test, on the reference implementation

    """
  return text
}
