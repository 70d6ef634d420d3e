import ExerciseKit
import Foundation

// The maintainers' tool for the generated exercises. Run from the package root:
//   swift run exercises generate [--force]   regenerate Exercises/ from Solutions/ and the README's counts
//   swift run exercises check                exit 1 when Exercises/ is stale
//   swift run exercises list                 every exercise, chapter by chapter
//   swift run exercises teeth FILE           the teeth check of an exercises-track xunit file

let usage = """
  usage: exercises generate [--force] | check | list | teeth XUNIT-FILE
    generate   write Exercises/ from Solutions/ (refuses to overwrite written exercise bodies
               unless --force), and the exercise counts of the README's chapter table
    check      exit 1 when the committed Exercises/ differs from what Solutions/ generates
    list       print every exercise with its file and line
    teeth      check an exercises-track run: chapter tests all fail, all other tests pass
  """

func fail(_ message: String, status: Int32 = 2) -> Never {
  FileHandle.standardError.write(Data("exercises: error: \(message)\n".utf8))
  exit(status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let tree = ExerciseTree(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
guard FileManager.default.fileExists(atPath: tree.root.appendingPathComponent("Solutions").path)
else { fail("run this from the package root: there is no Solutions/ here") }

do {
  switch arguments.first {
  case "generate":
    let force = arguments.dropFirst().contains("--force")
    if let unknown = arguments.dropFirst().first(where: { $0 != "--force" }) {
      fail("unknown option '\(unknown)'\n\(usage)")
    }
    var changed = try tree.write(force: force)
    for path in ["README.md", "Guides/zh/README.md"] {
      guard let readme = try? tree.text(path) else { continue }
      let counted = readmeWithExerciseCounts(readme, exercises: try tree.exercises())
      if counted != readme {
        try counted.write(
          to: tree.root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        changed.append("\(path) (the chapter table's exercise counts)")
      }
    }
    print(
      changed.isEmpty
        ? "Exercises/ is up to date" : changed.map { "wrote \($0)" }.joined(separator: "\n"))
  case "check":
    let problems = try tree.staleness()
    if problems.isEmpty {
      print("Exercises/ is in sync with Solutions/ (\(try tree.exercises().count) exercises)")
    } else {
      for problem in problems { print(problem) }
      fail("Exercises/ is stale: run `swift run exercises generate`", status: 1)
    }
  case "list":
    for exercise in try tree.exercises() {
      print("\(exercise.chapter)\t\(exercise.name)\tSolutions/\(exercise.file):\(exercise.line)")
    }
  case "teeth":
    guard arguments.count == 2 else { fail("teeth takes one xunit file\n\(usage)") }
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: arguments[1])) } catch {
      fail("cannot read \(arguments[1])")
    }
    let outcomes = try readXUnit(data)
    let problems = teethProblems(outcomes, chapters: try tree.chapters())
    for problem in problems { print(problem) }
    let chapterTests = outcomes.filter { $0.target.hasSuffix("Tests") && $0.failed }.count
    if !problems.isEmpty {
      fail(
        "\(problems.count) \(problems.count == 1 ? "test breaks" : "tests break") the teeth rule",
        status: 1)
    }
    print(
      "teeth: \(chapterTests) chapter tests fail on the stubs, "
        + "\(outcomes.count - chapterTests) tests of given code pass")
  case "--help", "-h", "help":
    print(usage)
  default:
    fail("unknown command '\(arguments.first ?? "")'\n\(usage)")
  }
} catch {
  fail("\(error)")
}
