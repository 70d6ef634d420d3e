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
  guard let text = hint(for: arguments[0]) else {
    let names = curriculum.flatMap { $0.exercises.map(\.name) }
    throw UsageError(
      "no exercise named '\(arguments[0])': the exercises are \(names.joined(separator: ", "))")
  }
  return "\(arguments[0]):\n\(text)\n"
}
