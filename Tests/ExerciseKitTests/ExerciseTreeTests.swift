import ExerciseKit
import Foundation
import Testing

@Suite("Generating Exercises/ from Solutions/")
struct ExerciseTreeTests {
  /// A package-like folder with one chapter of two files.
  func makeTree() throws -> ExerciseTree {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("exercise-tree-\(UUID().uuidString)")
    let chapter = root.appendingPathComponent("Solutions/Chapter")
    try FileManager.default.createDirectory(at: chapter, withIntermediateDirectories: true)
    try Data("func a() -> Int {\n  // BEGIN EXERCISE a\n  return 1\n  // END EXERCISE\n}\n".utf8)
      .write(to: chapter.appendingPathComponent("A.swift"))
    try Data("let given = 2\n".utf8).write(to: chapter.appendingPathComponent("B.swift"))
    return ExerciseTree(root: root)
  }

  func text(_ tree: ExerciseTree, _ path: String) throws -> String {
    String(decoding: try Data(contentsOf: tree.root.appendingPathComponent(path)), as: UTF8.self)
  }

  func write(_ tree: ExerciseTree, _ path: String, _ text: String) throws {
    try Data(text.utf8).write(to: tree.root.appendingPathComponent(path))
  }

  @Test("a missing Exercises/ is stale; generating makes it current")
  func generate() throws {
    let tree = try makeTree()
    defer { try? FileManager.default.removeItem(at: tree.root) }
    #expect(try tree.staleness().count == 2)
    let written = try tree.write(force: false)
    #expect(written == ["Exercises/Chapter/A.swift", "Exercises/Chapter/B.swift"])
    #expect(try tree.staleness().isEmpty)
    #expect(
      try text(tree, "Exercises/Chapter/A.swift").contains(".unwritten(\"a\", in: #filePath)"))
    #expect(try text(tree, "Exercises/Chapter/B.swift") == "let given = 2\n")
    #expect(try tree.chapters() == ["Chapter"])
  }

  @Test("a changed solution or a stray file makes Exercises/ stale")
  func stale() throws {
    let tree = try makeTree()
    defer { try? FileManager.default.removeItem(at: tree.root) }
    try tree.write(force: false)
    try write(tree, "Solutions/Chapter/B.swift", "let given = 3\n")
    #expect(
      try tree.staleness() == [
        "Exercises/Chapter/B.swift differs from what Solutions/Chapter/B.swift generates"
      ])
    try tree.write(force: false)
    try write(tree, "Exercises/Chapter/C.swift", "")
    #expect(try tree.staleness() == ["Exercises/Chapter/C.swift has no counterpart in Solutions/"])
  }

  @Test("a student's written body is never overwritten unless forced")
  func refuses() throws {
    let tree = try makeTree()
    defer { try? FileManager.default.removeItem(at: tree.root) }
    try tree.write(force: false)
    let mine = "func a() -> Int {\n  // BEGIN EXERCISE a\n  return 41 + 1\n  // END EXERCISE\n}\n"
    try write(tree, "Exercises/Chapter/A.swift", mine)
    #expect(try tree.writtenExercises().map(\.name) == ["a"])
    #expect(throws: RefusalError.self) { try tree.write(force: false) }
    #expect(try text(tree, "Exercises/Chapter/A.swift") == mine, "nothing was written")
    try tree.write(force: true)
    #expect(try tree.staleness().isEmpty)
  }

  @Test("an exercise name used twice is an error")
  func duplicateNames() throws {
    let tree = try makeTree()
    defer { try? FileManager.default.removeItem(at: tree.root) }
    try write(
      tree, "Solutions/Chapter/B.swift",
      "func b() -> Int {\n  // BEGIN EXERCISE a\n  return 1\n  // END EXERCISE\n}\n")
    #expect(throws: MarkerError.self) { try tree.exercises() }
  }
}
