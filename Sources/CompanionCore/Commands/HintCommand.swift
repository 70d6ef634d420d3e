import ExerciseKit
import Foundation

let hintCommand = Command(
  name: "hint", summary: tr("summary.hint"), help: tr("help.hint")
) { arguments, _ throws(UsageError) in
  guard arguments.count == 1 else { throw UsageError(tr("input.hintOneExercise")) }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  // In Chinese, the hint of the chapter's Chinese guide (Guides/zh/CHAPTER.md), where it has one.
  let curriculum = Curriculum.read(
    from: ExerciseTree(root: root), chinese: Language.current == .zh)
  let name = try resolve(
    arguments[0], among: curriculum.exerciseNames, kind: "exercise",
    listing: tr("input.checkListsExercises"))
  return "\(name):\n\(curriculum.hint(for: name) ?? "")\n"
}
