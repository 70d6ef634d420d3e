let helpCommand = Command(
  name: "help", summary: "what a command does",
  help: "usage: companion help COMMAND\n\nPrints what COMMAND does and the arguments it takes.\n"
) { arguments, _ throws(UsageError) in
  guard let topic = arguments.first else { return usage() }
  guard arguments.count == 1 else { throw UsageError("help takes one command") }
  let name = try resolve(
    topic, among: commands.map(\.name), kind: "command", listing: "try `companion --help`")
  return commands.first { $0.name == name }!.help
}
