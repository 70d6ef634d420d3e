import ExerciseKit
import Foundation

/// `companion verify --mistakes`: plants each mistake of the catalog (`Mistakes/<Chapter>.json`),
/// one at a time, in a copy of the reference taken as a student's exercises, judges the chapter
/// as `check` does (each exercise with the reference standing in for the rest, then together),
/// and proves that `check` marks the planted exercise, and no other, as failing, that a
/// failure of its tests names the mistake, and that the JSON lists the entry's id with it. Then
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
    /// For a catalog entry: the ids that the JSON's `extra_data.mistakes` of the planted
    /// exercise lists; it must hold the entry's.
    var listed: [String] = []
    /// The tests stopped by a trap or the time limit: a mistake must never end the run.
    var stopped: [String] = []
    /// What went wrong before the tests could run, if anything.
    var problem: String?
    /// The first failing test and its first failure, for an entry that is not named.
    var firstFailure = ""
    /// For a catalog entry: the exercises `check` marks as failing, or that fail together.
    var blamed: [String] = []
    /// For a catalog entry: what the reference's judge said of the planted exercise's probe
    /// (the autograder's second check); it must say `differs`.
    var probe = "differs"

    var caught: Bool { failing > 0 }
    var isCatalogEntry: Bool {
      if case .mistake = plant { return true }
      return false
    }
    /// Whether `check` marks exactly the planted exercise as failing.
    var blamedAlone: Bool { !isCatalogEntry || blamed == [plant.exercise] }
    /// Whether the JSON lists the entry's id with the planted exercise (always true for a stub).
    var identified: Bool {
      guard case .mistake(let mistake) = plant else { return true }
      return listed.contains(mistake.id)
    }
    /// Whether the autograder's probe of the planted exercise tells it from the reference.
    var probed: Bool { probe.hasPrefix("differs") }
    var passed: Bool {
      problem == nil && caught && named && identified && blamedAlone && probed
        && (isCatalogEntry || stopped.isEmpty)
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
      if case .mistake(let mistake) = plant, !identified {
        return "✘ \(head): \(tests)\(traps), named, but the JSON's extra_data.mistakes lists "
          + (listed.isEmpty ? "no id" : listed.joined(separator: ", ")) + ", not \(mistake.id)"
      }
      if isCatalogEntry, !probed {
        return "✘ \(head): \(tests)\(traps), named, but its probe \(probe): the autograder "
          + "would give the point"
      }
      return (passed ? "✔ " : "✘ ") + "\(head): \(tests)\(traps)\(isCatalogEntry ? ", named" : "")"
    }
  }

  /// Every entry of the catalog, then every exercise left unwritten (of `chapters`, when
  /// given), in order. `progress` gets each line as it is done.
  ///
  /// One build serves every plant: in the copy, the body of each exercise with plants becomes
  /// `switch ExerciseTrace.plantedVariant("name") { case 1: ... default: the reference }`, one
  /// case per planted body, and each plant is a run of the test processes with
  /// `COMPANION_PLANT=name:k`. A planted body that does not compile is reported as such and
  /// left out of the build.
  func run(chapters wanted: [String]?, progress: (String) -> Void) throws -> [Outcome] {
    let tree = ExerciseTree(root: root)
    let order = Curriculum.read(from: tree).teachingOrder(of: try tree.chapters())
    let catalog = try tree.mistakes().filter { wanted?.contains($0.chapter) ?? true }
      .sorted { order.firstIndex(of: $0.chapter) ?? 0 < order.firstIndex(of: $1.chapter) ?? 0 }
    let diagnoses = catalogDiagnoses(tree)
    let entries = catalogMistakes(tree)
    let copy = try makeCopy()
    let copyTree = ExerciseTree(root: copy)
    let exercises = try copyTree.exercises()
    let dependencies = try copyTree.chapterDependencies()
    let curriculum = Curriculum.read(from: copyTree)
    let all = curriculum.teachingOrder(of: try copyTree.chapters())
    let teaching = curriculum.teachingOrder(of: exercises).map(\.name)
    var plants: [(chapter: String, plant: Plant)] = []
    for (chapter, mistakes) in catalog {
      // An exercise's plants one after the other: the runs of the others are kept meanwhile.
      let sorted = mistakes.enumerated().sorted { a, b in
        let (x, y) = (
          teaching.firstIndex(of: a.element.exercise) ?? 0,
          teaching.firstIndex(of: b.element.exercise) ?? 0
        )
        return x != y ? x < y : a.offset < b.offset
      }
      plants += sorted.map { (chapter, .mistake($0.element)) }
    }
    for exercise in curriculum.teachingOrder(of: exercises)
    where wanted?.contains(exercise.chapter) ?? true {
      plants.append((exercise.chapter, .unwritten(exercise.name)))
    }
    // Each plant's body, numbered per exercise from 1.
    var outcomes: [Int: Outcome] = [:]
    var variants: [String: [(index: Int, body: [String])]] = [:]
    var variant: [Int: Int] = [:]
    for (index, (chapter, plant)) in plants.enumerated() {
      guard let exercise = exercises.first(where: { $0.name == plant.exercise }) else { continue }
      do {
        let body: [String]
        switch plant {
        case .mistake(let mistake): body = try mistake.plantedBody(in: exercise)
        case .unwritten: body = exercise.stub
        }
        variants[exercise.name, default: []].append((index, body))
        variant[index] = variants[exercise.name]!.count
      } catch {
        var outcome = Outcome(chapter: chapter, plant: plant)
        outcome.problem = "\(error)"
        outcomes[index] = outcome
      }
    }
    // A stub is tested with the chapters built on its own: their tests reach it too.
    let chapters = Set(plants.map(\.chapter))
    let tested = all.filter { chapter in
      chapters.contains(chapter)
        || chapters.contains { (try? copyTree.withDependencies([chapter]).contains($0)) == true }
    }
    let needed = try copyTree.withDependencies(tested)
    let toBuild = all.filter { needed.contains($0) }
    var build = CheckBuild.Result()
    while true {
      try writeVariants(variants, of: exercises, in: copy)
      try TracedTree(root: copy).update(chapters: toBuild)
      // With the probes, so that each plant is also judged as the autograder judges it.
      var builder = CheckBuild(root: copy)
      builder.environment["COMPANION_PROBES"] = "1"
      build = builder.build(toBuild, dependencies: dependencies)
      // A planted body that does not compile: its plant says so, and the build goes without it.
      let broken = build.errors.values.flatMap { $0 }.compactMap { error in
        variantAt(error, variants: variants, exercises: exercises).map { ($0, error) }
      }
      guard !broken.isEmpty else { break }
      for (index, error) in broken where outcomes[index] == nil {
        var outcome = Outcome(chapter: plants[index].chapter, plant: plants[index].plant)
        outcome.problem = "the planted code does not compile: \(error)"
        outcomes[index] = outcome
      }
      let dropped = Set(broken.map(\.0))
      for name in variants.keys { variants[name]!.removeAll { dropped.contains($0.index) } }
      for (index, _) in plants.enumerated() where dropped.contains(index) {
        variant[index] = nil
      }
      for name in variants.keys {
        for (position, item) in variants[name]!.enumerated() { variant[item.index] = position + 1 }
      }
    }
    let student = try StudentExercises(tree: copyTree, chapters: all, curriculum: curriculum)
    for (index, (chapter, plant)) in plants.enumerated() {
      if let outcome = outcomes[index] {
        progress(outcome.line)
        continue
      }
      var outcome = Outcome(chapter: chapter, plant: plant)
      defer {
        outcomes[index] = outcome
        progress(outcome.line)
      }
      if let failure = build.failure {
        outcome.problem = "the build failed: \(failure)"
        continue
      }
      if let broken = build.broken[chapter] {
        outcome.problem = "the chapter does not compile: \(broken)"
        continue
      }
      guard let number = variant[index] else { continue }
      let pick = ["COMPANION_PLANT": "\(plant.exercise):\(number)"]
      if case .mistake(let mistake) = plant {
        // As `check` judges the chapter: every exercise written, the planted one wrong.
        var closure: [String: [String]] = [:]
        closure[chapter] = try copyTree.withDependencies([chapter]).sorted()
        var judge = Judge(root: copy, timeout: timeout, student: student, chapters: closure)
        judge.plant = (plant.exercise, number)
        let verdicts = judge.judge(chapter)
        let report = chapterReport(
          chapter: chapter, exercises: student.exercises[chapter] ?? [],
          unwritten: student.unwritten, alone: verdicts.alone, together: verdicts.together,
          reach: verdicts.reach, diagnoses: diagnoses, problem: verdicts.problem)
        let own = verdicts.alone[mistake.exercise] ?? []
        let failing = own.filter(\.failed)
        outcome.failing = failing.count
        outcome.stopped = own.filter { !$0.finished && $0.failed }.map(\.name)
        // Named where the student reads it: in the planted exercise's block of check's report,
        // and in its entry of the JSON that Gradescope shows.
        let block = CheckText(
          chapters: [report], chapterOf: [:], unfinishedChapters: [], seconds: 0
        ).block(of: mistake.exercise)
        let json = checkJSON([report], text: "", seconds: 0, catalog: entries)
        let entry = (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
          .flatMap { $0["tests"] as? [[String: Any]] }?
          .first { $0["name"] as? String == "\(chapter): \(mistake.exercise)" }
        let output = entry?["output"] as? String ?? ""
        outcome.named = block.contains(mistake.diagnosis) && output.contains(mistake.diagnosis)
        outcome.listed = (entry?["extra_data"] as? [String: Any])?["mistakes"] as? [String] ?? []
        outcome.firstFailure = block.split(separator: "\n").dropFirst().prefix(2)
          .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        outcome.probe = probeVerdict(of: mistake.exercise, planted: number, in: copy)
        outcome.blamed = report.exercises.filter { exercise in
          if case .failing = exercise.status { return true }
          return report.together.contains { $0.alsoReached.contains(exercise.name) }
        }.map(\.name)
      } else {
        let runner = ChapterTestRun(root: copy, timeout: timeout, environment: pick)
        let own = runner.run(chapter, label: "plant").tests
        let others = tested.filter { other in
          other != chapter && (try? copyTree.withDependencies([other]).contains(chapter)) == true
        }.flatMap { runner.run($0, label: "plant").tests }
        let failing = own.filter(\.failed)
        outcome.failing = failing.count
        outcome.stopped = (own + others).filter { !$0.finished && $0.failed }.map(\.name)
        if let first = failing.first {
          let line = first.firstFailure?.split(separator: "\n").prefix(2).joined(separator: " ")
          outcome.firstFailure = "\(first.name): \(line ?? "")"
        }
        outcome.named = true
      }
    }
    return plants.indices.compactMap { outcomes[$0] }
  }

  /// The seed of every probe of the run: drawn once, said in the summary.
  static let probeSeed = UInt64.random(in: 1...UInt64.max)

  /// What the reference's judge says of `exercise`'s probe with its planted body `number`:
  /// `agrees`, or `differs` and why. The copy's probe binary holds both bodies;
  /// `COMPANION_STUDENT` picks them, as in the tests.
  private func probeVerdict(of exercise: String, planted number: Int, in copy: URL) -> String {
    let probe = copy.appendingPathComponent("\(CheckBuild.scratch)/debug/probe").path
    let seed = "\(MistakeCheck.probeSeed)"
    let values = runProgram(
      [probe, "values", seed, exercise], in: copy,
      environment: ["COMPANION_STUDENT": exercise, "COMPANION_PLANT": "\(exercise):\(number)"])
    let file = copy.appendingPathComponent(
      "\(CheckBuild.scratch)/probe-\(exercise)-\(number).txt")
    try? Data(values.output.utf8).write(to: file)
    let judged = runProgram(
      [probe, "judge", seed, file.path, exercise], in: copy, environment: ["COMPANION_STUDENT": ""])
    let parts = judged.output.split(separator: "\n").first?.split(separator: "\t") ?? []
    return parts.count >= 2 ? parts.dropFirst().joined(separator: ": ") : "gave no verdict"
  }

  /// Writes the copy's `Exercises/` as the reference, with the body of every exercise that has
  /// variants turned into a switch over them (the reference as the default).
  private func writeVariants(
    _ variants: [String: [(index: Int, body: [String])]], of exercises: [Exercise], in copy: URL
  ) throws {
    let files = Set(exercises.map(\.file))
    for file in files {
      let source = try String(
        contentsOf: copy.appendingPathComponent("Solutions/" + file), encoding: .utf8)
      var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      // From the last exercise of the file up, so that earlier line numbers hold.
      for exercise in exercises.filter({ $0.file == file }).sorted(by: { $0.line > $1.line }) {
        guard let bodies = variants[exercise.name], !bodies.isEmpty else { continue }
        let range = exercise.line..<(exercise.line + exercise.body.count)
        lines.replaceSubrange(range, with: Self.switched(exercise, bodies.map(\.body)))
      }
      let target = copy.appendingPathComponent("Exercises/" + file)
      let text = lines.joined(separator: "\n")
      if (try? String(contentsOf: target, encoding: .utf8)) != text {
        try Data(text.utf8).write(to: target)
      }
    }
  }

  /// An exercise's body as a switch over its variants: `case k:` for the k-th, the reference as
  /// the default.
  static func switched(_ exercise: Exercise, _ bodies: [[String]]) -> [String] {
    let indentation = String(
      (exercise.body.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "  ")
        .prefix { $0 == " " })
    var lines = ["\(indentation)switch ExerciseTrace.plantedVariant(\"\(exercise.name)\") {"]
    for (number, body) in bodies.enumerated() {
      lines.append("\(indentation)case \(number + 1):")
      lines +=
        body.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty })
        ? ["\(indentation)  break"] : body
    }
    lines.append("\(indentation)default:")
    lines +=
      exercise.body.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty })
      ? ["\(indentation)  break"] : exercise.body
    lines.append("\(indentation)}")
    return lines
  }

  /// The plant whose body a compile error lies in, from its place in the copy's `Exercises/`.
  private func variantAt(
    _ error: SourceProblem, variants: [String: [(index: Int, body: [String])]],
    exercises: [Exercise]
  ) -> Int? {
    // The copy's file: find the exercise whose switch holds the line, then its case.
    let file = error.file.hasPrefix("Exercises/") ? String(error.file.dropFirst(10)) : error.file
    let copy = root.appendingPathComponent("\(Self.scratch)/package/Exercises/" + file)
    guard let text = try? String(contentsOf: copy, encoding: .utf8),
      let marked = try? MarkedFile(text: text, file: file)
    else { return nil }
    for exercise in marked.exercises {
      let first = exercise.line + 1
      guard error.line > exercise.line, error.line <= exercise.line + exercise.body.count,
        let bodies = variants[exercise.name]
      else { continue }
      // Case lines are "case k:"; the last one above the error is its variant.
      var current: Int?
      for (offset, line) in exercise.body.enumerated() where first + offset <= error.line {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("case "), let k = Int(trimmed.dropFirst(5).dropLast()) {
          current = k
        } else if trimmed == "default:" {
          current = nil
        }
      }
      guard let k = current, k >= 1, k <= bodies.count else { return nil }
      return bodies[k - 1].index
    }
    return nil
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
