import ExerciseKit
import Foundation

/// The copy of the student's `Exercises/` that `check` and `test` compile: the same files, line
/// for line, except that every `// BEGIN EXERCISE name` line opens with
/// `ExerciseTrace.reached("name")` and each file that has one ends with `import ExerciseTrace`.
/// So a test run records which exercises each test entered, written or stubs (and which it is
/// inside of when stopped), and a compiler
/// error or a trap in the copy points at the same line of the student's file.
struct TracedTree {
  let root: URL
  /// `.build-exercises/traced`, which the package's check mode compiles `Exercises/` from.
  static let folder = "\(CheckBuild.scratch)/traced"

  /// Brings the copy of `chapters` up to date, writing only the files whose text changed (so
  /// that the build recompiles only what the student changed) and removing those the student
  /// removed.
  func update(chapters: [String]) throws {
    let tree = ExerciseTree(root: root)
    for chapter in chapters {
      let source = "Exercises/\(chapter)"
      let copy = root.appendingPathComponent("\(TracedTree.folder)/Exercises/\(chapter)")
      let files = tree.files(in: source).filter { $0.hasSuffix(".swift") }
      try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
      for file in files {
        let text = TracedTree.traced(try tree.text("\(source)/\(file)"))
        let target = copy.appendingPathComponent(file)
        if (try? String(contentsOf: target, encoding: .utf8)) == text { continue }
        try FileManager.default.createDirectory(
          at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
      }
      let kept = Set(files)
      for file in ExerciseTree(root: copy).files(in: ".") where !kept.contains(file) {
        try FileManager.default.removeItem(at: copy.appendingPathComponent(file))
      }
    }
  }

  /// A file's text with its exercise markers turned into trace calls.
  static func traced(_ text: String) -> String {
    var marked = false
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let body = line.drop { $0 == " " || $0 == "\t" }
      let prefix = "// BEGIN EXERCISE "
      guard body.hasPrefix(prefix) else { return String(line) }
      let name = body.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      guard !name.isEmpty else { return String(line) }
      marked = true
      let indentation = line.prefix(line.count - body.count)
      return
        "\(indentation)ExerciseTrace.enter(\"\(name)\"); defer { ExerciseTrace.leave() }  \(body)"
    }
    return lines.joined(separator: "\n") + (marked ? "\nimport ExerciseTrace\n" : "")
  }

  /// A path the compiler or a trap printed, turned back into the student's file:
  /// `/…/.build-exercises/traced/Exercises/Convolution/Correlation.swift` →
  /// `Exercises/Convolution/Correlation.swift`; other paths of the package lose the root.
  func studentPath(_ path: String) -> String {
    let copy = root.appendingPathComponent(TracedTree.folder).path + "/"
    if path.hasPrefix(copy) { return String(path.dropFirst(copy.count)) }
    let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
