import ExerciseKit
import Foundation
import Synchronization

/// Judges a chapter's written exercises each on its own, with the reference standing in for
/// the rest, and then together.
///
/// The check build carries both bodies of every exercise (``TracedTree``); each test process
/// runs the student's bodies of the exercises named in `COMPANION_STUDENT` and the reference's
/// of every other (`ExerciseTrace.runsStudentBody`). So:
/// 1. once, all bodies the reference's: which tests reach which exercise (the reach);
/// 2. per written exercise E, the tests that reach E, with the student's E alone: E's verdict,
///    which depends on E's body only;
/// 3. the tests that reach two or more of the exercises that pass on their own, with all of
///    those student bodies together: what fails there is the chapter's (two mistakes that
///    cancel on the small cases, or an exercise used in a way the reference does not).
///
/// Each result is kept, in `.build-exercises/verdicts/CHAPTER.json`, under a key made of
/// everything it depends on: the bodies it ran, the student's text around the bodies, the
/// reference and the tests, the language and the time limit. After an edit to one exercise, a
/// check runs that exercise's tests and the together run again, nothing else.
struct Judge {
  let root: URL
  let timeout: Double
  let student: StudentExercises
  /// Chapter → the chapters it builds on, itself included.
  let chapters: [String: [String]]
  /// How many test processes run at once.
  var lanes = 2
  /// Exercises judged even when not written (`test EXERCISE` shows what a stub's tests ask).
  var alsoRun: Set<String> = []
  /// For `verify --mistakes`, whose copy compiles every catalogued mistake into its exercise's
  /// body: the variant of one exercise that runs (`COMPANION_PLANT`, see
  /// `ExerciseTrace.plantedVariant`). Part of the keys of the runs it can change.
  var plant: (exercise: String, variant: Int)?

  private var environment: [String: String] {
    plant.map { ["COMPANION_PLANT": "\($0.exercise):\($0.variant)"] } ?? [:]
  }

  /// What the plant adds to the key of a run in which `names` run their student bodies.
  private func planted(_ names: [String]) -> [String] {
    guard let plant, names.contains(plant.exercise) else { return [] }
    return ["planted \(plant.exercise):\(plant.variant)"]
  }

  /// What the runs said of one chapter.
  struct Verdicts {
    var alone: [String: [TestRecord]] = [:]
    var together: [TestRecord] = []
    var reach: [String: Set<String>] = [:]
    var problem: String?
  }

  /// One kept run: the key it was made under, its records and the line on what stopped it.
  struct Kept: Codable, Sendable {
    var key: String
    var records: [TestRecord]
    var problem: String?
  }

  /// One test's kept result in a together run, under the key of the bodies it ran.
  struct KeptTest: Codable, Sendable {
    var key: String
    var record: TestRecord
  }

  /// The file of one chapter's kept runs.
  struct Store: Codable {
    var reference: Kept?
    var alone: [String: Kept] = [:]
    /// Per test, its last few together results: a test's result depends only on the bodies
    /// of the exercises it reaches, so after an edit only the tests that reach the edited
    /// exercise run together again.
    var together: [String: [KeptTest]] = [:]
    var togetherProblem: String?
  }

  /// How many together results a test keeps (an exercise broken and mended again finds its
  /// earlier result).
  static let keptPerTest = 4

  func judge(_ chapter: String) -> Verdicts {
    let exercises = student.exercises[chapter] ?? []
    let written = exercises.filter {
      !student.unwritten.contains($0.name) || alsoRun.contains($0.name)
    }
    guard !written.isEmpty else { return Verdicts() }
    var store = load(chapter)
    defer { save(store, chapter) }
    let context = contextKey(chapter)
    var verdicts = Verdicts()
    // 1. The reach, with the reference's bodies everywhere.
    let reference: Kept
    if let kept = store.reference, kept.key == context {
      reference = kept
    } else {
      let run = ChapterTestRun(
        root: root, timeout: timeout, student: "", environment: environment
      ).run(chapter, label: "reference")
      reference = Kept(key: context, records: run.tests, problem: run.problem)
      store.reference = reference
    }
    for record in reference.records { verdicts.reach[record.id] = record.reached }
    let reach = verdicts.reach
    let order = reference.records.map(\.id)
    func reaching(_ names: Set<String>, atLeast count: Int) -> [String] {
      order.filter { (reach[$0] ?? []).intersection(names).count >= count }
    }
    /// The key of a test's together result: the bodies of the exercises of `set` it reaches.
    func togetherKey(_ test: String, _ set: [Exercise]) -> String {
      let involved = set.filter { reach[test]?.contains($0.name) == true }
      return stableHash(
        [context, "together", test] + involved.flatMap { [$0.name] + $0.body }
          + planted(involved.map(\.name)))
    }
    func kept(_ test: String, _ key: String) -> TestRecord? {
      store.together[test]?.first { $0.key == key }?.record
    }
    // 2. Each written exercise alone; beside those runs, the together run that they make
    // necessary if they pass (it is kept under its keys, and used only if they do).
    var missing: [(name: String, key: String, tests: [String])] = []
    for exercise in written {
      let key = stableHash([context, exercise.name] + exercise.body + planted([exercise.name]))
      if let kept = store.alone[exercise.name], kept.key == key {
        verdicts.alone[exercise.name] = kept.records
      } else {
        missing.append((exercise.name, key, reaching([exercise.name], atLeast: 1)))
      }
    }
    let passes = { (records: [TestRecord]?) in
      records.map { !$0.isEmpty && $0.allSatisfy { $0.verdict == .passed } } ?? false
    }
    let hoped = written.filter { exercise in
      missing.contains { $0.name == exercise.name } || passes(verdicts.alone[exercise.name])
    }
    let hopedTests = reaching(Set(hoped.map(\.name)), atLeast: 2).filter {
      kept($0, togetherKey($0, hoped)) == nil
    }
    enum Task: Sendable {
      case alone(name: String, tests: [String])
      case together(student: String, tests: [String])
    }
    var tasks = missing.map { Task.alone(name: $0.name, tests: $0.tests) }
    if !missing.isEmpty && !hopedTests.isEmpty {
      tasks.append(.together(student: hoped.map(\.name).joined(separator: ","), tests: hopedTests))
    }
    let (root, timeout, environment) = (self.root, self.timeout, self.environment)
    let results = inLanes(tasks) { task -> (tests: [TestRecord], problem: String?) in
      switch task {
      case .alone(let name, let tests):
        return ChapterTestRun(
          root: root, timeout: timeout, student: name, environment: environment
        ).run(chapter, tests: tests, label: "alone-\(name)")
      case .together(let student, let tests):
        return ChapterTestRun(
          root: root, timeout: timeout, student: student, environment: environment
        ).run(chapter, tests: tests, label: "together-hoped")
      }
    }
    func keep(_ records: [TestRecord], _ set: [Exercise]) {
      for record in records where record.verdict != .notRun {
        let key = togetherKey(record.id, set)
        var list = store.together[record.id] ?? []
        list.removeAll { $0.key == key }
        list.insert(KeptTest(key: key, record: record), at: 0)
        store.together[record.id] = Array(list.prefix(Self.keptPerTest))
      }
    }
    for (task, result) in zip(tasks, results) {
      switch task {
      case .alone(let name, _):
        let key = missing.first { $0.name == name }!.key
        store.alone[name] = Kept(key: key, records: result.tests, problem: result.problem)
        verdicts.alone[name] = result.tests
      case .together:
        keep(result.tests, hoped)
        store.togetherProblem = result.problem
      }
    }
    verdicts.problem = written.lazy.compactMap { store.alone[$0.name]?.problem }.first
    // 3. Together: the exercises that pass on their own, each test under the key of what it
    // reaches; what is not kept runs now.
    let passing = written.filter { passes(verdicts.alone[$0.name]) }
    let shared = reaching(Set(passing.map(\.name)), atLeast: 2)
    let toRun = shared.filter { kept($0, togetherKey($0, passing)) == nil }
    if !toRun.isEmpty {
      let run = ChapterTestRun(
        root: root, timeout: timeout, student: passing.map(\.name).joined(separator: ","),
        environment: environment
      ).run(chapter, tests: toRun, label: "together")
      keep(run.tests, passing)
      store.togetherProblem = run.problem
    }
    verdicts.together = shared.compactMap { kept($0, togetherKey($0, passing)) }
    if verdicts.together.contains(where: \.failed) {
      verdicts.problem = verdicts.problem ?? store.togetherProblem
    }
    return verdicts
  }

  /// Runs `work` on every item, `lanes` at a time, and returns the results in order.
  private func inLanes<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ work: @escaping @Sendable (Item) -> Result
  ) -> [Result] {
    guard items.count > 1 else { return items.map(work) }
    let results = Mutex([Result?](repeating: nil, count: items.count))
    let next = Mutex(0)
    let group = DispatchGroup()
    for _ in 0..<min(lanes, items.count) {
      DispatchQueue.global().async(group: group) {
        while true {
          let index = next.withLock { value -> Int in
            defer { value += 1 }
            return value
          }
          guard index < items.count else { return }
          let result = work(items[index])
          results.withLock { $0[index] = result }
        }
      }
    }
    group.wait()
    return results.withLock { $0.map { $0! } }
  }

  /// Everything a verdict of `chapter` depends on besides the bodies it ran: the reference and
  /// the tests (the files the check build compiles them from), the student's text around the
  /// bodies in the chapter and those it builds on, the language and the time limit.
  private func contextKey(_ chapter: String) -> String {
    let tree = ExerciseTree(root: root)
    var parts = [Language.current.rawValue, "\(timeout)"]
    var folders = [
      "Package.swift", "Sources/LectureKit", "Sources/ExerciseTrace", "Tests/TestSupport",
      "Tests/\(chapter)Tests",
    ]
    for name in chapters[chapter] ?? [chapter] {
      folders.append("Solutions/\(name)")
      for file in tree.files(in: "Exercises/\(name)") where file.hasSuffix(".swift") {
        let text = (try? tree.text("Exercises/\(name)/\(file)")) ?? ""
        parts.append("Exercises/\(name)/\(file)")
        parts +=
          (try? MarkedFile(text: text, file: file))?.parts.map { part in
            switch part {
            // Comments and blank lines around the bodies change no verdict.
            case .text(let lines):
              lines.filter { line in
                let code = line.trimmingCharacters(in: .whitespaces)
                return !code.isEmpty && !code.hasPrefix("//")
              }.joined(separator: "\n")
            case .exercise(let begin, _, let end): begin + "\n" + end
            }
          } ?? [text]
      }
    }
    for folder in folders {
      let url = root.appendingPathComponent(folder)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
        continue
      }
      let files = isFolder.boolValue ? tree.files(in: folder).map { "\(folder)/\($0)" } : [folder]
      for file in files.sorted() {
        parts.append(file)
        parts.append((try? tree.text(file)) ?? "")
      }
    }
    return stableHash(parts)
  }

  private func file(_ chapter: String) -> URL {
    root.appendingPathComponent("\(CheckBuild.scratch)/verdicts/\(chapter).json")
  }

  private func load(_ chapter: String) -> Store {
    guard let data = try? Data(contentsOf: file(chapter)),
      let store = try? JSONDecoder().decode(Store.self, from: data)
    else { return Store() }
    return store
  }

  private func save(_ store: Store, _ chapter: String) {
    let url = file(chapter)
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? JSONEncoder().encode(store).write(to: url, options: .atomic)
  }
}

/// A hash of `parts` that stays the same from one run of the tool to the next (64-bit FNV-1a
/// over each part and its length), as 16 hex digits.
func stableHash(_ parts: [String]) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  func mix(_ byte: UInt8) {
    hash ^= UInt64(byte)
    hash = hash &* 0x100_0000_01b3
  }
  for part in parts {
    var part = part
    part.withUTF8 { bytes in
      for byte in bytes { mix(byte) }
    }
    var count = UInt64(part.utf8.count)
    for _ in 0..<8 {
      mix(UInt8(truncatingIfNeeded: count))
      count >>= 8
    }
  }
  return String(hash, radix: 16)
}
