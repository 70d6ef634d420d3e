let helpCommand = Command(
  name: "help", summary: tr("summary.help"), help: tr("help.help")
) { arguments, _ throws(UsageError) in
  guard let topic = arguments.first else { return usage() }
  guard arguments.count == 1 else { throw UsageError(tr("input.helpOneCommand")) }
  let name = try resolve(
    topic, among: commands.map(\.name), kind: "command", listing: tr("input.tryHelp"))
  return commands.first { $0.name == name }!.help
}
