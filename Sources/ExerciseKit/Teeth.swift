import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The outcome of one test function in Swift Testing's xunit file.
public struct TestOutcome: Sendable, Equatable {
  /// The class name: the test target, then the suite (`ConvolutionTests.XFilterTests`).
  public let className: String
  /// The test function's name with its labels (`mapsInNinths(_:)`).
  public let function: String
  /// Every failure message, in order: empty when the test passed.
  public let failures: [String]
  /// Whether the test was skipped.
  public let skipped: Bool

  public init(className: String, function: String, failures: [String], skipped: Bool) {
    self.className = className
    self.function = function
    self.failures = failures
    self.skipped = skipped
  }

  /// The test target: the first part of the class name (`ConvolutionTests`).
  public var target: String { String(className.split(separator: ".").first ?? "") }
  /// The full name: class name and function.
  public var name: String { "\(className).\(function)" }
  /// Whether it belongs to a suite that plays a student on a copy of the package, skipped
  /// unless `COMPANION_END_TO_END` is set.
  public var isEndToEnd: Bool { endToEndSuites.contains(className) }
  /// The first failure message, or nil when the test passed.
  public var failure: String? { failures.first }
  public var failed: Bool { !failures.isEmpty }
}

/// Reads the `testcase` elements of an xunit file (`swift test --xunit-output F` writes Swift
/// Testing's results to `F-swift-testing.xml`).
public func readXUnit(_ data: Data) throws -> [TestOutcome] {
  let reader = XUnitReader()
  let parser = XMLParser(data: data)
  parser.delegate = reader
  guard parser.parse() else {
    throw XUnitError(problem: parser.parserError.map { "\($0)" } ?? "unreadable xunit file")
  }
  return reader.outcomes
}

public struct XUnitError: Error, CustomStringConvertible {
  public let problem: String
  public var description: String { problem }
}

private final class XUnitReader: NSObject, XMLParserDelegate {
  var outcomes: [TestOutcome] = []
  private var current: (className: String, name: String, failures: [String], skipped: Bool)?

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch element {
    case "testcase":
      current = (attributes["classname"] ?? "", attributes["name"] ?? "", [], false)
    case "failure", "error":
      current?.failures.append(cleaned(attributes["message"] ?? "failed"))
    case "skipped":
      current?.skipped = true
    default:
      break
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    guard element == "testcase", let test = current else { return }
    outcomes.append(
      TestOutcome(
        className: test.className, function: test.name, failures: test.failures,
        skipped: test.skipped))
    current = nil
  }

  /// Swift Testing starts every message with "Issue recorded (error): "; the rest is the news.
  private func cleaned(_ message: String) -> String {
    let prefix = "Issue recorded (error): "
    return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
  }
}

/// The teeth check of an exercises-track run: every test of a chapter's test target
/// (`<Chapter>Tests`) must fail, since it exercises that chapter's stubs; every other test must
/// pass, since it tests given code. Returns one line per violation; empty when all is well.
///
/// The end-to-end suites (``endToEndSuites``) are left out when skipped: they build copies of the
/// package, are compiled in only with `COMPANION_END_TO_END` set, and run in a step of `.ci/run`
/// of their own.
public func teethProblems(_ outcomes: [TestOutcome], chapters: [String]) -> [String] {
  let outcomes = outcomes.filter { !($0.skipped && $0.isEndToEnd) }
  let chapterTargets = Set(chapters.map { $0 + "Tests" })
  var problems: [String] = []
  if outcomes.isEmpty { problems.append("the xunit file holds no tests at all") }
  for chapter in chapters where !outcomes.contains(where: { $0.target == chapter + "Tests" }) {
    problems.append("\(chapter)Tests ran no test")
  }
  for outcome in outcomes {
    if outcome.skipped {
      problems.append("\(outcome.name) was skipped: a skipped test proves nothing")
    } else if chapterTargets.contains(outcome.target) && !outcome.failed {
      problems.append("\(outcome.name) passes on the stubs: it has no teeth")
    } else if !chapterTargets.contains(outcome.target) && outcome.failed {
      problems.append(
        "\(outcome.name) tests given code but fails on the exercises track: "
          + (outcome.failure ?? ""))
    }
  }
  return problems
}

/// The suites that build copies of the package to play a student: slow, so they are compiled in
/// only with `COMPANION_END_TO_END=1`, as `.ci/run` sets it.
public let endToEndSuites: Set<String> = [
  "CompanionTests.CheckEndToEndTests", "CompanionTests.CheckStopTests",
  "CompanionTests.AutograderTests", "CompanionTests.WatchTests",
  "CompanionTests.AddExerciseTests",
]
