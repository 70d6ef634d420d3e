import Foundation
import Testing

@testable import ExerciseKit

@Suite("Progress: a chapter that waits for the chapters it builds on")
struct DependencyTests {
  @Test("the chapters each chapter builds on are read from the manifest's list")
  func manifest() {
    let manifest = """
      let chapters: [(name: String, dependencies: [String])] = [
        ("Convolution", []),
        ("Pooling", []),
        ("ConvNets", ["Convolution", "Pooling"]),
      ]
      let other = ("x", 1)
      """
    #expect(
      parseChapterDependencies(manifest) == [
        "Convolution": [], "Pooling": [], "ConvNets": ["Convolution", "Pooling"],
      ])
  }

  @Test("the exercises a failure message names as not written yet")
  func marks() {
    #expect(
      markedExercises(
        in: "`correlate2D` in Exercises/Convolution/Correlation.swift is not written yet")
        == ["correlate2D"])
    let expectation = """
      Expectation failed: (computed → (placeholder: `layerOutputShape` in Exercises/ConvNets/\
      NetworkShapes.swift is not written yet)) == (expected → 3 x 24 x 24); map 0: `relu` in \
      Exercises/Convolution/Rectify.swift is not written yet
      """
    #expect(markedExercises(in: expectation) == ["layerOutputShape", "relu"])
    #expect(markedExercises(in: "expected 24, computed 0 (`outputLength`)").isEmpty)
    #expect(markedExercises(in: "`a b` in Exercises/X/Y.swift is not written yet").isEmpty)
  }

  static let testSource = """
    @Suite("S")
    struct NetTests {
      @Test("forward")
      func forward() {
        expectMaps(convLayerForward(x, layer), equal: y)
      }

      @Test("shapes")
      func shapes() {
        #expect(layerOutputShape(.dense(units: 2), input: v) == w)
      }
    }
    """

  static let coverage = Coverage(
    functionOfExercise: [
      "multiChannelCorrelate": "convLayerForward", "layerOutputShape": "layerOutputShape",
    ],
    tests: Coverage.testFunctions(in: testSource, target: "ConvNetsTests"),
    silentDependencies: ["layerOutputShape": ["outputLength", "pooledLength"]])

  static let exercises = ["multiChannelCorrelate", "layerOutputShape"].enumerated().map {
    Exercise(name: $1, file: "ConvNets/F.swift", line: 10 * $0 + 1, body: ["x"], stub: ["y"])
  }

  static let chapterOf = [
    "multiChannelCorrelate": "ConvNets", "layerOutputShape": "ConvNets",
    "correlate2D": "Convolution", "outputLength": "Convolution", "pooledLength": "Pooling",
    "maxPool2D": "Pooling",
  ]

  func outcome(_ function: String, _ failures: [String]) -> TestOutcome {
    TestOutcome(
      className: "ConvNetsTests.NetTests", function: function, failures: failures,
      skipped: false)
  }

  func report(unwritten: Set<String>, failures: [String], _ shapeFailures: [String])
    -> ChapterReport
  {
    chapterReport(
      chapter: "ConvNets", exercises: Self.exercises, unwritten: unwritten,
      run: .finished([outcome("forward()", failures), outcome("shapes()", shapeFailures)]),
      coverage: Self.coverage, chapterOf: Self.chapterOf)
  }

  @Test("a failure that names another chapter's unwritten exercise: waiting, not failing")
  func namedInMessage() {
    let marked =
      "map 0: `correlate2D` in Exercises/Convolution/Correlation.swift is not written yet"
    let waiting = report(unwritten: ["correlate2D", "outputLength"], failures: [marked], [])
    #expect(waiting.exercises[0].status == .waiting(for: ["correlate2D"]))
    #expect(waiting.exercises[1].status == .done)
    #expect(waiting.waitsFor == [ChapterWait(chapter: "Convolution", exercises: ["correlate2D"])])
    #expect(waiting.score == 1)
    // Once correlate2D is written, the same failure is this chapter's own.
    let wrong = report(unwritten: [], failures: ["map 0: entry (0, 0): expected 5, computed 4"], [])
    #expect(
      wrong.exercises[0].status
        == .failing("map 0: entry (0, 0): expected 5, computed 4 (forward())"))
    #expect(wrong.waitsFor.isEmpty)
  }

  @Test("an Int stub names nothing: the exercises the code reaches are waited for")
  func silentStub() {
    let failure = "Expectation failed: (computed → 2 x 0 x 0) == (w → 2 x 1 x 1)"
    let waiting = report(unwritten: ["pooledLength", "maxPool2D"], failures: [], [failure])
    #expect(waiting.exercises[1].status == .waiting(for: ["pooledLength"]))
    #expect(waiting.waitsFor == [ChapterWait(chapter: "Pooling", exercises: ["pooledLength"])])
    let failing = report(unwritten: ["maxPool2D"], failures: [], [failure])
    #expect(failing.exercises[1].status == .failing(failure + " (shapes())"))
    // A message that names an unwritten exercise takes precedence over the code's reach.
    let marked = "`outputLength` in Exercises/Convolution/OutputSize.swift is not written yet"
    let named = report(unwritten: ["outputLength", "pooledLength"], failures: [], [marked])
    #expect(named.exercises[1].status == .waiting(for: ["outputLength"]))
  }

  @Test("the exercises of the chapters built on are found by following calls in the code")
  func reach() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("dependency-tree-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let files = [
      "Package.swift": "let chapters = [\n  (\"Low\", []),\n  (\"High\", [\"Low\"]),\n]\n",
      "Solutions/Low/Size.swift": """
      public func size(_ n: Int) -> Int {
        // BEGIN EXERCISE sizeRule
        return n - 1
        // END EXERCISE
      }

      public func shape(
        _ n: Int, transform: (Int) -> Matrix
      ) -> Shape {
        Shape(rows: size(n), columns: size(n))
      }

      public func map(_ x: Matrix) -> Matrix {
        // BEGIN EXERCISE mapRule
        return x
        // END EXERCISE
      }
      """,
      "Solutions/Low/Sequence.swift": """
      public func map(_ x: [Double]) -> [Double] {
        // BEGIN EXERCISE mapSequence
        return x
        // END EXERCISE
      }
      """,
      "Solutions/High/Net.swift": """
      public func layerShape(_ n: Int) -> Shape {
        // BEGIN EXERCISE layerShape
        return shape(n, transform: { _ in .unwritten })  // map( in a comment
        // END EXERCISE
      }

      public func forward(_ x: Matrix) -> Matrix {
        // BEGIN EXERCISE forwardRule
        return map(x)
        // END EXERCISE
      }

      /// Given code: calls forward(_:).
      public func wrapped(_ x: Matrix) -> Matrix { forward(x) }
      """,
      "Tests/HighTests/NetTests.swift": """
      struct NetTests {
        @Test("through given code")
        func throughGivenCode() {
          expectMatrix(wrapped(x), equals: y)
        }
      }
      """,
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    let tree = ExerciseTree(root: root)
    #expect(tree.chapterDependencies() == ["Low": [], "High": ["Low"]])
    // layerShape reaches sizeRule (an Int) through shape; forwardRule calls map, which is
    // mapRule (a matrix, which names itself in failures) or mapSequence (an array, which
    // cannot): an overloaded name is left out rather than guessed.
    #expect(
      try Coverage.read(chapter: "High", in: tree).silentDependencies == [
        "layerShape": ["sizeRule"]
      ])
    #expect(try Coverage.read(chapter: "Low", in: tree).silentDependencies.isEmpty)
    // A test that calls given code calls the exercises that code calls.
    let coverage = try Coverage.read(chapter: "High", in: tree)
    #expect(
      coverage.exercises(calledBy: "HighTests.NetTests", name: "throughGivenCode()")
        == ["forwardRule"])
    let chunks = Coverage.functionChunks(in: files["Solutions/Low/Size.swift"]!)
    #expect(chunks.map(\.name) == ["size", "shape", "map"])
    #expect(chunks.map(\.returnType) == ["Int", "Shape", "Matrix"])
    #expect(chunks.map(\.exercises) == [["sizeRule"], [], ["mapRule"]])
  }
}
