import ExerciseKit
import Foundation

/// Runs one chapter's tests on the check build and records, per test, how it ended and which
/// exercises it reached.
///
/// The test process runs in a process group of its own, with a time limit. When it traps or
/// reaches the limit, the tests that were running are settled as stopped (a trap with several
/// tests running is narrowed down by running each of them alone) and the others run again
/// without them, so that one endless loop or one trap never hides the other results.
struct ChapterTestRun {
  let root: URL
  /// The time limit of each run of the test process, in seconds.
  let timeout: Double
  /// Whose bodies run (`COMPANION_STUDENT`, see `ExerciseTrace.runsStudentBody`): the
  /// exercises whose student body runs, separated by commas, or `*` for all of them.
  var student = "*"
  /// More variables for the test process (`COMPANION_PLANT` for `verify --mistakes`).
  var environment: [String: String] = [:]

  /// The autograder's: the test processes run as the sandbox's user, from the test binary
  /// installed there, and report in files made for them in its exchange folder.
  var sandbox: (sandbox: Sandbox, binary: URL)?
  /// When the chapter's runs must be over, whatever is left: each run's time limit is cut to it,
  /// and no run starts after it.
  var deadline: Date?

  init(
    root: URL, timeout: Double, student: String = "*", environment: [String: String] = [:]
  ) {
    self.root = root
    self.timeout = timeout
    self.student = student
    self.environment = environment
  }
  /// How many times the process may be started again after a trap, the time limit, or a test
  /// that reached an exercise that did not finish.
  static let retries = 60

  /// The chapter's tests, and a line on what stopped some of them, if anything did.
  ///
  /// After the time limit, the tests still running that had reached an exercise are stopped,
  /// and the last exercise each reached is taken for the one that does not finish; tests that
  /// were waiting for a thread run again. In the runs after, a test that reaches such an
  /// exercise is not waited for: the run is stopped at once and started again without it.
  ///
  /// `tests` names the tests to run by their ids (all of the chapter's when nil); `label` names
  /// the folder of the run's files, `runs/CHAPTER/LABEL`, so that runs can go side by side.
  func run(
    _ chapter: String, tests wanted: [String]? = nil, label: String = "all"
  ) -> (tests: [TestRecord], problem: String?) {
    if wanted?.isEmpty == true { return ([], nil) }
    let folder = root.appendingPathComponent("\(CheckBuild.scratch)/runs/\(chapter)/\(label)")
    let filter =
      wanted.map { "^(" + $0.map(exactly).joined(separator: "|") + ")" } ?? "^\(chapter)Tests\\."
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var settled: [String: TestRecord] = [:]
    var hung: Set<String> = []
    var reached: [String: Set<String>] = [:]
    var order: [TestRecord] = []
    var last: [String: TestRecord] = [:]
    var problem: String?
    for attempt in 0...ChapterTestRun.retries where problem == nil {
      if let deadline, deadline.timeIntervalSinceNow < 1 {
        problem = tr("check.budgetSpent")
        return finish(order, last, settled, reached, problem: problem)
      }
      let run = runOnce(
        filter: filter, skip: Array(settled.keys), hung: hung, in: folder,
        name: "\(attempt)")
      let before = settled.count
      defer {
        if settled.count == before && problem == nil {
          problem = tr("check.stoppedAgain", ["why": run.why])
        }
      }
      if attempt == 0 { order = run.tests }
      for test in run.tests { last[test.id] = test }
      for (id, names) in run.trace { reached[id, default: []].formUnion(names) }
      switch run.ending {
      case .exited(let status) where (status == 0 || status == 1) && run.ended:
        return finish(order, last, settled, reached, problem: problem)
      case .stopped:
        // A test reached an exercise that did not finish before: it waits for it.
        for (id, path) in run.traceInOrder where path.contains(where: hung.contains) {
          let exercise = path.first(where: hung.contains)!
          let name = last[id]?.name ?? order.first { $0.id == id }?.name ?? id
          settled[id] = TestRecord(id: id, name: name, verdict: .blocked(by: exercise))
        }
      case .timedOut:
        // The tests inside an exercise at the time limit; the others still running were
        // waiting for a thread, and run again.
        let inside = Dictionary(run.unfinished.map { ($0.test, $0.exercise) }) { first, _ in first }
        let running = run.tests.filter { inside[$0.id] != nil && !$0.finished }
        if running.isEmpty {
          problem = tr("check.outsideTimeout", ["seconds": seconds])
          return finish(order, last, settled, reached, problem: problem)
        }
        for test in running {
          settled[test.id] = test
          hung.insert(inside[test.id]!)
        }
      default:
        let stopped = run.tests.filter { if case .stopped = $0.verdict { true } else { false } }
        if stopped.isEmpty {
          problem = tr("check.stoppedOutside", ["why": run.why])
          return finish(order, last, settled, reached, problem: problem)
        }
        settle(trapped: stopped, into: &settled, reached: &reached, in: folder, attempt: attempt)
      }
    }
    problem =
      problem ?? tr("check.tooManyRuns", ["count": "\(ChapterTestRun.retries + 1)"])
    return finish(order, last, settled, reached, problem: problem)
  }

  /// Several tests were running when the process trapped: each runs alone to find which.
  private func settle(
    trapped: [TestRecord], into settled: inout [String: TestRecord],
    reached: inout [String: Set<String>], in folder: URL, attempt: Int
  ) {
    guard trapped.count > 1 else {
      settled[trapped[0].id] = trapped[0]
      return
    }
    for (index, test) in trapped.enumerated() {
      let alone = runOnce(
        filter: "^" + exactly(test.id), skip: [], hung: [], in: folder,
        name: "\(attempt)-\(index)")
      settled[test.id] = alone.tests.first { $0.id == test.id } ?? test
      for (id, names) in alone.trace { reached[id, default: []].formUnion(names) }
    }
  }

  /// The records in the order the tests were declared, with what they reached, and the line on
  /// the tests stopped at the time limit.
  private func finish(
    _ order: [TestRecord], _ last: [String: TestRecord], _ settled: [String: TestRecord],
    _ reached: [String: Set<String>], problem: String?
  ) -> (tests: [TestRecord], problem: String?) {
    let records = order.map { test in
      var record = settled[test.id] ?? last[test.id] ?? test
      record.reached = reached[test.id] ?? []
      return record
    }
    let late = records.filter { $0.verdict == .stopped(timeLimitMessage) }.count
    let blocked = records.filter(\.isBlocked).count
    guard late > 0, problem == nil else { return (records, problem) }
    var line =
      late == 1
      ? tr("check.lateOne", ["count": "\(late)", "seconds": seconds])
      : tr("check.lateMany", ["count": "\(late)", "seconds": seconds])
    if blocked > 0 {
      line +=
        blocked == 1
        ? tr("check.blockedOne", ["count": "\(blocked)"])
        : tr("check.blockedMany", ["count": "\(blocked)"])
    }
    return (records, line + tr("check.othersRan"))
  }

  /// What a test stopped at the time limit says.
  var timeLimitMessage: String { tr("check.timeLimit", ["seconds": seconds]) }

  private var seconds: String {
    timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
  }

  /// One run of the test process: its records, how it ended and why, and the trace it wrote
  /// (test → exercises, and the lines in the order written).
  private func runOnce(
    filter: String, skip: [String], hung: Set<String>, in folder: URL, name: String
  ) -> TestProcessRun {
    var events = folder.appendingPathComponent("events-\(name).jsonl")
    let output = folder.appendingPathComponent("output-\(name).txt")
    var trace = folder.appendingPathComponent("trace-\(name).txt")
    var arguments = testCommand(filter: filter)
    if let (sandbox, binary) = self.sandbox {
      // Files the test process may write, in a folder it can neither list nor change.
      let label = folder.pathComponents.suffix(2).joined(separator: "-") + "-\(name)"
      events = sandbox.handOver("events-\(label).jsonl")
      trace = sandbox.handOver("trace-\(label).txt")
      arguments[0] = binary.path
    }
    if !skip.isEmpty {
      arguments += ["--skip", "^(" + skip.map(exactly).joined(separator: "|") + ")"]
    }
    arguments += ["--event-stream-output-path", events.path, "--event-stream-version", "0"]
    // A test that reaches an exercise that did not finish before is not waited for.
    let traceFile = trace
    let watch: (() -> Bool)? =
      hung.isEmpty
      ? nil
      : {
        let text = String(decoding: readAtMost(traceFile), as: UTF8.self)
        return traceLines(text).contains { hung.contains($0.exercise) }
      }
    var variables: [String: String?] = [
      "COMPANION_TRACE": trace.path, "SWIFT_BACKTRACE": "enable=no", "NO_COLOR": "1",
      "COMPANION_STUDENT": student,
      // The tests say their failures in the tool's language (TestSupport reads it).
      "COMPANION_LANG": Language.current.rawValue,
    ]
    for (name, value) in environment { variables[name] = value }
    var limit = timeout
    if let deadline { limit = max(1, min(limit, deadline.timeIntervalSinceNow)) }
    let ending = runChild(
      arguments, in: sandbox?.sandbox.home ?? root, environment: variables, output: output,
      timeout: limit, watch: watch, signalFirst: SIGUSR1, sandbox: sandbox?.sandbox)
    let data = readAtMost(events)
    let ended = runEnded(data)
    let why: String
    switch ending {
    case .timedOut: why = timeLimitMessage
    case .exited(let status) where !ended: why = tr("check.endedProcess", ["status": "\(status)"])
    default:
      why = tr(
        "check.trapped",
        [
          "why": trapMessage(
            in: String(decoding: readAtMost(output), as: UTF8.self), ending: ending)
        ])
    }
    let traceText = String(decoding: readAtMost(trace), as: UTF8.self)
    let lines = traceLines(traceText)
    var paths: [(id: String, path: [String])] = []
    for line in lines {
      if let index = paths.firstIndex(where: { $0.id == line.test }) {
        paths[index].path.append(line.exercise)
      } else {
        paths.append((line.test, [line.exercise]))
      }
    }
    return TestProcessRun(
      tests: readTestEvents(data, stoppedBecause: why), ending: ending, ended: ended, why: why,
      trace: readTrace(lines.map { "\($0.test)\t\($0.exercise)" }.joined(separator: "\n")),
      traceInOrder: paths, unfinished: unfinishedPairs(inTrace: traceText))
  }

  /// The test binary of the check build, run directly (as `swift test` does, without loading
  /// the package again): a second less per run.
  private func testCommand(filter: String) -> [String] {
    #if os(Linux)
      let binary = root.appendingPathComponent(
        "\(CheckBuild.scratch)/debug/DeepLearningCompanionPackageTests.xctest")
      return [binary.path, "--testing-library", "swift-testing", "--filter", filter]
    #else
      return [
        "swift", "test", "--skip-build", "--scratch-path", CheckBuild.scratch, "--filter", filter,
      ]
    #endif
  }

  /// The fatal error a trap printed (`…/Network.swift:40: Fatal error: Index out of range`), in
  /// one line with the student's path.
  private func trapMessage(in output: String, ending: Ending) -> String {
    let tree = TracedTree(root: root)
    for line in output.split(separator: "\n") {
      for marker in ["Fatal error:", "Precondition failed:", "Assertion failed:"] {
        guard let range = line.range(of: marker) else { continue }
        let message = line[range.lowerBound...].trimmingCharacters(in: .whitespaces)
        let place = line[..<range.lowerBound].trimmingCharacters(
          in: CharacterSet(charactersIn: ": "))
        return place.isEmpty ? message : "\(message) (\(tree.studentPath(place)))"
      }
    }
    if case .signalled(let signal) = ending { return tr("check.signal", ["signal": "\(signal)"]) }
    return tr("check.endedEarly")
  }
}

/// What one run of the test process left behind.
private struct TestProcessRun {
  let tests: [TestRecord]
  let ending: Ending
  /// Whether the event stream says the run ended: when not, the process ended in the middle.
  let ended: Bool
  let why: String
  /// Test id → the exercises it reached.
  let trace: [String: Set<String>]
  /// Per test, in the order they were first reached, the exercises it reached in turn.
  let traceInOrder: [(id: String, path: [String])]
  /// The tests and the exercises they were inside of at the time limit.
  let unfinished: [(test: String, exercise: String)]
}

/// At most the first 32 MB of a file (a test process may write without end): a report that long
/// is no report.
func readAtMost(_ file: URL, bytes: Int = 32 << 20) -> Data {
  guard let handle = try? FileHandle(forReadingFrom: file) else { return Data() }
  defer { try? handle.close() }
  return (try? handle.read(upToCount: bytes)) ?? Data()
}

/// The lines of a trace, in the order written.
private func traceLines(_ text: String) -> [(test: String, exercise: String)] {
  text.split(separator: "\n").compactMap { line in
    let parts = line.split(separator: "\t")
    return parts.count == 2 && parts[0] != "!" ? (String(parts[0]), String(parts[1])) : nil
  }
}

/// A filter that matches one test: `ConvolutionTests\.StrideTests/strideTwo\(\)/`, from its
/// id `ConvolutionTests.StrideTests/strideTwo()/StrideTests.swift:12:4`.
private func exactly(_ id: String) -> String {
  let parts = id.split(separator: "/")
  return regexEscaped(parts.prefix(2).joined(separator: "/")) + "/"
}

/// `text` with the characters that mean something in a regular expression escaped.
func regexEscaped(_ text: some StringProtocol) -> String {
  var escaped = ""
  for character in text {
    if "\\^$.|?*+()[]{}".contains(character) { escaped.append("\\") }
    escaped.append(character)
  }
  return escaped
}
