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

  @Test("no exercise's body appears in given code, up to white space and names")
  func noAnswersGiven() throws {
    #expect(try answerLeaks(in: ExerciseTree(root: PackageCopy.original)) == [])
    #expect(
      codeShape("let m = z.max() // the largest\nreturn m")
        == codeShape("let top = x.max()\n  return top"))
    #expect(codeShape("a + 1") != codeShape("a - 1"))
  }
}
