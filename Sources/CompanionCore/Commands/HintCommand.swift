import ExerciseKit
import Foundation

let hintCommand = Command(
  name: "hint", summary: "a pointer to the lecture's formula for one exercise",
  help: """
    usage: companion hint EXERCISE

    Points at the formula of the lecture that EXERCISE implements, without giving the code
    away. `companion check` names the exercise to do next. The hints are in the chapters'
    guides (Guides/CHAPTER.md, under "Hints").

    """
) { arguments, _ throws(UsageError) in
  guard arguments.count == 1 else { throw UsageError("hint takes one exercise name") }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  let curriculum = Curriculum.read(from: ExerciseTree(root: root))
  let name = try resolve(
    arguments[0], among: curriculum.exerciseNames, kind: "exercise",
    listing: "`swift run companion check` lists them")
  return "\(name):\n\(curriculum.hint(for: name) ?? "")\n"
}
