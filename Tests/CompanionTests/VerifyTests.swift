import Foundation
import Testing

@testable import CompanionCore
@testable import ExerciseKit

@Suite("companion verify: the README's chapter table")
struct VerifyTests {
  static let exercises = [("A", 2), ("B", 1)].flatMap { chapter, count in
    (0..<count).map {
      Exercise(name: "\(chapter)\($0)", file: "\(chapter)/F.swift", line: $0, body: [], stub: [])
    }
  }

  @Test("a row per chapter in teaching order, each with its number of exercises")
  func table() {
    let good = "| Chapter | What | Exercises | Guide |\n| `A` | a | 2 | x |\n| `B` | b | 1 | y |\n"
    #expect(readmeProblems(good, exercises: Self.exercises, chapters: ["A", "B"]).isEmpty)
    let stale = "| `A` | a | 3 | x |\n| `B` | b | 1 | y |\n"
    #expect(
      readmeProblems(stale, exercises: Self.exercises, chapters: ["A", "B"])
        == ["A has 2 exercises, the table says 3"])
    let missing = "| `A` | a | 2 | x |\n"
    #expect(readmeProblems(missing, exercises: Self.exercises, chapters: ["A", "B"]).count == 1)
  }

  @Test("the package's own README and its Chinese one pass")
  func ownReadme() throws {
    let tree = ExerciseTree(root: PackageCopy.original)
    for path in ["README.md", "Guides/zh/README.md"] {
      let problems = readmeProblems(
        try tree.text(path), exercises: try tree.exercises(),
        chapters: Curriculum.read(from: tree).teachingOrder(of: try tree.chapters()))
      #expect(problems.isEmpty, "\(path): \(problems)")
    }
  }

  @Test(
    "the package's guides, English and Chinese, name their exercises, cite tested ids, and hint every exercise"
  )
  func ownGuides() throws {
    let tree = ExerciseTree(root: PackageCopy.original)
    #expect(try guideProblems(in: tree) == [])
    let curriculum = Curriculum.read(from: tree)
    let chinese = Curriculum.read(from: tree, chinese: true)
    for exercise in try tree.exercises() {
      #expect(curriculum.hint(for: exercise.name)?.isEmpty == false, "\(exercise.name)")
      // Each Chinese hint is its own, not the English one it would fall back to.
      let hint = chinese.hint(for: exercise.name) ?? ""
      #expect(hint != curriculum.hint(for: exercise.name), "\(exercise.name)")
      #expect(hint.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    }
  }

  @Test("the package's catalog of mistakes reads, every entry with an id of its own")
  func ownCatalog() throws {
    let check = Verifier(root: PackageCopy.original).catalog()
    #expect(check.passed, "\(check.line)")
    for (chapter, mistakes) in try ExerciseTree(root: PackageCopy.original).mistakes() {
      #expect(Set(mistakes.map(\.id)).count == mistakes.count)
      #expect(mistakes.allSatisfy { $0.chapter == chapter && $0.id == "\(chapter)/\($0.slug)" })
    }
  }

  @Test("verify fails on a catalog entry without an id, and says which")
  func catalogWithoutID() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("verify-catalog-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for folder in ["Solutions/Chapter", "Mistakes"] {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try Data("func a() -> Int {\n  // BEGIN EXERCISE a\n  return 1\n  // END EXERCISE\n}\n".utf8)
      .write(to: root.appendingPathComponent("Solutions/Chapter/A.swift"))
    let entry = #""exercise": "a", "mistake": "m", "replace": "1", "with": "2", "diagnosis": "d"}"#
    let catalog = root.appendingPathComponent("Mistakes/Chapter.json")
    try Data("[{\(entry)]".utf8).write(to: catalog)
    let missing = Verifier(root: root).catalog()
    #expect(!missing.passed)
    #expect(
      missing.line
        == "catalog: Mistakes/Chapter.json, entry 1 (a: m): no \"id\"; every entry needs one, a kebab-case slug"
    )
    try Data("[{\"id\": \"m\", \(entry)]".utf8).write(to: catalog)
    let good = Verifier(root: root).catalog()
    #expect(good.passed && good.line == "catalog: 1 mistake in 1 chapter, each with its own id")
  }

  @Test("no exercise's body appears in given code, up to white space and names")
  func noAnswersGiven() throws {
    #expect(try answerLeaks(in: ExerciseTree(root: PackageCopy.original)) == [])
    #expect(
      codeShape("let m = z.max() // the largest\nreturn m")
        == codeShape("let top = x.max()\n  return top"))
    #expect(codeShape("a + 1") != codeShape("a - 1"))
  }
}
