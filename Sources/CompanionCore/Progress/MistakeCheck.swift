import ExerciseKit
import Foundation

/// `companion verify --mistakes`: plants each mistake of the catalog (`Mistakes/<Chapter>.json`),
/// one at a time, in a copy of the reference taken as a student's exercises, judges the chapter
/// as `check` does (each exercise with the reference standing in for the rest, then together),
/// and proves that `check` marks the planted exercise, and no other, as failing, and that a
/// failure of its tests names the mistake. Then
/// leaves each exercise unwritten, alone, and proves that its chapter's tests fail and that no
/// test of that chapter or of the chapters built on it is stopped by a trap.
struct MistakeCheck {
  static let scratch = ".build-mistakes"
  let root: URL
  var timeout: Double = 60

  /// What is planted: a catalog entry, or an exercise's stub.
  enum Plant {
    case mistake(Mistake)
    case unwritten(String)

    var exercise: String {
      switch self {
      case .mistake(let mistake): mistake.exercise
      case .unwritten(let name): name
      }
    }
  }

  /// The outcome of one plant.
  struct Outcome {
    let chapter: String
    let plant: Plant
    /// How many tests failed (or were stopped) with it planted.
    var failing = 0
    /// Whether `check`'s report shows the entry's diagnosis in the planted exercise's block, and
    /// its JSON in that exercise's output (always true for a stub).
    var named = false
    /// The tests stopped by a trap or the time limit: a mistake must never end the run.
    var stopped: [String] = []
    /// What went wrong before the tests could run, if anything.
    var problem: String?
    /// The first failing test and its first failure, for an entry that is not named.
    var firstFailure = ""
    /// For a catalog entry: the exercises `check` marks as failing, or that fail together.
    var blamed: [String] = []

    var caught: Bool { failing > 0 }
    var isCatalogEntry: Bool {
      if case .mistake = plant { return true }
      return false
    }
    /// Whether `check` marks exactly the planted exercise as failing.
    var blamedAlone: Bool { !isCatalogEntry || blamed == [plant.exercise] }
    var passed: Bool {
      problem == nil && caught && named && blamedAlone && (isCatalogEntry || stopped.isEmpty)
    }

    var line: String {
      let what: String
      switch plant {
      case .mistake(let mistake): what = mistake.mistake
      case .unwritten: what = "left unwritten"
      }
      let head = "\(chapter) · \(plant.exercise) · \(what)"
      if let problem { return "✘ \(head): \(problem)" }
      if !caught { return "✘ \(head): no test fails" }
      let tests = counted(failing, "test fails", "tests fail")
      let traps =
        stopped.isEmpty ? "" : ", \(stopped.count) stopped by a trap (first: \(stopped[0]))"
      if isCatalogEntry, !blamedAlone {
        return "✘ \(head): \(tests)\(traps), but check marks "
          + (blamed.isEmpty ? "no exercise" : blamed.joined(separator: ", ")) + " as failing"
      }
      if case .mistake(let mistake) = plant, !named {
        return "✘ \(head): \(tests)\(traps), check does not show \"\(mistake.diagnosis)\"; it "
          + "shows: " + firstFailure
      }
      return (passed ? "✔ " : "✘ ") + "\(head): \(tests)\(traps)\(isCatalogEntry ? ", named" : "")"
    }
  }

  /// Every entry of the catalog, then every exercise left unwritten (of `chapters`, when
  /// given), in order. `progress` gets each line as it is done.
  func run(chapters wanted: [String]?, progress: (String) -> Void) throws -> [Outcome] {
    let tree = ExerciseTree(root: root)
    let order = Curriculum.read(from: tree).teachingOrder(of: try tree.chapters())
    let catalog = try tree.mistakes().filter { wanted?.contains($0.chapter) ?? true }
      .sorted { order.firstIndex(of: $0.chapter) ?? 0 < order.firstIndex(of: $1.chapter) ?? 0 }
    let copy = try makeCopy()
    let copyTree = ExerciseTree(root: copy)
    let exercises = try copyTree.exercises()
    let dependencies = try copyTree.chapterDependencies()
    let curriculum = Curriculum.read(from: copyTree)
    let all = curriculum.teachingOrder(of: try copyTree.chapters())
    var plants: [(chapter: String, plant: Plant)] = []
    for (chapter, mistakes) in catalog {
      plants += mistakes.map { (chapter, .mistake($0)) }
    }
    for exercise in curriculum.teachingOrder(of: exercises)
    where wanted?.contains(exercise.chapter) ?? true {
      plants.append((exercise.chapter, .unwritten(exercise.name)))
    }
    var outcomes: [Outcome] = []
    for (chapter, plant) in plants {
      guard let exercise = exercises.first(where: { $0.name == plant.exercise }) else { continue }
      // A stub is tested with the chapters built on its own: their tests reach it too.
      var tested = [chapter]
      if case .unwritten = plant {
        tested += all.filter { other in
          other != chapter && (try? copyTree.withDependencies([other]).contains(chapter)) == true
        }
      }
      let needed = try copyTree.withDependencies(tested)
      let toBuild = all.filter { needed.contains($0) }
      var outcome = Outcome(chapter: chapter, plant: plant)
      let file = copy.appendingPathComponent("Exercises/" + exercise.file)
      let original = try String(contentsOf: file, encoding: .utf8)
      defer { try? original.write(to: file, atomically: true, encoding: .utf8) }
      // The compiler takes a file whose modification time has the same whole second as at its
      // last build for unchanged: plants come faster than that.
      Thread.sleep(
        forTimeInterval: 1.01 - Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 1))
      do {
        let edit: Mistake
        switch plant {
        case .mistake(let mistake): edit = mistake
        case .unwritten(let name):
          edit = Mistake(
            exercise: name, mistake: "left unwritten",
            replace: exercise.body.joined(separator: "\n"),
            with: exercise.stub.joined(separator: "\n"), diagnosis: "")
        }
        try edit.planted(in: original, at: exercise).write(
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
      } else if let broken = tested.first(where: { build.broken[$0] != nil }) {
        outcome.problem = "the planted code does not compile: \(build.broken[broken]!)"
      } else if case .mistake(let mistake) = plant {
        // As `check` judges the chapter: every exercise written, the planted one wrong.
        let student = try StudentExercises(tree: copyTree, chapters: all, curriculum: curriculum)
        var closure: [String: [String]] = [:]
        closure[chapter] = try copyTree.withDependencies([chapter]).sorted()
        let verdicts = Judge(root: copy, timeout: timeout, student: student, chapters: closure)
          .judge(chapter)
        let report = chapterReport(
          chapter: chapter, exercises: student.exercises[chapter] ?? [],
          unwritten: student.unwritten, alone: verdicts.alone, together: verdicts.together,
          reach: verdicts.reach, diagnoses: catalogDiagnoses(tree), problem: verdicts.problem)
        let own = verdicts.alone[mistake.exercise] ?? []
        let failing = own.filter(\.failed)
        outcome.failing = failing.count
        outcome.stopped = own.filter { !$0.finished && $0.failed }.map(\.name)
        if let first = failing.first {
          let line = first.firstFailure?.split(separator: "\n").prefix(2).joined(separator: " ")
          outcome.firstFailure = "\(first.name): \(line ?? "")"
        }
        // Named where the student reads it: in the planted exercise's block of check's report,
        // and in its entry of the JSON that Gradescope shows.
        let block = CheckText(
          chapters: [report], chapterOf: [:], unfinishedChapters: [], seconds: 0
        ).block(of: mistake.exercise)
        let json = checkJSON([report], text: "", seconds: 0)
        let entry = (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
          .flatMap { $0["tests"] as? [[String: Any]] }?
          .first { $0["name"] as? String == "\(chapter): \(mistake.exercise)" }
        let output = entry?["output"] as? String ?? ""
        outcome.named = block.contains(mistake.diagnosis) && output.contains(mistake.diagnosis)
        if !outcome.named {
          outcome.firstFailure = block.split(separator: "\n").dropFirst().prefix(2)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        outcome.blamed = report.exercises.filter { exercise in
          if case .failing = exercise.status { return true }
          return report.together.contains { $0.alsoReached.contains(exercise.name) }
        }.map(\.name)
      } else {
        let runner = ChapterTestRun(root: copy, timeout: timeout)
        let own = runner.run(chapter).tests
        let others = tested.dropFirst().flatMap { runner.run($0).tests }
        let failing = own.filter(\.failed)
        outcome.failing = failing.count
        outcome.stopped = (own + others).filter { !$0.finished && $0.failed }.map(\.name)
        if let first = failing.first {
          let line = first.firstFailure?.split(separator: "\n").prefix(2).joined(separator: " ")
          outcome.firstFailure = "\(first.name): \(line ?? "")"
        }
        outcome.named = true
      }
      outcomes.append(outcome)
      progress(outcome.line)
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
