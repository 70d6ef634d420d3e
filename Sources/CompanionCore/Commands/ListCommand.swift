let listCommand = Command(
  name: "list", summary: tr("summary.list"), help: tr("help.list")
) { arguments, _ throws(UsageError) in
  guard arguments.isEmpty else { throw UsageError(tr("input.noArguments", ["command": "list"])) }
  return examples.map { "\($0.name)\t[\($0.ids)] \($0.summary)" }.joined(separator: "\n") + "\n"
}
