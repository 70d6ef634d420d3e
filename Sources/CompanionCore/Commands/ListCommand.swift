let listCommand = Command(
  name: "list", summary: "name the worked examples",
  help: "usage: companion list\n\nNames the worked examples that `companion show` prints.\n"
) { arguments, _ throws(UsageError) in
  guard arguments.isEmpty else { throw UsageError("list takes no arguments") }
  return examples.map { "\($0.name)\t[\($0.ids)] \($0.summary)" }.joined(separator: "\n") + "\n"
}
