/// `companion` and `companion tour`: every worked example, computed live.

let tourCommand = Command(
  name: "tour", summary: tr("summary.tour"), help: tr("help.tour")
) { arguments, _ throws(UsageError) in
  guard arguments.isEmpty else { throw UsageError(tr("input.noArguments", ["command": "tour"])) }
  return tour()
}
