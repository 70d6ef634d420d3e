import ExerciseKit

let hintCommand = Command(
  name: "hint", summary: "a pointer to the lecture's formula for one exercise",
  help: """
    usage: companion hint EXERCISE

    Points at the formula of the lecture that EXERCISE implements, without giving the code
    away. `companion check` names the exercise to do next.

    """
) { arguments, _ throws(UsageError) in
  guard arguments.count == 1 else { throw UsageError("hint takes one exercise name") }
  let name = try resolve(
    arguments[0], among: curriculum.flatMap { $0.exercises.map(\.name) }, kind: "exercise",
    listing: "`swift run companion check` lists them")
  return "\(name):\n\(hint(for: name) ?? "")\n"
}
