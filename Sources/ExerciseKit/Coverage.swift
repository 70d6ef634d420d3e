import Foundation

/// Which exercises a test calls, read from the sources: the function each exercise body sits
/// in, and the functions each `@Test` function calls. A heuristic (a test may reach an exercise
/// through another function), good enough to say which exercise a failing check points at.
public struct Coverage: Sendable {
  /// A test function of a chapter's test target, as the xunit file names it.
  public struct TestFunction: Sendable, Equatable {
    /// `ConvolutionTests.XFilterTests`.
    public let className: String
    /// `mapsInNinths`, without its argument labels.
    public let function: String
    /// The identifiers the function's body calls.
    public let calls: Set<String>
  }

  /// Exercise name → the function its body sits in.
  public let functionOfExercise: [String: String]
  /// Every test function found.
  public let tests: [TestFunction]
  /// Exercise name → the exercises of the chapters this one builds on that it reaches and
  /// whose stubs cannot name themselves in a failure (see `silentDependencies`).
  public let silentDependencies: [String: Set<String>]

  public init(
    functionOfExercise: [String: String], tests: [TestFunction],
    silentDependencies: [String: Set<String>] = [:]
  ) {
    self.functionOfExercise = functionOfExercise
    self.tests = tests
    self.silentDependencies = silentDependencies
  }

  /// The exercises a test calls, by its xunit class name and name (`mapsInNinths(_:)`).
  public func exercises(calledBy className: String, name: String) -> [String] {
    let function = String(name.prefix { $0 != "(" })
    guard let test = tests.first(where: { $0.className == className && $0.function == function })
    else { return [] }
    return functionOfExercise.filter { test.calls.contains($0.value) }.map(\.key).sorted()
  }

  /// Reads the coverage of `chapter` from the package at `tree`. A test that calls a function
  /// of the chapter's given code (one with no exercise in it) is counted as calling what that
  /// function calls, followed until it reaches the exercises.
  public static func read(chapter: String, in tree: ExerciseTree) throws -> Coverage {
    var functions: [String: String] = [:]
    var given: [String: Set<String>] = [:]
    for file in tree.files(in: "Solutions") where file.hasPrefix(chapter + "/") {
      let text = try tree.text("Solutions/" + file)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      var current = ""
      for line in lines {
        if let name = declaredFunction(in: String(line)) { current = name }
        if let marker = exerciseName(in: String(line)) { functions[marker] = current }
      }
      for chunk in functionChunks(in: text) where chunk.exercises.isEmpty {
        given[chunk.name, default: []].formUnion(calls(in: chunk.code))
      }
    }
    for name in functions.values { given[name] = nil }
    var tests: [TestFunction] = []
    var helpers: [String: Set<String>] = [:]
    for file in tree.files(in: "Tests/\(chapter)Tests") where file.hasSuffix(".swift") {
      let found = Coverage.functions(
        in: try tree.text("Tests/\(chapter)Tests/" + file), target: "\(chapter)Tests")
      tests += found.tests
      helpers.merge(found.helpers) { $0.union($1) }
    }
    // Helpers may live in another file of the test target than the tests that call them, and
    // the chapter's given code is followed to the exercises it reaches.
    let graph = helpers.merging(given) { $0.union($1) }
    let dependencies = tree.chapterDependencies()[chapter] ?? []
    return Coverage(
      functionOfExercise: functions,
      tests: tests.map { test in
        TestFunction(
          className: test.className, function: test.function,
          calls: following(test.calls, through: graph))
      },
      silentDependencies: try silentDependencies(of: chapter, buildingOn: dependencies, in: tree))
  }

  /// `names` and every name the functions of `graph` among them call, followed to the end.
  static func following(_ names: Set<String>, through graph: [String: Set<String>]) -> Set<String> {
    var reached = names
    var queue = Array(names)
    while let name = queue.popLast() {
      for next in graph[name] ?? [] where reached.insert(next).inserted { queue.append(next) }
    }
    return reached
  }

  /// The test functions of a source file with what each calls, directly or through the
  /// helper functions the source defines.
  static func testFunctions(in source: String, target: String) -> [TestFunction] {
    let (tests, helpers) = functions(in: source, target: target)
    return tests.map { expanded($0, through: helpers) }
  }

  /// The `@Test` functions of a source file with what their bodies call, and every other
  /// function it defines (name → what its body calls).
  static func functions(
    in source: String, target: String
  ) -> (tests: [TestFunction], helpers: [String: Set<String>]) {
    let characters = Array(source)
    var tests: [TestFunction] = []
    var helpers: [String: Set<String>] = [:]
    var suite = ""
    var sawTest = false
    var offset = 0
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      defer { offset += line.count + 1 }
      let trimmed = String(line).trimmingLeadingSpaces()
      if let name = word(after: "struct ", in: trimmed) ?? word(after: "final class ", in: trimmed)
        ?? word(after: "enum ", in: trimmed)
      {
        suite = name
      }
      if trimmed.hasPrefix("@Test") { sawTest = true }
      guard let name = word(after: "func ", in: trimmed) else { continue }
      let called = calls(in: body(of: characters, from: offset))
      if sawTest {
        sawTest = false
        tests.append(TestFunction(className: "\(target).\(suite)", function: name, calls: called))
      } else {
        helpers[name, default: []].formUnion(called)
      }
    }
    return (tests, helpers)
  }

  /// A test with the calls of the helpers it reaches added to its own.
  static func expanded(_ test: TestFunction, through helpers: [String: Set<String>]) -> TestFunction
  {
    TestFunction(
      className: test.className, function: test.function,
      calls: following(test.calls, through: helpers))
  }

  /// The text from the first `{` at or after `start` to its matching `}`.
  static func body(of characters: [Character], from start: Int) -> String {
    var depth = 0
    var begin: Int?
    var index = start
    while index < characters.count {
      if characters[index] == "{" {
        if begin == nil { begin = index }
        depth += 1
      } else if characters[index] == "}" && begin != nil {
        depth -= 1
        if depth == 0 { return String(characters[begin!...index]) }
      }
      index += 1
    }
    return begin.map { String(characters[$0...]) } ?? ""
  }

  /// Identifiers directly followed by `(`: the functions a piece of code calls.
  static func calls(in code: String) -> Set<String> {
    var names: Set<String> = []
    var current = ""
    for character in code {
      if character.isLetter || character.isNumber || character == "_" {
        current.append(character)
      } else {
        if character == "(" && !current.isEmpty && !(current.first!.isNumber) {
          names.insert(current)
        }
        current = ""
      }
    }
    return names
  }

  static func declaredFunction(in line: String) -> String? {
    let trimmed = line.trimmingLeadingSpaces()
    guard !trimmed.hasPrefix("//") else { return nil }
    if let range = trimmed.range(of: "func ") {
      return word(after: "func ", in: String(trimmed[range.lowerBound...]))
    }
    if trimmed.contains("init(") { return "init" }
    return nil
  }

  static func exerciseName(in line: String) -> String? {
    word(after: "// BEGIN EXERCISE ", in: line.trimmingLeadingSpaces())
  }

  /// The identifier right after `prefix` when the text starts with it.
  static func word(after prefix: String, in text: String) -> String? {
    var rest = Substring(text)
    for modifier in [
      "public ", "private ", "fileprivate ", "internal ", "static ", "mutating ", "@MainActor ",
    ] {
      if rest.hasPrefix(modifier) { rest = rest.dropFirst(modifier.count) }
    }
    guard rest.hasPrefix(prefix) else { return nil }
    let name = rest.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    return name.isEmpty ? nil : String(name)
  }
}
