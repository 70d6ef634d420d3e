/// `companion` and `companion tour`: every worked example, computed live.

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
