import ExerciseKit
import Foundation

/// A copy of the package in a temporary folder, for tests that play a student: they plant
/// exercise bodies in its `Exercises/` and run the real `check` on it, builds and all.
struct PackageCopy {
  /// The package these tests belong to.
  static let original = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  let root: URL

  /// Copies the package's sources, tests, solutions and exercises (not its builds) to a new
  /// temporary folder.
  static func make(_ name: String) throws -> PackageCopy {
    let root = try freshFolder(name)
    for item in [
      "Package.swift", "README.md", "Sources", "Tests", "Solutions", "Exercises", "Guides",
      "Autograder",
    ] {
      let source = original.appendingPathComponent(item)
      guard FileManager.default.fileExists(atPath: source.path) else { continue }
      try FileManager.default.copyItem(at: source, to: root.appendingPathComponent(item))
    }
    let copy = PackageCopy(root: root)
    try copy.reset()
    return copy
  }

  /// A new empty temporary folder `companion-NAME-PID`. Earlier runs' folders of the same name
  /// go first: each holds a build.
  static func freshFolder(_ name: String) throws -> URL {
    let temporary = FileManager.default.temporaryDirectory
    for old in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
    where old.hasPrefix("companion-\(name)-") {
      try? FileManager.default.removeItem(at: temporary.appendingPathComponent(old))
    }
    let root = temporary.appendingPathComponent("companion-\(name)-\(getpid())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return root
  }

  /// Puts every stub back: `Exercises/` as `Solutions/` generates it.
  func reset() throws {
    try ExerciseTree(root: root).write(force: true)
  }

  /// Writes the reference body of `exercise` into the student's file, with each `(old, new)`
  /// replacement made in it: a planted mistake.
  func plant(_ exercise: String, replacing replacements: [(String, String)] = []) throws {
    let tree = ExerciseTree(root: root)
    guard let solution = try tree.exercises().first(where: { $0.name == exercise }) else {
      throw PlantError(problem: "no exercise \(exercise)")
    }
    var body = solution.body.joined(separator: "\n")
    for (old, new) in replacements {
      guard body.contains(old) else {
        throw PlantError(problem: "the body of \(exercise) has no '\(old)'")
      }
      body = body.replacingOccurrences(of: old, with: new)
    }
    try replaceBody(of: exercise, in: solution.file, with: body)
  }

  /// Writes `body` as the student's body of `exercise`.
  func write(_ exercise: String, body: String) throws {
    let tree = ExerciseTree(root: root)
    guard let solution = try tree.exercises().first(where: { $0.name == exercise }) else {
      throw PlantError(problem: "no exercise \(exercise)")
    }
    try replaceBody(of: exercise, in: solution.file, with: body)
  }

  /// A `dropoutMask` that asks, through the variable by which `check` picks bodies, for the
  /// reference's body, and calls itself again to have it answer; left to itself it keeps every
  /// unit (a wrong mask).
  func writeAskingForTheReference() throws {
    try write(
      "dropoutMask",
      body: """
          if getenv("ASKED_FOR_THE_REFERENCE") == nil {
            setenv("ASKED_FOR_THE_REFERENCE", "1", 1)
            setenv("COMPANION_STUDENT", "", 1)
            defer { unsetenv("ASKED_FOR_THE_REFERENCE") }
            return dropoutMask(rows: rows, columns: columns, p: p, using: &generator)
          }
          return Matrix(rows: rows, columns: columns, repeating: 1)
        """)
    try append("\nimport Foundation\n", to: "Exercises/Dropout/Mask.swift")
  }

  /// Appends `text` to a file of the package.
  func append(_ text: String, to path: String) throws {
    let url = root.appendingPathComponent(path)
    let old = try String(contentsOf: url, encoding: .utf8)
    try Data((old + text).utf8).write(to: url)
  }

  private func replaceBody(of exercise: String, in file: String, with body: String) throws {
    let url = root.appendingPathComponent("Exercises/" + file)
    var lines = try String(contentsOf: url, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard
      let begin = lines.firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces).hasPrefix("// BEGIN EXERCISE \(exercise)")
      }),
      let end = lines[begin...].firstIndex(where: { $0.contains("// END EXERCISE") })
    else { throw PlantError(problem: "no markers of \(exercise) in Exercises/\(file)") }
    lines.replaceSubrange((begin + 1)..<end, with: body.split(separator: "\n").map(String.init))
    try Data(lines.joined(separator: "\n").utf8).write(to: url)
  }
}

struct PlantError: Error, CustomStringConvertible {
  let problem: String
  var description: String { problem }
}
