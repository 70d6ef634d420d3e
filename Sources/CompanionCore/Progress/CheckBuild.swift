import ExerciseKit
import Foundation

/// The build that `check` and `test` share: the student's exercises, from the traced copy, in a
/// scratch folder of their own (`.build-exercises`), so that it never rebuilds the reference that
/// `swift run companion` and `swift test` use in `.build`, nor the other way round.
///
/// A chapter that does not compile costs that chapter alone: the build is tried again without it
/// and the chapters that import it.
struct CheckBuild {
  static let scratch = ".build-exercises"
  let root: URL
  /// More variables for SwiftPM (`COMPANION_PROBES` builds the probes too).
  var environment: [String: String] = [:]
  /// When the build must be over; a build still running then fails.
  var deadline: Date?

  /// What the build made of the chapters asked for.
  struct Result {
    /// The chapters compiled, with their tests.
    var built: [String] = []
    /// The chapters that do not compile, with their errors in the order the compiler gave them.
    var errors: [String: [SourceProblem]] = [:]
    /// The chapters that do not compile, with their first error.
    var broken: [String: SourceProblem] { errors.compactMapValues(\.first) }
    /// The chapters left out because a chapter they import does not compile: which one.
    var blocked: [String: String] = [:]
    /// Why nothing could be built, when the trouble lies outside the chapters.
    var failure: String?
  }

  /// Builds `chapters` (each listed after those it imports) and their tests.
  func build(_ chapters: [String], dependencies: [String: [String]]) -> Result {
    var result = Result()
    var included = chapters
    // Nothing the build reads has changed since it last succeeded for these chapters: the
    // binary is up to date, and asking SwiftPM again would only cost its start.
    let stamp = inputsStamp(chapters)
    let stampFile = root.appendingPathComponent("\(CheckBuild.scratch)/build-stamp")
    if let stamp, (try? String(contentsOf: stampFile, encoding: .utf8)) == stamp {
      result.built = included
      return result
    }
    try? FileManager.default.removeItem(at: stampFile)
    while !included.isEmpty {
      let log = root.appendingPathComponent("\(CheckBuild.scratch)/build.log")
      var variables: [String: String?] = [
        "COMPANION_CHECK": included.joined(separator: ","), "COMPANION_TRACK": nil,
      ]
      for (name, value) in environment { variables[name] = value }
      let ending = runChild(
        ["swift", "build", "--build-tests", "--scratch-path", CheckBuild.scratch],
        in: root, environment: variables, output: log,
        timeout: deadline.map { max(1, $0.timeIntervalSinceNow) })
      if ending == .timedOut {
        result.failure = tr("check.buildTooLong")
        return result
      }
      if ending.succeeded {
        result.built = included
        // Stamped only when every chapter asked for compiled: else the errors are said again.
        if included == chapters, let stamp = inputsStamp(chapters) {
          try? Data(stamp.utf8).write(to: stampFile)
        }
        return result
      }
      let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      let errors = compileErrors(in: output, tree: TracedTree(root: root))
      let broken = included.filter { chapter in
        errors.contains { $0.chapter == chapter }
      }
      guard !broken.isEmpty else {
        result.failure =
          errors.first.map { "\($0)" }
          ?? tr("check.swiftBuildFailed") + "\n"
          + output.split(separator: "\n").suffix(15).joined(separator: "\n")
        return result
      }
      for chapter in broken { result.errors[chapter] = errors.filter { $0.chapter == chapter } }
      included.removeAll { broken.contains($0) }
      // A chapter that imports a broken one cannot compile either.
      var changed = true
      while changed {
        changed = false
        for chapter in included {
          guard
            let missing = (dependencies[chapter] ?? []).first(where: { !included.contains($0) })
          else { continue }
          result.blocked[chapter] = result.blocked[missing] ?? missing
          included.removeAll { $0 == chapter }
          changed = true
        }
      }
    }
    return result
  }
}

extension CheckBuild {
  /// What the check build of `chapters` reads, as a stamp: the chapters, the test binary, and
  /// the path, size and modification time of every file of the traced copy, the tests, the
  /// shared sources and the manifest; nil when the binary is missing.
  func inputsStamp(_ chapters: [String]) -> String? {
    let files = FileManager.default
    let binary = root.appendingPathComponent(
      "\(CheckBuild.scratch)/debug/DeepLearningCompanionPackageTests.xctest")
    guard let built = try? files.attributesOfItem(atPath: binary.path) else { return nil }
    var parts = [
      chapters.joined(separator: ","), "\(built[.modificationDate] ?? "")",
      environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
    ]
    let tree = ExerciseTree(root: root)
    for folder in [
      TracedTree.folder, "Tests", "Sources/LectureKit", "Sources/ExerciseTrace",
      "Sources/ExerciseKit", "Sources/Probes", "Package.swift",
    ] {
      let paths =
        folder.hasSuffix(".swift") ? [folder] : tree.files(in: folder).map { "\(folder)/\($0)" }
      for path in paths.sorted() {
        guard
          let attributes = try? files.attributesOfItem(
            atPath: root.appendingPathComponent(path).path)
        else { continue }
        parts.append(
          "\(path) \(attributes[.size] ?? "") \(attributes[.modificationDate] ?? "")")
      }
    }
    return stableHash(parts)
  }
}

/// A place in a file of the package, and what is wrong there.
struct SourceProblem: Equatable, CustomStringConvertible {
  /// The path from the package root: `Exercises/Convolution/Correlation.swift`.
  let file: String
  let line: Int
  let column: Int?
  let message: String

  var description: String {
    "\(file):\(line)\(column.map { ":\($0)" } ?? ""): \(message)"
  }

  /// The chapter whose code or tests the place lies in, if any.
  var chapter: String? {
    let parts = file.split(separator: "/")
    guard parts.count >= 3 else { return nil }
    if parts[0] == "Exercises" { return String(parts[1]) }
    if parts[0] == "Tests", parts[1].hasSuffix("Tests") { return String(parts[1].dropLast(5)) }
    return nil
  }
}

/// The compiler's errors in a build's output (`/path/File.swift:12:5: error: message`), each
/// once, with the student's paths.
func compileErrors(in output: String, tree: TracedTree) -> [SourceProblem] {
  var seen: Set<String> = []
  return output.split(separator: "\n").compactMap { line -> SourceProblem? in
    let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
    guard parts.count == 5, parts[3].trimmingCharacters(in: .whitespaces) == "error",
      let number = Int(parts[1])
    else { return nil }
    let problem = SourceProblem(
      file: tree.studentPath(String(parts[0])), line: number, column: Int(parts[2]),
      message: parts[4].trimmingCharacters(in: .whitespaces))
    return seen.insert(problem.description).inserted ? problem : nil
  }
}
