import Foundation
import Testing

@testable import ExerciseKit

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

  @Test("the README's chapter table gets each chapter's exercise count; other lines stay")
  func readmeCounts() throws {
    let tree = try makeTree()
    let readme = """
      # Title
      | Chapter | About | Exercises | Guide |
      | --- | --- | --- | --- |
      | `Chapter` | a, b \\| c | 7 | [Chapter](Guides/Chapter.md) |
      | `Other` | d | 3 | [Other](Guides/Other.md) |
      | `Chapter` in prose, not a row
      """
    let counted = readmeWithExerciseCounts(readme, exercises: try tree.exercises())
    #expect(
      counted
        == readme.replacingOccurrences(of: "| 7 |", with: "| 1 |")
        .replacingOccurrences(of: "| 3 |", with: "| 0 |"))
    #expect(readmeWithExerciseCounts(counted, exercises: try tree.exercises()) == counted)
  }

  @Test("a catalog mistake is planted in its exercise's body, once, or refused")
  func plantMistakes() throws {
    let tree = try makeTree()
    try FileManager.default.createDirectory(
      at: tree.root.appendingPathComponent("Mistakes"), withIntermediateDirectories: true)
    try write(
      tree, "Mistakes/Chapter.json",
      #"[{"id": "off-by-1", "exercise": "a", "mistake": "off by one", "replace": "1", "with": "2", "#
        + #""diagnosis": "d"}]"#
    )
    let catalog = try tree.mistakes()
    #expect(catalog.count == 1 && catalog[0].chapter == "Chapter")
    let mistake = try #require(catalog.first?.mistakes.first)
    #expect(mistake.slug == "off-by-1" && mistake.id == "Chapter/off-by-1")
    let exercise = try #require(try tree.exercises().first)
    let source = try text(tree, "Solutions/Chapter/A.swift")
    #expect(
      try mistake.planted(in: source, at: exercise)
        == source.replacingOccurrences(of: "return 1", with: "return 2"))
    // "}" is not in the body at all.
    let absent = Mistake(exercise: "a", mistake: "m", replace: "}", with: "", diagnosis: "d")
    #expect(throws: MistakeError.self) { try absent.planted(in: source, at: exercise) }
    let same = Mistake(exercise: "a", mistake: "m", replace: "1", with: "1", diagnosis: "d")
    #expect(throws: MistakeError.self) { try same.planted(in: source, at: exercise) }
    try write(
      tree, "Mistakes/Chapter.json",
      #"[{"id": "m", "exercise": "b", "mistake": "m", "replace": "1", "with": "2", "diagnosis": "d"}]"#
    )
    #expect(throws: MistakeError.self) { try tree.mistakes() }
  }

  @Test(
    "a catalog entry without an id, with one that is not kebab-case, or with another's, is refused",
    arguments: [
      ([nil], "entry 1 (a: m1): no \"id\""),
      (["Off-By-One"], "the id \"Off-By-One\" is not kebab-case"),
      (["off_by_one"], "the id \"off_by_one\" is not kebab-case"),
      (["off--by"], "the id \"off--by\" is not kebab-case"),
      (["-off"], "the id \"-off\" is not kebab-case"),
      (["off-"], "the id \"off-\" is not kebab-case"),
      ([""], "entry 1 (a: m1): no \"id\""),
      (["off-by-1", "off-by-1"], "entry 2 (a: m2): the id \"off-by-1\" is already entry 1's"),
    ] as [([String?], String)])
  func mistakeIDs(ids: [String?], message: String) throws {
    let tree = try makeTree()
    defer { try? FileManager.default.removeItem(at: tree.root) }
    try FileManager.default.createDirectory(
      at: tree.root.appendingPathComponent("Mistakes"), withIntermediateDirectories: true)
    let entries = ids.enumerated().map { index, id in
      (id.map { #""id": "\#($0)", "# } ?? "")
        + #""exercise": "a", "mistake": "m\#(index + 1)", "replace": "1", "with": "2", "#
        + #""diagnosis": "d"}"#
    }
    try write(
      tree, "Mistakes/Chapter.json", "[" + entries.map { "{" + $0 }.joined(separator: ", ") + "]")
    #expect {
      try tree.mistakes()
    } throws: { error in
      "\(error)".hasPrefix("Mistakes/Chapter.json, ") && "\(error)".contains(message)
    }
  }

  @Test("a kebab-case id: lower-case letters and digits in words joined by single hyphens")
  func wellFormedIDs() {
    for good in ["a", "stride-ignored", "relu-gradient-one-at-zero", "fft2d-axes-mixed", "1-2"] {
      #expect(Mistake.isWellFormed(slug: good), "\(good)")
    }
    for bad in ["", "-", "a-", "-a", "a--b", "A", "a_b", "a b", "ä", "a/b"] {
      #expect(!Mistake.isWellFormed(slug: bad), "\(bad)")
    }
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
      "func a(_ x: Int) -> Int {\n  // BEGIN EXERCISE a\n  return x\n  // END EXERCISE\n}\n")
    #expect(throws: MarkerError.self) { try tree.exercises() }
    do { _ = try tree.exercises() } catch {
      #expect("\(error)".contains("is already used"))
    }
  }
}

@Suite("Chapter guides against the code")
struct GuideTests {
  @Test("example ids are whole words; ranges count for both ends")
  func ids() {
    #expect(
      exampleIDs(in: "E1.1, E3 and E6.12; E2.1-E2.3 (E4.5)") == [
        "E1.1", "E3", "E6.12", "E2.1", "E2.3", "E4.5",
      ])
    #expect(exampleIDs(in: "FE1.1 E1.1x E E.1").isEmpty)
  }

  @Test("a missing guide, an exercise it does not name, and an id no test carries are problems")
  func problems() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guides-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let manager = FileManager.default
    for folder in ["Solutions/A", "Solutions/B", "Tests/ATests", "Guides"] {
      try manager.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try Data(
      "func alpha() -> Int {\n  // BEGIN EXERCISE alpha\n  return 1\n  // END EXERCISE\n}\n".utf8
    )
    .write(to: root.appendingPathComponent("Solutions/A/F.swift"))
    try Data("@Test(\"E1.1 something\") func t() {}\n".utf8)
      .write(to: root.appendingPathComponent("Tests/ATests/T.swift"))
    try Data("Covers E1.1 and E9.9 but names no exercise.\n".utf8)
      .write(to: root.appendingPathComponent("Guides/A.md"))
    let found = try guideProblems(in: ExerciseTree(root: root))
    #expect(
      found == [
        "Guides/A.md does not name the exercise `alpha`",
        "Guides/A.md cites E9.9, but no test's name carries it",
        "Guides/zh/A.md is missing",
        "Guides/B.md is missing",
        "Guides/zh/README.md is missing",
        "Guides/zh/Glossary.md is missing",
      ])
  }
}
