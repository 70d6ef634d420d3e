import Foundation

// A chapter may build on others (Package.swift: `("ConvNets", ["Convolution", "Pooling"])`).
// Its tests then also run the exercises of those chapters, and fail while those are unwritten:
// such a failure says nothing about the chapter's own exercises, which wait for the others.
// Two ways to see it:
// - a stub that returns a matrix names its exercise in every failure it causes ("`correlate2D`
//   in Exercises/Convolution/Correlation.swift is not written yet");
// - a stub that returns an Int, a Bool, a Double or an array cannot: for those, the code is
//   read instead, following the calls from an exercise's body into the chapters it builds on.

extension ExerciseTree {
  /// The chapters each chapter builds on, from the `chapters` list of Package.swift.
  public func chapterDependencies() -> [String: [String]] {
    guard let manifest = try? text("Package.swift") else { return [:] }
    return parseChapterDependencies(manifest)
  }
}

/// Reads the lines `("Name", ["Other", ...]),` of a manifest: chapter → chapters it builds on.
func parseChapterDependencies(_ manifest: String) -> [String: [String]] {
  var dependencies: [String: [String]] = [:]
  for line in manifest.split(separator: "\n") {
    let trimmed = String(line).trimmingLeadingSpaces()
    guard trimmed.hasPrefix("(\""), trimmed.contains("[") else { continue }
    // The quoted words, in order: the chapter, then the chapters it builds on.
    let words = trimmed.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    guard let chapter = words.first else { continue }
    dependencies[chapter] = Array(words.dropFirst())
  }
  return dependencies
}

/// The exercises a failure message names as unwritten: every "`NAME` in Exercises/... is not
/// written yet" in it.
func markedExercises(in message: String) -> Set<String> {
  let parts = message.split(separator: "`", omittingEmptySubsequences: false)
  var names: Set<String> = []
  for index in stride(from: 1, to: parts.count - 1, by: 2) {
    let name = parts[index]
    let after = parts[index + 1]
    if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
      after.hasPrefix(" in Exercises/"), after.contains(" is not written yet")
    {
      names.insert(String(name))
    }
  }
  return names
}

extension Coverage {
  /// For each exercise of `chapter`: the exercises of the chapters it builds on whose stubs
  /// cannot name themselves (they return an Int, a Bool, a Double or an array) and that its
  /// body reaches, through the functions it calls, in the reference code. A heuristic that
  /// goes by function names; a name that also belongs to a function returning something else
  /// (`correlate` of matrices and of sequences) is left out, so that a call of the one never
  /// makes the student wait for the other.
  static func silentDependencies(
    of chapter: String, buildingOn dependencies: [String], in tree: ExerciseTree
  ) throws -> [String: Set<String>] {
    guard !dependencies.isEmpty else { return [:] }
    var calls: [String: Set<String>] = [:]
    var silent: [String: Set<String>] = [:]
    var marked: Set<String> = []
    for folder in [chapter] + dependencies {
      for file in tree.files(in: "Solutions")
      where file.hasPrefix(folder + "/") && file.hasSuffix(".swift") {
        for function in functionChunks(in: try tree.text("Solutions/" + file)) {
          calls[function.name, default: []].formUnion(Coverage.calls(in: function.code))
          if folder == chapter { continue }
          if returnsUnmarked(function.returnType) {
            silent[function.name, default: []].formUnion(function.exercises)
          } else {
            marked.insert(function.name)
          }
        }
      }
    }
    for name in marked { silent[name] = nil }
    var reached: [String: Set<String>] = [:]
    for exercise in try tree.exercises() where exercise.chapter == chapter {
      var seen: Set<String> = []
      var queue = Array(Coverage.calls(in: code(exercise.body)))
      var found: Set<String> = []
      while let name = queue.popLast() {
        guard seen.insert(name).inserted else { continue }
        found.formUnion(silent[name] ?? [])
        queue += calls[name] ?? []
      }
      if !found.isEmpty { reached[exercise.name] = found }
    }
    return reached
  }

  /// A function of a source file: its name, its return type, the code of its lines (comments
  /// left out), and the exercises between its lines.
  struct FunctionChunk {
    let name: String
    var returnType: String?
    var code: String
    var exercises: Set<String>
  }

  /// Cuts a source file into functions, each running from its declaration to the next one.
  static func functionChunks(in source: String) -> [FunctionChunk] {
    var chunks: [FunctionChunk] = []
    var declaration: String?  // the declaration's text while its `{` is still to come
    for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      if let name = declaredFunction(in: line) {
        chunks.append(FunctionChunk(name: name, returnType: nil, code: "", exercises: []))
        declaration = ""
      }
      guard !chunks.isEmpty else { continue }
      if let marker = exerciseName(in: line) { chunks[chunks.count - 1].exercises.insert(marker) }
      if declaration != nil {
        declaration! += " " + line
        if line.contains("{") {
          chunks[chunks.count - 1].returnType = returnType(in: declaration!)
          declaration = nil
        }
      }
      chunks[chunks.count - 1].code += code([line]) + "\n"
    }
    return chunks
  }

  /// The type after the last `->` of a declaration before its `{` (an earlier arrow belongs
  /// to a closure parameter).
  static func returnType(in declaration: String) -> String? {
    let head = String(declaration.prefix { $0 != "{" })
    guard let arrow = head.range(of: "->", options: .backwards) else { return nil }
    let type = head[arrow.upperBound...].trimmingCharacters(in: .whitespaces)
    return type.isEmpty ? nil : type
  }

  /// Whether a stub returning this type gives a bare value that cannot name its exercise.
  static func returnsUnmarked(_ type: String?) -> Bool {
    guard let type else { return false }
    return ["Int", "Bool", "Double"].contains(type) || type.hasPrefix("[")
  }

  /// The lines with their comments cut off, joined.
  static func code(_ lines: [String]) -> String {
    lines.map { line in
      line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? line
    }.joined(separator: "\n")
  }
}
