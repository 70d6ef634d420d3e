let showCommand = Command(
  name: "show", summary: tr("summary.show"),
  help: tr("help.show", ["names": joined(examples.map(\.name))])
) { arguments, _ throws(UsageError) in
  guard arguments.count == 1 else { throw UsageError(tr("input.showOneName")) }
  let name = try resolve(
    arguments[0], among: examples.map(\.name), kind: "example", listing: tr("input.tryList"))
  let example = examples.first { $0.name == name }!
  return trackLine() + "\n\n" + example.render() + "\n"
}
