import Foundation

/// One test function of a run, as Swift Testing's event stream reported it, with the exercises
/// it reached.
public struct TestRecord: Sendable, Equatable, Codable {
  /// How the test ended.
  public enum Verdict: Sendable, Equatable, Codable {
    case passed
    case failed
    case skipped
    /// It started and never ended: the process trapped, or was stopped at the time limit, while
    /// it ran. The text says which, in a student's words.
    case stopped(String)
    /// The run ended before it started.
    case notRun
    /// Not run to its end: it reached this exercise, which had not finished in another test
    /// before the time limit. It waits for that exercise, like a test that reached a stub.
    case blocked(by: String)
  }

  /// Swift Testing's id: `ConvolutionTests.StrideTests/strideTwo()/StrideTests.swift:12:4`.
  public let id: String
  /// The name it is shown by: its display name, or its function's name.
  public let name: String
  public var verdict: Verdict
  /// Its issues as `swift test` prints them: `StrideTests.swift:14:5: Expectation failed: ...`
  /// followed by the comment's lines (the expected | computed grid of TestSupport).
  public var issues: [String]
  /// The exercises whose bodies it entered, written or stubs (see `ExerciseTrace`).
  public var reached: Set<String>

  public init(
    id: String, name: String, verdict: Verdict, issues: [String] = [], reached: Set<String> = []
  ) {
    self.id = id
    self.name = name
    self.verdict = verdict
    self.issues = issues
    self.reached = reached
  }

  /// The test target: `ConvolutionTests`.
  public var target: String { String(id.prefix { $0 != "." }) }

  /// Whether it counts against the exercises it reached.
  public var failed: Bool {
    switch verdict {
    case .failed, .stopped: true
    default: false
    }
  }

  /// Whether it ended, passing or failing.
  public var finished: Bool { verdict == .passed || verdict == .failed }

  /// Whether it waits for an exercise that did not finish elsewhere.
  public var isBlocked: Bool {
    if case .blocked = verdict { return true }
    return false
  }

  /// What went wrong first, as `swift test` shows it; nil when nothing did.
  public var firstFailure: String? {
    if case .stopped(let why) = verdict { return why }
    return verdict == .failed ? issues.first ?? "failed" : nil
  }
}

/// Reads a Swift Testing event stream (`--event-stream-output-path`, version 0: one JSON record
/// per line) into one record per test function, in the order the tests were declared. A line
/// that is not a whole record (the run was stopped while writing it) ends the reading.
///
/// Tests that started and never ended get `.stopped(stoppedBecause)`; tests that never started,
/// `.notRun`.
public func readTestEvents(_ data: Data, stoppedBecause: String) -> [TestRecord] {
  var order: [String] = []
  var names: [String: String] = [:]
  var started: Set<String> = []
  var ended: [String: Bool] = [:]
  var skipped: Set<String> = []
  var issues: [String: [String]] = [:]
  for line in data.split(separator: UInt8(ascii: "\n")) {
    guard let record = try? JSONDecoder().decode(StreamRecord.self, from: line) else { break }
    let payload = record.payload
    if record.kind == "test", payload.kind == "function", let id = payload.id {
      order.append(id)
      names[id] = payload.displayName ?? payload.name ?? id
      continue
    }
    guard record.kind == "event", let id = payload.testID, names[id] != nil else { continue }
    switch payload.kind {
    case "testStarted": started.insert(id)
    case "testEnded": ended[id] = payload.messages?.first?.symbol == "fail"
    case "testSkipped": skipped.insert(id)
    case "issueRecorded" where payload.issue?.isKnown != true:
      issues[id, default: []].append(payload.issueText)
    default: break
    }
  }
  return order.map { id in
    let verdict: TestRecord.Verdict
    if skipped.contains(id) {
      verdict = .skipped
    } else if let failed = ended[id] {
      verdict = failed || issues[id] != nil ? .failed : .passed
    } else {
      verdict = started.contains(id) ? .stopped(stoppedBecause) : .notRun
    }
    return TestRecord(id: id, name: names[id]!, verdict: verdict, issues: issues[id] ?? [])
  }
}

/// Whether an event stream says that the run ended: a test process that exits before it (with
/// any status) ended in the middle of its tests.
public func runEnded(_ data: Data) -> Bool {
  data.split(separator: UInt8(ascii: "\n")).contains { line in
    guard let record = try? JSONDecoder().decode(StreamRecord.self, from: line) else {
      return false
    }
    return record.kind == "event" && record.payload.kind == "runEnded"
  }
}

/// Reads a trace written by `ExerciseTrace`: `TEST-ID<tab>EXERCISE` lines, into test id →
/// exercises reached (its `!<tab>N` lines say where threads were when stopped; see
/// ``unfinishedPairs(inTrace:)``).
public func readTrace(_ text: String) -> [String: Set<String>] {
  var reached: [String: Set<String>] = [:]
  for line in text.split(separator: "\n") {
    let parts = line.split(separator: "\t")
    guard parts.count == 2, parts[0] != "!" else { continue }
    reached[String(parts[0]), default: []].insert(String(parts[1]))
  }
  return reached
}

/// The fields of an event-stream record that the report needs.
private struct StreamRecord: Decodable {
  let kind: String
  let payload: Payload

  struct Payload: Decodable {
    let kind: String?
    let id: String?
    let name: String?
    let displayName: String?
    let testID: String?
    let messages: [Message]?
    let issue: Issue?
    let _sourceLocation: Location?

    /// `File.swift:12:5: Expectation failed: ...` and the comment's lines below.
    var issueText: String {
      var texts = (messages ?? []).map(\.text)
      // `Issue.record(comment)` prints as "Issue recorded" and then the comment: the comment
      // is the message.
      if texts.count > 1 && texts[0] == "Issue recorded" { texts.removeFirst() }
      let place = _sourceLocation.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
      guard let first = texts.first else { return place + "failed" }
      return ([place + first] + texts.dropFirst()).joined(separator: "\n")
    }
  }

  struct Message: Decodable {
    let symbol: String
    let text: String
  }

  struct Issue: Decodable {
    let isKnown: Bool?
  }

  struct Location: Decodable {
    let fileID: String
    let line: Int
    let column: Int

    /// `StrideTests.swift`, as `swift test` names it.
    var file: String { String(fileID.split(separator: "/").last ?? "") }
  }
}

/// The (test id, exercise) pairs that a trace's `!<tab>N` lines name: the innermost exercise
/// each thread was inside of when the test process was asked, at the time limit, where it was.
/// N counts the pair lines from 0.
public func unfinishedPairs(inTrace text: String) -> [(test: String, exercise: String)] {
  var pairs: [(test: String, exercise: String)] = []
  var unfinished: [Int] = []
  for line in text.split(separator: "\n") {
    let parts = line.split(separator: "\t")
    guard parts.count == 2 else { continue }
    if parts[0] == "!" {
      if let index = Int(parts[1]) { unfinished.append(index) }
    } else {
      pairs.append((String(parts[0]), String(parts[1])))
    }
  }
  return unfinished.filter { $0 < pairs.count }.map { pairs[$0] }
}
