import ExerciseKit
import Foundation

/// `companion verify --mistakes`: plants each mistake of the catalog (`Mistakes/<Chapter>.json`),
/// one at a time, in a copy of the reference taken as a student's exercises, runs the chapter's
/// tests as `check` does, and proves that they fail and that a failure names the mistake.
struct MistakeCheck {
  static let scratch = ".build-mistakes"
  let root: URL
  var timeout: Double = 60

  /// The outcome of one entry.
  struct Outcome {
    let chapter: String
    let mistake: Mistake
    /// Whether the chapter's tests failed (or stopped) with the mistake planted.
    var caught = false
    /// Whether a failure contains the entry's diagnosis.
    var named = false
    /// Whether every test that caught it was stopped by a trap or the time limit.
    var onlyStopped = false
    /// What went wrong before the tests could run, if anything.
    var problem: String?
    var failing = 0
    /// The first failing test and its first failure, for an entry that is not named.
    var firstFailure = ""

    var passed: Bool { problem == nil && caught && named }

    var line: String {
      let head = "\(chapter) · \(mistake.exercise) · \(mistake.mistake)"
      if let problem { return "✘ \(head): \(problem)" }
      if !caught { return "✘ \(head): no test fails" }
      let tests = counted(failing, "test fails", "tests fail")
      let how = onlyStopped ? " (only by stopping the run)" : ""
      if !named {
        return "✘ \(head): \(tests)\(how), none says \"\(mistake.diagnosis)\"; the first: "
          + firstFailure
      }
      return "✔ \(head): \(tests)\(how), named"
    }
  }

  /// Every entry of the catalog (of `chapters`, when given), in order. `progress` gets a line
  /// per entry as it is done.
  func run(chapters wanted: [String]?, progress: (String) -> Void) throws -> [Outcome] {
    let tree = ExerciseTree(root: root)
    let catalog = try tree.mistakes().filter { wanted?.contains($0.chapter) ?? true }
    let copy = try makeCopy()
    let copyTree = ExerciseTree(root: copy)
    let exercises = try copyTree.exercises()
    let dependencies = try copyTree.chapterDependencies()
    let all = Curriculum.read(from: copyTree).teachingOrder(of: try copyTree.chapters())
    var outcomes: [Outcome] = []
    for (chapter, mistakes) in catalog {
      let needed = try copyTree.withDependencies([chapter])
      let toBuild = all.filter { needed.contains($0) }
      for mistake in mistakes {
        var outcome = Outcome(chapter: chapter, mistake: mistake)
        guard let exercise = exercises.first(where: { $0.name == mistake.exercise }) else {
          continue
        }
        let file = copy.appendingPathComponent("Exercises/" + exercise.file)
        let original = try String(contentsOf: file, encoding: .utf8)
        defer { try? original.write(to: file, atomically: true, encoding: .utf8) }
        // The compiler takes a file whose modification time has the same whole second as at
        // its last build for unchanged: plants come faster than that.
        Thread.sleep(
          forTimeInterval: 1 - Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 1)
            + 0.01)
        do {
          try mistake.planted(in: original, at: exercise).write(
            to: file, atomically: true, encoding: .utf8)
          try TracedTree(root: copy).update(chapters: toBuild)
        } catch {
          outcome.problem = "\(error)"
          outcomes.append(outcome)
          progress(outcome.line)
          continue
        }
        let build = CheckBuild(root: copy).build(toBuild, dependencies: dependencies)
        if let failure = build.failure {
          outcome.problem = "the build failed: \(failure)"
        } else if let error = build.broken[chapter] {
          outcome.problem = "the planted code does not compile: \(error)"
        } else {
          let tests = ChapterTestRun(root: copy, timeout: timeout).run(chapter).tests
          let failing = tests.filter(\.failed)
          outcome.failing = failing.count
          outcome.caught = !failing.isEmpty
          outcome.onlyStopped = !failing.isEmpty && failing.allSatisfy { $0.verdict != .failed }
          if let first = failing.first {
            let line = first.firstFailure?.split(separator: "\n").prefix(2).joined(separator: " ")
            outcome.firstFailure = "\(first.name): \(line ?? "")"
          }
          outcome.named = failing.contains { test in
            test.issues.contains { $0.contains(mistake.diagnosis) }
          }
        }
        outcomes.append(outcome)
        progress(outcome.line)
      }
    }
    return outcomes
  }

  /// A copy of the package whose exercises are the reference: `.build-mistakes/package/`. Its
  /// build folder is kept from one run to the next.
  private func makeCopy() throws -> URL {
    let copy = root.appendingPathComponent("\(Self.scratch)/package")
    let files = FileManager.default
    try files.createDirectory(at: copy, withIntermediateDirectories: true)
    for item in ["Package.swift", "README.md", "Sources", "Tests", "Solutions", "Guides"] {
      let target = copy.appendingPathComponent(item)
      try? files.removeItem(at: target)
      try files.copyItem(at: root.appendingPathComponent(item), to: target)
    }
    let exercises = copy.appendingPathComponent("Exercises")
    try? files.removeItem(at: exercises)
    try files.copyItem(at: root.appendingPathComponent("Solutions"), to: exercises)
    return copy
  }
}
