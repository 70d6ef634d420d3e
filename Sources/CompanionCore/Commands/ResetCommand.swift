import ExerciseKit
import Foundation

let resetCommand = Command(
  name: "reset", summary: "puts an exercise's stub back, keeping your body aside",
  help: """
    usage: companion reset EXERCISE [--yes]

    Replaces your body of EXERCISE in Exercises/ with the stub it started as. It asks first
    (--yes does not), and keeps the body it replaces in .build-exercises/reset/, so nothing is
    lost. It writes only in Exercises/, never in Solutions/.

    """
) { arguments, input throws(UsageError) in
  let parsed = try ParsedArguments(arguments, flags: ["--yes"])
  guard parsed.positional.count == 1 else { throw UsageError("reset takes one exercise") }
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
    throw UsageError("cannot read Solutions/: \(error)")
  }
  let name = try resolve(
    typed, among: reference.map(\.name), kind: "exercise",
    listing: "`swift run companion check` lists them")
  let exercise = reference.first { $0.name == name }!
  let path = "Exercises/" + exercise.file
  let file = root.appendingPathComponent(path)
  guard file.standardizedFileURL.path.hasPrefix(root.appendingPathComponent("Exercises").path + "/")
  else { throw UsageError("reset writes only in Exercises/", file: path) }
  let text: String
  let marked: MarkedFile
  do {
    text = try tree.text(path)
    marked = try MarkedFile(text: text, file: exercise.file)
  } catch {
    throw UsageError("cannot read its markers: \(error)", file: path)
  }
  guard let mine = marked.exercises.first(where: { $0.name == name }) else {
    throw UsageError("the BEGIN EXERCISE \(name) line is missing: put it back first", file: path)
  }
  if mine.body == exercise.stub { return "\(name) is its stub already (\(path):\(mine.line)).\n" }
  let keep = root.appendingPathComponent(
    "\(CheckBuild.scratch)/reset/\(name)-\(Int(Date().timeIntervalSince1970)).swift")
  if ask {
    input.prompt(
      "Put the stub back into \(name) (\(path):\(mine.line))? Your body will be kept in "
        + "\(CheckBuild.scratch)/reset/. [y/N] ")
    let answer = input.line()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    guard answer == "y" || answer == "yes" else { return "Nothing changed.\n" }
  }
  let restored = stubbed(text, exercise: name, stub: exercise.stub)
  do {
    try FileManager.default.createDirectory(
      at: keep.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(mine.body.joined(separator: "\n").utf8).write(to: keep)
    try Data(restored.utf8).write(to: file)
  } catch {
    throw UsageError("cannot write: \(error)", file: path)
  }
  let kept = keep.path.dropFirst(root.path.count + 1)
  return "\(name) is its stub again (\(path):\(mine.line)); your body is in \(kept).\n"
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
