import ExerciseKit
import Foundation

/// `companion verify`, for instructors: the exercises are in sync with the solutions, every
/// exercise has a hint in English and in Chinese, every chapter has a guide in each language
/// that names its exercises, the catalog of mistakes reads with an id for every entry, every
/// text of the tool is in both languages, the reference
/// passes every test, and every chapter test fails on the
/// stubs while every other test passes (the teeth). One summary line each.
struct Verifier {
  let root: URL
  let tree: ExerciseTree

  init(root: URL) {
    self.root = root
    self.tree = ExerciseTree(root: root)
  }

  /// Each check's verdict and summary line.
  func run() -> [(passed: Bool, line: String)] {
    [
      sync(), hints(), guides(), catalog(), messages(), readme(), noAnswers(), reference(),
      teeth(), probes(),
    ]
  }

  /// The catalog of mistakes (`Mistakes/`): every entry names an exercise of its chapter and has
  /// an id, kebab-case and unique in the chapter. Planting them is `verify --mistakes`.
  func catalog() -> (passed: Bool, line: String) {
    do {
      let catalog = try tree.mistakes()
      let entries = catalog.map(\.mistakes.count).reduce(0, +)
      return (
        true,
        "catalog: \(counted(entries, "mistake", "mistakes")) in "
          + "\(counted(catalog.count, "chapter", "chapters")), each with its own id"
      )
    } catch {
      return (false, "catalog: \(error)")
    }
  }

  /// The autograder's probes (`Sources/Probes`): exactly one per exercise, named as it; the
  /// reference agrees with itself; and every stub's numbers differ from the reference's, so
  /// that no exercise can earn its point with its stub. Built after ``reference()`` and
  /// ``teeth()``, in their build folders.
  func probes() -> (passed: Bool, line: String) {
    say("companion verify: the probes, on the reference and on the stubs ...")
    var problems: [String] = []
    var binaries: [String: URL] = [:]
    for (scratch, track) in [(".build-verify", "solutions"), (".build-teeth", "exercises")] {
      let build = runProgram(
        ["swift", "build", "--product", "probe", "--scratch-path", scratch], in: root,
        environment: ["COMPANION_TRACK": track])
      guard build.status == 0 else {
        return (
          false, "probes: the \(track) track's probes do not build:\n" + build.output.suffix(1500)
        )
      }
      binaries[track] = root.appendingPathComponent("\(scratch)/debug/probe")
    }
    let reference = binaries["solutions"]!.path
    let names = runProgram([reference, "list"], in: root).output.split(separator: "\n")
      .map(String.init)
    let exercises = ((try? tree.exercises()) ?? []).map(\.name)
    for name in exercises where names.filter({ $0 == name }).count != 1 {
      problems.append("\(name) has \(names.filter { $0 == name }.count) probes, not 1")
    }
    for name in Set(names).subtracting(exercises).sorted() {
      problems.append("the probe \(name) names no exercise")
    }
    let seed = "\(UInt64.random(in: 1...UInt64.max))"
    let folder = root.appendingPathComponent(".build-teeth")
    for (track, expected) in [("solutions", "agrees"), ("exercises", "differs")] {
      let values = folder.appendingPathComponent("probe-\(track).txt")
      let given = runProgram([binaries[track]!.path, "values", seed], in: root)
      try? Data(given.output.utf8).write(to: values)
      if given.status != 0 {
        problems.append("on the \(track) track the probes stopped: \(given.output.suffix(300))")
      }
      let judged = runProgram([reference, "judge", seed, values.path], in: root).output
      for line in judged.split(separator: "\n") {
        let parts = line.split(separator: "\t").map(String.init)
        guard parts.count >= 2, parts[1] != expected else { continue }
        problems.append(
          track == "solutions"
            ? "\(parts[0]): the reference does not agree with itself (seed \(seed)): \(parts.dropFirst(2).joined())"
            : "\(parts[0]): its stub agrees with the reference (seed \(seed))")
      }
    }
    if problems.isEmpty {
      return (
        true,
        "probes: one per exercise (\(names.count)); the reference agrees with itself and every "
          + "stub differs, on seed \(seed)"
      )
    }
    return (
      false,
      "probes: \(counted(problems.count, "problem", "problems")):\n  "
        + problems.joined(separator: "\n  ")
    )
  }

  /// The tool's message table: every text in both languages, with the same arguments, and the
  /// Chinese ones in the glossary's terms.
  func messages() -> (passed: Bool, line: String) {
    let glossary = (try? tree.text("Guides/zh/Glossary.md")) ?? ""
    let problems = MessageTable.problems + MessageTable.avoidedTermProblems(glossary: glossary)
    if problems.isEmpty {
      return (
        true,
        "messages: all \(MessageTable.entries.count) of the tool's texts in English and Chinese, "
          + "in the glossary's terms"
      )
    }
    return (
      false,
      "messages: \(counted(problems.count, "problem", "problems")):\n  "
        + problems.joined(separator: "\n  ")
    )
  }

  /// No exercise's answer in given code.
  func noAnswers() -> (passed: Bool, line: String) {
    do {
      let leaks = try answerLeaks(in: tree)
      if leaks.isEmpty {
        return (true, "given code: no exercise's body appears in it, up to white space and names")
      }
      return (
        false,
        "given code: \(counted(leaks.count, "answer", "answers")) given away:\n  "
          + leaks.joined(separator: "\n  ")
      )
    } catch {
      return (false, "given code: \(error)")
    }
  }

  /// The README's chapter table: a row per chapter, in teaching order, with its exercise count.
  func readme() -> (passed: Bool, line: String) {
    do {
      let exercises = try tree.exercises()
      let chapters = Curriculum.read(from: tree).teachingOrder(of: try tree.chapters())
      let problems =
        readmeProblems(try tree.text("README.md"), exercises: exercises, chapters: chapters)
        + readmeProblems(
          try tree.text("Guides/zh/README.md"), exercises: exercises, chapters: chapters
        ).map { "Guides/zh/README.md: " + $0 }
      if problems.isEmpty {
        return (
          true,
          "README: its chapter table, and the Chinese one's, has every chapter and its exercise "
            + "count"
        )
      }
      return (
        false,
        "README: \(counted(problems.count, "problem", "problems")):\n  "
          + problems.joined(separator: "\n  ")
      )
    } catch {
      return (false, "README: \(error)")
    }
  }

  func sync() -> (passed: Bool, line: String) {
    do {
      let problems = try tree.staleness()
      if problems.isEmpty {
        return (
          true,
          "in sync: Exercises/ is what Solutions/ generates (\(try tree.exercises().count) exercises)"
        )
      }
      return (
        false,
        "in sync: \(counted(problems.count, "file differs", "files differ")), first \(problems[0]); "
          + "run `swift run exercises generate`"
      )
    } catch {
      return (false, "in sync: \(error)")
    }
  }

  func hints() -> (passed: Bool, line: String) {
    do {
      let names = try tree.exercises().map(\.name)
      let curriculum = Curriculum.read(from: tree)
      let missing = names.filter { curriculum.hint(for: $0)?.isEmpty ?? true }
      let stray = curriculum.exerciseNames.filter { !names.contains($0) }
      if missing.isEmpty && stray.isEmpty { return (true, "hints: every exercise has one") }
      var problems: [String] = []
      if !missing.isEmpty { problems.append("no hint for \(missing.joined(separator: ", "))") }
      if !stray.isEmpty {
        problems.append("hints for exercises that do not exist: \(stray.joined(separator: ", "))")
      }
      return (
        false, "hints: " + problems.joined(separator: "; ") + " (the guides' Hints sections)"
      )
    } catch {
      return (false, "hints: \(error)")
    }
  }

  func guides() -> (passed: Bool, line: String) {
    do {
      let problems = try guideProblems(in: tree)
      if problems.isEmpty {
        return (
          true,
          "guides: every chapter has one in English and one in Chinese, naming its exercises "
            + "with a hint for each; every id they cite is tested"
        )
      }
      return (
        false,
        "guides: \(counted(problems.count, "problem", "problems")):\n  "
          + problems.joined(separator: "\n  ")
      )
    } catch {
      return (false, "guides: \(error)")
    }
  }

  func reference() -> (passed: Bool, line: String) {
    say("companion verify: testing the reference implementation in .build-verify/ ...")
    let path = ".build-verify/reference"
    let xunit = root.appendingPathComponent(path + "-swift-testing.xml")
    try? FileManager.default.removeItem(at: xunit)
    let run = runProgram(
      ["swift", "test", "--scratch-path", ".build-verify", "--xunit-output", path + ".xml"],
      in: root, environment: ["COMPANION_TRACK": "solutions"])
    guard let data = try? Data(contentsOf: xunit), let outcomes = try? readXUnit(data) else {
      return (false, "reference: the test run did not finish:\n" + run.output.suffix(1500))
    }
    let failed = outcomes.filter(\.failed)
    let skipped = outcomes.filter(\.skipped)
    if run.status == 0 && failed.isEmpty && !outcomes.isEmpty
      && skipped.allSatisfy(\.isEndToEnd)
    {
      let ran = outcomes.count - skipped.count
      let later = skipped.isEmpty ? "" : " (\(skipped.count) end-to-end tests run in .ci/run)"
      return (true, "reference: all \(ran) tests pass on Solutions/\(later)")
    }
    if let other = skipped.first(where: { !$0.isEndToEnd }) {
      return (false, "reference: \(other.name) was skipped: a skipped test proves nothing")
    }
    let first = failed.first.map { ", first \($0.name): \($0.failure ?? "")" } ?? ""
    return (
      false,
      "reference: \(failed.count) of \(counted(outcomes.count, "test", "tests")) "
        + "\(failed.count == 1 ? "fails" : "fail") on Solutions/\(first)"
    )
  }

  func teeth() -> (passed: Bool, line: String) {
    say("companion verify: testing the stubs in .build-teeth/ ...")
    let path = ".build-teeth/teeth"
    let xunit = root.appendingPathComponent(path + "-swift-testing.xml")
    try? FileManager.default.removeItem(at: xunit)
    let run = runProgram(
      ["swift", "test", "--scratch-path", ".build-teeth", "--xunit-output", path + ".xml"],
      in: root, environment: ["COMPANION_TRACK": "exercises"])
    guard let data = try? Data(contentsOf: xunit), let outcomes = try? readXUnit(data),
      let chapters = try? tree.chapters()
    else {
      return (false, "teeth: the exercises-track run did not finish:\n" + run.output.suffix(1500))
    }
    let problems = teethProblems(outcomes, chapters: chapters)
    if problems.isEmpty {
      let failing = outcomes.filter(\.failed).count
      return (
        true,
        "teeth: all \(failing) chapter tests fail on the stubs, the other \(outcomes.count - failing) tests pass"
      )
    }
    return (
      false,
      "teeth: \(counted(problems.count, "problem", "problems")):\n  "
        + problems.joined(separator: "\n  ")
    )
  }
}

let verifyCommand = Command(
  name: "verify", summary: tr("summary.verify"), help: tr("help.verify")
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, flags: ["--mistakes"])
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  if parsed.flags.contains("--mistakes") {
    return try verifyMistakes(root: root, chapters: parsed.positional)
  }
  guard parsed.positional.isEmpty else {
    throw UsageError(tr("input.noArguments", ["command": "verify"]))
  }
  let results = Verifier(root: root).run()
  let text = results.map { ($0.passed ? "✔ " : "✘ ") + $0.line }.joined(separator: "\n") + "\n"
  let failures = results.filter { !$0.passed }.count
  guard failures == 0 else {
    var error = UsageError(
      "verify: \(failures) of \(counted(results.count, "check", "checks")) "
        + "failed")
    error.status = 1
    error.output = text
    throw error
  }
  return text
}

/// What is wrong with the chapter table of a README: rows `| `Chapter` | ... | COUNT | ... |`,
/// one per chapter in teaching order, COUNT its number of exercises.
func readmeProblems(_ readme: String, exercises: [Exercise], chapters: [String]) -> [String] {
  var rows: [(chapter: String, count: Int?)] = []
  for line in readme.split(separator: "\n") where line.hasPrefix("| `") {
    let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    guard cells.count >= 3 else { continue }
    rows.append((cells[0].trimmingCharacters(in: ["`"]), Int(cells[cells.count - 2])))
  }
  var problems: [String] = []
  if rows.map(\.chapter) != chapters {
    problems.append(
      "the table lists \(listed(rows.map(\.chapter))), not \(listed(chapters)) in teaching order")
  }
  for row in rows {
    let count = exercises.filter { $0.chapter == row.chapter }.count
    if row.count != count {
      problems.append(
        "\(row.chapter) has \(counted(count, "exercise", "exercises")), the table says "
          + "\(row.count.map(String.init) ?? "nothing")")
    }
  }
  return problems
}

/// `verify --mistakes [CHAPTER]`: one line per catalog entry, then the total.
private func verifyMistakes(root: URL, chapters: [String]) throws(UsageError) -> String {
  let all = try chapterNames(in: ExerciseTree(root: root))
  guard chapters.count <= 1 else { throw UsageError(tr("input.verifyMistakesChapters")) }
  let wanted = try chapters.map { name throws(UsageError) in
    try resolve(
      name, among: all, kind: "chapter", listing: tr("check.chapters", ["names": spokenList(all)]))
  }
  say("companion verify: planting each mistake of the catalog in \(MistakeCheck.scratch)/ ...")
  let outcomes: [MistakeCheck.Outcome]
  do {
    // In English whatever the tool's language: the tests then name each mistake in the words
    // of the catalog's diagnoses, and the report is for instructors.
    outcomes = try Language.$current.withValue(.en) {
      try MistakeCheck(root: root).run(chapters: wanted.isEmpty ? nil : wanted) {
        FileHandle.standardOutput.write(Data(($0 + "\n").utf8))
      }
    }
  } catch let error as UsageError {
    throw error
  } catch {
    throw UsageError("verify --mistakes: \(error)")
  }
  var text = ""
  let perChapter = Dictionary(grouping: outcomes.filter(\.isCatalogEntry), by: \.chapter)
  let counts = all.compactMap { chapter in
    perChapter[chapter].map { "\(chapter) \($0.filter(\.passed).count)/\($0.count)" }
  }
  let entries = outcomes.filter(\.isCatalogEntry)
  let stubs = outcomes.filter { !$0.isCatalogEntry }
  let passed = entries.filter(\.passed).count
  let trapped = entries.filter { $0.caught && $0.stopped.count == $0.failing }.count
  text +=
    "\(passed) of \(counted(entries.count, "mistake", "mistakes")) caught and named on check's "
    + "screen, in the block of the planted exercise, which alone is marked failing, and listed "
    + "by id with it in the JSON, and told from the reference by its probe (seed "
    + "\(MistakeCheck.probeSeed))"
    + " (\(counts.joined(separator: ", ")))"
    + (trapped > 0 ? "; \(trapped) caught only by a trap" : "") + "\n"
    + "\(stubs.filter(\.passed).count) of \(counted(stubs.count, "exercise", "exercises"))"
    + " left unwritten alone fail their chapter's tests without stopping a run\n"
  let failures = outcomes.filter { !$0.passed }.count
  guard failures == 0 else {
    var error = UsageError("verify --mistakes: \(counted(failures, "line fails", "lines fail"))")
    error.status = 1
    error.output = text
    throw error
  }
  return text
}
