import ExerciseKit
import Testing

@Suite("Exercise markers")
struct MarkerTests {
  static let source = """
    import LectureKit

    public func f(_ x: Matrix) -> Matrix {
      precondition(x.rows > 0, "empty")
      // BEGIN EXERCISE fExercise
      let y = x * 2
      return y
      // END EXERCISE
    }

    public func g() {
        // BEGIN EXERCISE gExercise stub:
        print("side effect")
        // END EXERCISE
    }

    public func h() -> (Int, Int) {
      // BEGIN EXERCISE hExercise stub: return (0, 0)
      (1, 2)
      // END EXERCISE
    }
    """

  @Test("finds each exercise with its name, line and body")
  func parse() throws {
    let file = try MarkedFile(text: Self.source, file: "Chapter/F.swift")
    let exercises = file.exercises
    #expect(exercises.map(\.name) == ["fExercise", "gExercise", "hExercise"])
    #expect(exercises.map(\.line) == [5, 12, 18])
    #expect(exercises[0].body == ["  let y = x * 2", "  return y"])
    #expect(exercises[0].chapter == "Chapter")
  }

  @Test("stubs: the placeholder by default, the marker's own stub, or nothing")
  func stubs() throws {
    let stubbed = try MarkedFile(text: Self.source, file: "Chapter/F.swift").withStubs()
    #expect(
      stubbed.contains(
        """
          // BEGIN EXERCISE fExercise
          return .unwritten("fExercise", in: #filePath)
          // END EXERCISE
        """))
    #expect(stubbed.contains("    // BEGIN EXERCISE gExercise stub:\n    // END EXERCISE"))
    #expect(stubbed.contains("  return (0, 0)\n  // END EXERCISE"))
    #expect(!stubbed.contains("side effect"))
    #expect(stubbed.contains("precondition(x.rows > 0, \"empty\")"), "given code stays")
    // Generating from the generated file changes nothing.
    #expect(try MarkedFile(text: stubbed, file: "Chapter/F.swift").withStubs() == stubbed)
  }

  @Test(
    "broken markers are reported with file and line",
    arguments: [
      ("// BEGIN EXERCISE a\n// BEGIN EXERCISE b\n// END EXERCISE", 2),
      ("x\n// END EXERCISE", 2),
      ("// BEGIN EXERCISE a\nbody", 1),
      ("// BEGIN EXERCISE\n// END EXERCISE", 1),
      ("// BEGIN EXERCISE a something\n// END EXERCISE", 1),
      // The name must start with the function's: a failure names what to open.
      ("public func area() -> Int {\n  // BEGIN EXERCISE volume\n  // END EXERCISE\n}", 2),
    ])
  func broken(_ text: String, _ line: Int) {
    #expect(throws: MarkerError.self) { try MarkedFile(text: text, file: "C/F.swift") }
    do {
      _ = try MarkedFile(text: text, file: "C/F.swift")
    } catch {
      #expect(error.line == line)
      #expect(error.description.hasPrefix("C/F.swift:\(line): "))
    }
  }
}
