import ExerciseKit
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `companion autograde`: grades one submission as Gradescope's `run_autograder` asks, run as
/// root in the grader's work copy of the package.
///
/// 1. The submission's files of `Exercises/` are laid over the pristine copy (``Overlay``).
/// 2. The copy is built by root, without any reference code, with the probes.
/// 3. Each chapter's tests run as the student's user in the ``Sandbox``, within a share of the
///    budget; the tests' reports give each exercise its verdict (``gradingReport``).
/// 4. Each exercise those reports call done is probed: the student's probe binary runs in the
///    sandbox on a seed drawn now, and the reference's probe binary, out of the student's reach,
///    judges its numbers. An exercise earns its point only if its probe agrees.
/// 5. Every process of the student's user is ended, and the results are written, whatever
///    happened before: a chapter the budget did not reach says so.
struct Autograde {
  let root: URL
  let submission: URL?
  let results: URL
  let sandboxFolder: URL
  /// The user the student's code runs as; nil to run it as the tool's own user (an instructor
  /// grading on a machine where the tool is not root), with the time limits only.
  let user: String?
  /// Seconds for everything, from the start.
  let budget: Double
  /// Seconds for one run of a chapter's test process.
  let timeout: Double
  /// The reference's probe binary (root's).
  let referenceProbe: URL
  /// Where the progress lines go.
  var progress: (String) -> Void = say

  /// Kept back from the chapters for the probes and the report.
  static let probeReserve: Double = 25

  /// Grades and writes the results; what was taken from the submission (nil without one).
  @discardableResult
  func run() throws(UsageError) -> Overlay? {
    let (json, overlay) = try grade()
    guard submission != nil else { return nil }
    do {
      try Data(json.utf8).write(to: results)
    } catch {
      throw UsageError("cannot write \(results.path): \(error)")
    }
    return overlay
  }

  /// The results of the submission, as Gradescope's JSON (empty when only warming the build),
  /// and what was taken from it.
  func grade() throws(UsageError) -> (json: String, overlay: Overlay?) {
    let start = Date()
    let deadline = start.addingTimeInterval(budget)
    let overlay = submission.map { Overlay(submission: $0, root: root) }
    var lines: [String] = []
    if let overlay { lines.append(overlay.summary) }
    var sandbox: Sandbox?
    if let user {
      do { sandbox = try Sandbox(user: user, folder: sandboxFolder) } catch {
        throw UsageError("\(error)")
      }
    }
    defer {
      sandbox?.endEveryProcess()
      if sandbox != nil { try? FileManager.default.removeItem(at: sandboxFolder) }
    }
    let tree = ExerciseTree(root: root)
    let chapters = try chapterNames(in: tree)
    var reports: [ChapterReport] = []
    var checker = Checker(root: root, timeout: timeout)
    checker.grading = true
    checker.sandbox = sandbox
    checker.deadline = deadline
    checker.reserve = Autograde.probeReserve
    checker.progress = progress
    // Without a submission: the first build of the stubs, which later gradings start from.
    checker.buildOnly = submission == nil
    do {
      reports = try checker.run(chapters: chapters)
    } catch {
      lines.append("The submission could not be graded: \(error)")
    }
    if submission == nil { return ("", nil) }
    if !reports.isEmpty {
      let probes = probeVerdicts(reports, sandbox: sandbox, deadline: deadline)
      reports = reports.map { applying(probes, to: $0) }
      if let seed = probes.seed {
        lines.append(
          "Each exercise that passed its tests was also called on inputs drawn at grading time "
            + "(seed \(seed)) and its results compared with the reference's.")
      }
    }
    sandbox?.endEveryProcess()
    let seconds = Date().timeIntervalSince(start)
    let chapterOf = Dictionary(((try? tree.exercises()) ?? []).map { ($0.name, $0.chapter) }) {
      first, _ in first
    }
    let text = CheckText(
      chapters: reports, chapterOf: chapterOf, unfinishedChapters: [], seconds: seconds
    ).text
    let json = checkJSON(reports, text: text, seconds: seconds, catalog: catalogMistakes(tree))
    return (prefaced(json, with: lines.joined(separator: "\n\n")), overlay)
  }

  /// The probes' verdicts: exercise → nil when it agrees, or why not; and the seed.
  struct ProbeVerdicts {
    var seed: UInt64?
    var differs: [String: String] = [:]
  }

  /// Probes the exercises that the reports call done.
  private func probeVerdicts(
    _ reports: [ChapterReport], sandbox: Sandbox?, deadline: Date
  ) -> ProbeVerdicts {
    var verdicts = ProbeVerdicts()
    let wanted = reports.flatMap { chapter in
      chapter.exercises.filter { earnsPoint($0, in: chapter) }.map(\.name)
    }
    guard !wanted.isEmpty else { return verdicts }
    let studentProbe = root.appendingPathComponent("\(CheckBuild.scratch)/debug/probe")
    // In the sandbox, a copy the student's user may run; else the build's own.
    let installed: URL? =
      if let sandbox { try? sandbox.install(studentProbe, as: "probe") } else {
        FileManager.default.isExecutableFile(atPath: studentProbe.path) ? studentProbe : nil
      }
    guard let installed else {
      for name in wanted { verdicts.differs[name] = "the probes could not be built" }
      return verdicts
    }
    let seed = UInt64.random(in: 1...UInt64.max)
    verdicts.seed = seed
    let folder = root.appendingPathComponent("\(CheckBuild.scratch)/probes")
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // The student's numbers, one process after another until every probe has given its
    // numbers or stopped its process.
    var remaining = wanted
    var numbers = ""
    for attempt in 0..<wanted.count where !remaining.isEmpty {
      let output = folder.appendingPathComponent("student-\(attempt).txt")
      let left = deadline.timeIntervalSinceNow - 5
      guard left > 1 else {
        for name in remaining { verdicts.differs[name] = "the grading's time ran out first" }
        break
      }
      // The numbers go to a file of their own: what the exercises print goes to `output`.
      let values =
        sandbox?.handOver("probe-values-\(attempt).txt")
        ?? folder.appendingPathComponent("values-\(attempt).txt")
      if sandbox == nil { FileManager.default.createFile(atPath: values.path, contents: nil) }
      let ending = runChild(
        [installed.path, "values", "\(seed)"] + remaining, in: sandbox?.home ?? root,
        environment: ["COMPANION_PROBE_OUTPUT": values.path], output: output,
        timeout: min(10, left), sandbox: sandbox)
      let text = String(decoding: readAtMost(values, bytes: 16 << 20), as: UTF8.self)
      var given: Set<String> = []
      var begun: [String] = []
      for line in text.split(separator: "\n") {
        if line.hasPrefix(">") { begun.append(String(line.dropFirst())) }
        if line.hasPrefix("?"), remaining.contains(String(line.dropFirst())) {
          verdicts.differs[String(line.dropFirst())] = "the grader has no probe of it"
          given.insert(String(line.dropFirst()))
        }
        if line.hasPrefix("="), let name = line.dropFirst().split(separator: "\t").first {
          given.insert(String(name))
          numbers += line + "\n"
        }
      }
      remaining.removeAll { given.contains($0) }
      guard !remaining.isEmpty else { break }
      // The probe that was running when the process ended, or the first not reached.
      let culprit = begun.last(where: { remaining.contains($0) }) ?? remaining[0]
      let how =
        switch ending {
        case .timedOut: "did not finish"
        case .signalled(let signal): "stopped its process (signal \(signal))"
        default: "ended its process"
        }
      verdicts.differs[culprit] = "called on the grader's inputs, it \(how)"
      remaining.removeAll { $0 == culprit }
    }
    // The reference judges, in the grader's own process.
    let given = folder.appendingPathComponent("student.txt")
    try? Data(numbers.utf8).write(to: given)
    let judged = folder.appendingPathComponent("judged.txt")
    let toJudge = wanted.filter { verdicts.differs[$0] == nil }
    let ending = runChild(
      [referenceProbe.path, "judge", "\(seed)", given.path] + toJudge, in: folder,
      output: judged, timeout: max(5, min(60, deadline.timeIntervalSinceNow)))
    let text = String(decoding: readAtMost(judged), as: UTF8.self)
    var agreed: Set<String> = []
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 2).map(String.init)
      guard parts.count >= 2 else { continue }
      if parts[1] == "agrees" {
        agreed.insert(parts[0])
      } else if parts.count == 3 {
        verdicts.differs[parts[0]] = parts[2]
      }
    }
    for name in toJudge where !agreed.contains(name) && verdicts.differs[name] == nil {
      verdicts.differs[name] =
        ending.succeeded ? "its probe gave no verdict" : "the grader's probe did not run"
    }
    return verdicts
  }

  /// The chapter's report with the exercises whose probe did not agree failing.
  private func applying(_ verdicts: ProbeVerdicts, to chapter: ChapterReport) -> ChapterReport {
    let exercises = chapter.exercises.map { exercise -> ExerciseReport in
      guard let why = verdicts.differs[exercise.name], exercise.status.isDone else {
        return exercise
      }
      let failure = TestFailure(
        test: "its results on the grader's inputs", testID: "Probes.\(exercise.name)",
        message:
          "it passes its tests, but called on inputs drawn at grading time its results are "
          + "not the reference's: \(why)")
      return ExerciseReport(
        name: exercise.name, file: exercise.file, line: exercise.line,
        status: .failing(failure))
    }
    return ChapterReport(
      chapter: chapter.chapter, exercises: exercises, testsPassed: chapter.testsPassed,
      testsRun: chapter.testsRun, problem: chapter.problem, together: chapter.together)
  }
}

/// The results with `preface` before their `output`.
func prefaced(_ json: String, with preface: String) -> String {
  guard !preface.isEmpty,
    var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
  else { return json }
  object["output"] = preface + "\n\n" + ((object["output"] as? String) ?? "")
  guard
    let data = try? JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
  else { return json }
  return String(decoding: data, as: UTF8.self) + "\n"
}
