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
  /// How many times the process may be started again after a trap or the time limit.
  static let retries = 4

  /// The chapter's tests, and a line on what stopped some of them, if anything did.
  func run(_ chapter: String) -> (tests: [TestRecord], problem: String?) {
    let folder = root.appendingPathComponent("\(CheckBuild.scratch)/runs/\(chapter)")
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let trace = folder.appendingPathComponent("trace.txt")
    var settled: [String: TestRecord] = [:]
    var tests: [TestRecord] = []
    var order: [TestRecord] = []
    var problem: String?
    for attempt in 0...ChapterTestRun.retries {
      let run = runOnce(
        filter: "^\(chapter)Tests\\.", skip: Array(settled.keys), in: folder, attempt: attempt,
        trace: trace)
      tests = run.tests
      if attempt == 0 { order = tests }
      let stopped = tests.filter { if case .stopped = $0.verdict { true } else { false } }
      if run.ending == .exited(0) || run.ending == .exited(1) || stopped.isEmpty {
        if !(run.ending == .exited(0) || run.ending == .exited(1)) {
          problem = "the test process stopped outside any test: \(run.why)"
        }
        break
      }
      if stopped.count > 1 && run.ending != .timedOut {
        // Several tests were running when the process trapped: run each alone to find which.
        for (index, test) in stopped.enumerated() {
          let alone = runOnce(
            filter: "^" + regexEscaped(test.id.prefix { $0 != "/" } + "/" + testFunction(test.id))
              + "/", skip: [], in: folder, attempt: 100 + attempt * 10 + index, trace: trace)
          settled[test.id] = alone.tests.first { $0.id == test.id } ?? test
        }
      } else {
        for test in stopped { settled[test.id] = test }
      }
      if attempt == ChapterTestRun.retries {
        problem =
          "the test process stopped \(attempt + 1) times; the tests it never ran are left out"
      }
    }
    let reached = readTrace((try? String(contentsOf: trace, encoding: .utf8)) ?? "")
    let last = Dictionary(tests.map { ($0.id, $0) }) { first, _ in first }
    let records = order.map { test in
      var record = settled[test.id] ?? last[test.id] ?? test
      record.reached = reached[test.id] ?? []
      return record
    }
    let timedOut = records.filter { $0.verdict == .stopped(timeLimitMessage) }.count
    if timedOut > 0 && problem == nil {
      problem =
        "\(timedOut) \(timedOut == 1 ? "test" : "tests") did not finish in \(seconds) s and "
        + "\(timedOut == 1 ? "was" : "were") stopped; the others ran without \(timedOut == 1 ? "it" : "them")"
    }
    return (records, problem)
  }

  /// Runs the chapter's tests once, their output going straight to the tool's own, as
  /// `swift test` prints it.
  func passThrough(_ chapter: String) -> Ending {
    runChild(
      testCommand(filter: "^\(chapter)Tests\\."), in: root,
      environment: ["SWIFT_BACKTRACE": "enable=no"], output: nil, timeout: timeout)
  }

  /// What a test stopped at the time limit says.
  var timeLimitMessage: String { "did not finish in \(seconds) s (an endless loop?)" }

  private var seconds: String {
    timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
  }

  private func runOnce(
    filter: String, skip: [String], in folder: URL, attempt: Int, trace: URL
  ) -> (tests: [TestRecord], ending: Ending, why: String) {
    let events = folder.appendingPathComponent("events-\(attempt).jsonl")
    let output = folder.appendingPathComponent("output-\(attempt).txt")
    var arguments = testCommand(filter: filter)
    if !skip.isEmpty {
      let ids = skip.map { regexEscaped($0.prefix { $0 != "/" } + "/" + testFunction($0)) + "/" }
      arguments += ["--skip", "^(" + ids.joined(separator: "|") + ")"]
    }
    arguments += ["--event-stream-output-path", events.path, "--event-stream-version", "0"]
    let ending = runChild(
      arguments, in: root,
      environment: [
        "COMPANION_TRACE": trace.path, "SWIFT_BACKTRACE": "enable=no", "NO_COLOR": "1",
      ], output: output, timeout: timeout)
    let why =
      ending == .timedOut
      ? timeLimitMessage
      : "it stopped the test process: "
        + trapMessage(in: (try? String(contentsOf: output, encoding: .utf8)) ?? "", ending: ending)
    let data = (try? Data(contentsOf: events)) ?? Data()
    return (readTestEvents(data, stoppedBecause: why), ending, why)
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
    if case .signalled(let signal) = ending { return "signal \(signal)" }
    return "it ended early"
  }
}

/// `strideTwo()` from `ConvolutionTests.StrideTests/strideTwo()/StrideTests.swift:12:4`.
private func testFunction(_ id: String) -> String {
  let parts = id.split(separator: "/")
  return parts.count > 1 ? String(parts[1]) : ""
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
