import Foundation

/// The `Solutions/` and `Exercises/` trees of the package and the generation of one from the
/// other (nbgrader's idea: one source, the student version generated).
public struct ExerciseTree {
  /// The package's root folder.
  public let root: URL

  public init(root: URL) {
    self.root = root
  }

  /// The chapters: the folders of `Solutions/`, sorted.
  public func chapters() throws -> [String] {
    let folder = root.appendingPathComponent("Solutions")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { name in
        isFolder(folder.appendingPathComponent(name)) && !name.hasPrefix(".")
      }
      .sorted()
  }

  /// The files under a folder of the package (`Solutions`, `Exercises`, `Tests/XTests`),
  /// relative to it, sorted.
  public func files(in track: String) -> [String] {
    let folder = root.appendingPathComponent(track)
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var files: [String] = []
    while let path = enumerator.nextObject() as? String {
      let url = folder.appendingPathComponent(path)
      if !isFolder(url) && !url.lastPathComponent.hasPrefix(".") {
        files.append(path)
      }
    }
    return files.sorted()
  }

  /// Every exercise of the reference implementation, chapter by chapter, in file order.
  ///
  /// - Throws: a ``MarkerError`` for broken markers or an exercise name used twice.
  public func exercises() throws -> [Exercise] {
    var all: [Exercise] = []
    var seen: [String: Exercise] = [:]
    for file in files(in: "Solutions") where file.hasSuffix(".swift") {
      let marked = try MarkedFile(text: try read("Solutions/" + file), file: file)
      for exercise in marked.exercises {
        if let first = seen[exercise.name] {
          throw MarkerError(
            file: file, line: exercise.line,
            problem: "the exercise name \(exercise.name) is already used at "
              + "\(first.file):\(first.line)")
        }
        seen[exercise.name] = exercise
        all.append(exercise)
      }
    }
    return all
  }

  /// The `Exercises/` tree that `Solutions/` generates: file → text.
  public func generated() throws -> [String: String] {
    _ = try exercises()  // names must be unique
    var tree: [String: String] = [:]
    for file in files(in: "Solutions") {
      let text = try read("Solutions/" + file)
      tree[file] =
        file.hasSuffix(".swift") ? try MarkedFile(text: text, file: file).withStubs() : text
    }
    return tree
  }

  /// What differs between the committed `Exercises/` and the generated one, one line each;
  /// empty when they are in sync.
  public func staleness() throws -> [String] {
    let expected = try generated()
    var problems: [String] = []
    let present = Set(files(in: "Exercises"))
    for file in expected.keys.sorted() {
      if !present.contains(file) {
        problems.append("Exercises/\(file) is missing")
      } else if try read("Exercises/" + file) != expected[file] {
        problems.append("Exercises/\(file) differs from what Solutions/\(file) generates")
      }
    }
    for file in present.sorted() where expected[file] == nil {
      problems.append("Exercises/\(file) has no counterpart in Solutions/")
    }
    return problems
  }

  /// Every exercise as it stands in the student's `Exercises/`, with the names of those whose
  /// body is still the stub that `Solutions/` generates.
  public func studentExercises() throws -> (exercises: [Exercise], unwritten: Set<String>) {
    let stubs = Dictionary(uniqueKeysWithValues: try exercises().map { ($0.name, $0.stub) })
    var all: [Exercise] = []
    var unwritten: Set<String> = []
    for file in files(in: "Exercises") where file.hasSuffix(".swift") {
      for exercise in try MarkedFile(text: try read("Exercises/" + file), file: file).exercises {
        all.append(exercise)
        if stubs[exercise.name] == exercise.body { unwritten.insert(exercise.name) }
      }
    }
    return (all, unwritten)
  }

  /// The exercises in `Exercises/` whose bodies are no longer their stubs: a student's work,
  /// which ``write(force:)`` keeps unless forced.
  public func writtenExercises() throws -> [Exercise] {
    let stubs = Dictionary(
      uniqueKeysWithValues: try exercises().map { ($0.name, $0.stub) })
    var written: [Exercise] = []
    for file in files(in: "Exercises") where file.hasSuffix(".swift") {
      let marked = try MarkedFile(text: try read("Exercises/" + file), file: file)
      written += marked.exercises.filter { exercise in
        guard let stub = stubs[exercise.name] else { return !exercise.body.isEmpty }
        return exercise.body != stub
      }
    }
    return written
  }

  /// Writes the generated `Exercises/`. Refuses, writing nothing, when that would overwrite an
  /// exercise body that is no longer a stub or delete a file that has no counterpart, unless
  /// `force` is set.
  ///
  /// - Returns: the files written or removed.
  @discardableResult
  public func write(force: Bool) throws -> [String] {
    let expected = try generated()
    let present = Set(files(in: "Exercises"))
    let extra = present.subtracting(expected.keys).sorted()
    if !force {
      let written = try writtenExercises()
      var refusals = written.map {
        "Exercises/\($0.file):\($0.line): the body of \($0.name) is not its stub"
      }
      refusals += extra.map { "Exercises/\($0) has no counterpart in Solutions/" }
      if !refusals.isEmpty { throw RefusalError(reasons: refusals) }
    }
    var changed: [String] = []
    for (file, text) in expected.sorted(by: { $0.key < $1.key }) {
      let url = root.appendingPathComponent("Exercises/" + file)
      if present.contains(file), try read("Exercises/" + file) == text { continue }
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
      changed.append("Exercises/" + file)
    }
    for file in extra {
      try FileManager.default.removeItem(at: root.appendingPathComponent("Exercises/" + file))
      changed.append("Exercises/" + file)
    }
    return changed
  }

  private func isFolder(_ url: URL) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder)
      && folder.boolValue
  }

  /// The text of a file of the package, by its path from the root.
  public func text(_ path: String) throws -> String {
    try read(path)
  }

  private func read(_ path: String) throws -> String {
    let data = try Data(contentsOf: root.appendingPathComponent(path))
    return String(decoding: data, as: UTF8.self)
  }
}

/// `write(force: false)` would have destroyed work.
public struct RefusalError: Error, CustomStringConvertible {
  public let reasons: [String]

  public var description: String {
    (reasons + ["nothing was written; pass --force to overwrite them with stubs"])
      .joined(separator: "\n")
  }
}
