import ExerciseKit
import Foundation

let resetCommand = Command(
  name: "reset", summary: tr("reset.summary"), help: tr("reset.help")
) { arguments, input throws(UsageError) in
  let parsed = try ParsedArguments(arguments, flags: ["--yes"])
  guard parsed.positional.count == 1 else { throw UsageError(tr("reset.oneExercise")) }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  return try resetExercise(
    parsed.positional[0], in: root, ask: !parsed.flags.contains("--yes"), input: input)
}

/// Puts the stub of the exercise named `typed` back into the student's file of the package at
/// `root`, after asking on `input` when `ask` is set; the body it replaces is kept in
/// `.build-exercises/reset/`. What to tell the student.
func resetExercise(
  _ typed: String, in root: URL, ask: Bool, input: Input
) throws(UsageError) -> String {
  let tree = ExerciseTree(root: root)
  let reference: [Exercise]
  do { reference = try tree.exercises() } catch {
    throw UsageError(tr("check.cannotReadSolutions", ["error": "\(error)"]))
  }
  let name = try resolve(
    typed, among: reference.map(\.name), kind: "exercise",
    listing: tr("reset.listing"))
  let exercise = reference.first { $0.name == name }!
  let path = "Exercises/" + exercise.file
  let file = root.appendingPathComponent(path)
  guard file.standardizedFileURL.path.hasPrefix(root.appendingPathComponent("Exercises").path + "/")
  else { throw UsageError(tr("reset.onlyExercises"), file: path) }
  let text: String
  let marked: MarkedFile
  do {
    text = try tree.text(path)
    marked = try MarkedFile(text: text, file: exercise.file)
  } catch {
    throw UsageError(tr("reset.cannotReadMarkers", ["error": "\(error)"]), file: path)
  }
  guard let mine = marked.exercises.first(where: { $0.name == name }) else {
    throw UsageError(tr("reset.markerMissing", ["name": name]), file: path)
  }
  let place = "\(path):\(mine.line)"
  if mine.body == exercise.stub {
    return tr("reset.already", ["name": name, "place": place]) + "\n"
  }
  let keep = root.appendingPathComponent(
    "\(CheckBuild.scratch)/reset/\(name)-\(Int(Date().timeIntervalSince1970)).swift")
  if ask {
    input.prompt(
      tr("reset.ask", ["name": name, "place": place, "folder": CheckBuild.scratch]) + " [y/N] ")
    let answer = input.line()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    guard answer == "y" || answer == "yes" else { return tr("reset.nothingChanged") + "\n" }
  }
  let restored = stubbed(text, exercise: name, stub: exercise.stub)
  do {
    try FileManager.default.createDirectory(
      at: keep.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(mine.body.joined(separator: "\n").utf8).write(to: keep)
    try Data(restored.utf8).write(to: file)
  } catch {
    throw UsageError(tr("reset.cannotWrite", ["error": "\(error)"]), file: path)
  }
  let kept = keep.path.dropFirst(root.path.count + 1)
  return tr("reset.done", ["name": name, "place": place, "kept": String(kept)]) + "\n"
}

/// `text` with the body of `exercise` replaced by `stub`, every other line as it was.
func stubbed(_ text: String, exercise: String, stub: [String]) -> String {
  var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  guard
    let begin = lines.firstIndex(where: {
      $0.trimmingCharacters(in: .whitespaces).hasPrefix("// BEGIN EXERCISE \(exercise)")
    }),
    let end = lines[begin...].firstIndex(where: {
      $0.trimmingCharacters(in: .whitespaces).hasPrefix("// END EXERCISE")
    })
  else { return text }
  lines.replaceSubrange((begin + 1)..<end, with: stub)
  return lines.joined(separator: "\n")
}
