import ExerciseKit
import Foundation

/// The copy of the student's `Exercises/` that `check` and `test` compile: the same files, line
/// for line, except that every exercise carries two bodies, the student's and the reference's,
/// and runs one of them as the test process chose when it started
/// (``ExerciseTrace/runsStudentBody(_:)``):
/// ```
///   ExerciseTrace.enter("name"); defer { ExerciseTrace.leave() }; if ExerciseTrace.runsStudentBody("name") {  // BEGIN EXERCISE name
///   ...the student's body, on its own lines...
///   } else {
/// #sourceLocation(file: ".../Solutions/Chapter/File.swift", line: ...)
///   ...the reference's body...
/// #sourceLocation(file: ".../traced/Exercises/Chapter/File.swift", line: ...)
///   }  // END EXERCISE
/// ```
/// So a test run records which exercises each test entered, written or stubs (and which it is
/// inside of when stopped), one exercise can be tested with the reference standing in for every
/// other, and a compiler error or a trap in the copy points at the same line of the student's
/// file (the reference's lines are numbered as in `Solutions/`). Each file that has an exercise
/// ends with `import ExerciseTrace`.
struct TracedTree {
  let root: URL
  /// Whether the reference's bodies are carried beside the student's. Without them, the student's
  /// body always runs and the build holds none of the reference's code.
  var withReference = true
  /// `.build-exercises/traced`, which the package's check mode compiles `Exercises/` from.
  static let folder = "\(CheckBuild.scratch)/traced"

  init(root: URL, withReference: Bool = true) {
    self.root = root
    self.withReference = withReference
  }

  /// Brings the copy of `chapters` up to date, writing only the files whose text changed (so
  /// that the build recompiles only what the student changed) and removing those the student
  /// removed.
  func update(chapters: [String]) throws {
    let tree = ExerciseTree(root: root)
    let reference = withReference ? try tree.exercises() : []
    let bodies = Dictionary(reference.map { ($0.name, $0) }) { first, _ in first }
    for chapter in chapters {
      let source = "Exercises/\(chapter)"
      let copy = root.appendingPathComponent("\(TracedTree.folder)/Exercises/\(chapter)")
      let files = tree.files(in: source).filter { $0.hasSuffix(".swift") }
      try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
      for file in files {
        let target = copy.appendingPathComponent(file)
        let text = TracedTree.traced(
          try tree.text("\(source)/\(file)"),
          reference: { name in
            bodies[name].map { exercise in
              (
                exercise.body, root.appendingPathComponent("Solutions/" + exercise.file).path,
                exercise.line + 1
              )
            }
          }, path: target.path)
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

  /// The reference's body of an exercise: its lines, the file they come from, and the line
  /// number of the first.
  typealias ReferenceBody = (lines: [String], file: String, line: Int)

  /// A file's text with its exercise markers turned into trace calls and, where `reference`
  /// gives an exercise's reference body, that body beside the student's. `path` is the copy's
  /// own path, to which the line numbers return after the reference's lines.
  static func traced(
    _ text: String, reference: (String) -> ReferenceBody? = { _ in nil }, path: String = ""
  ) -> String {
    var marked = false
    var open: (name: String, indentation: Substring)?
    var lines: [String] = []
    let source = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in source.enumerated() {
      let body = line.drop { $0 == " " || $0 == "\t" }
      let indentation = line.prefix(line.count - body.count)
      if let current = open, body.hasPrefix("// END EXERCISE") {
        open = nil
        if let other = reference(current.name) {
          lines.append("\(current.indentation)} else {")
          lines.append("#sourceLocation(file: \"\(other.file)\", line: \(other.line))")
          lines += other.lines
          lines.append("#sourceLocation(file: \"\(path)\", line: \(index + 1))")
          lines.append("\(current.indentation)}  \(body)")
          continue
        }
      }
      let prefix = "// BEGIN EXERCISE "
      guard body.hasPrefix(prefix) else {
        lines.append(String(line))
        continue
      }
      let name = body.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      guard !name.isEmpty else {
        lines.append(String(line))
        continue
      }
      marked = true
      var opening =
        "\(indentation)ExerciseTrace.enter(\"\(name)\"); defer { ExerciseTrace.leave() }"
      if reference(String(name)) != nil {
        opening += "; if ExerciseTrace.runsStudentBody(\"\(name)\") {"
        open = (String(name), indentation)
      }
      lines.append(opening + "  \(body)")
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
