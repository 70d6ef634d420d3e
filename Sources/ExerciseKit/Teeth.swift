import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The outcome of one test function in Swift Testing's xunit file.
public struct TestOutcome: Sendable, Equatable {
  /// The test target: the first part of the test's class name (`ConvolutionTests`).
  public let target: String
  /// The test's full name: class name and function name.
  public let name: String
  /// The first failure message, or nil when the test passed.
  public let failure: String?
  /// Whether the test was skipped.
  public let skipped: Bool

  public var failed: Bool { failure != nil }

  public init(target: String, name: String, failure: String?, skipped: Bool) {
    self.target = target
    self.name = name
    self.failure = failure
    self.skipped = skipped
  }
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
  private var current: (className: String, name: String, failure: String?, skipped: Bool)?

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch element {
    case "testcase":
      current = (attributes["classname"] ?? "", attributes["name"] ?? "", nil, false)
    case "failure", "error":
      if current?.failure == nil { current?.failure = attributes["message"] ?? "failed" }
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
    let target = String(test.className.split(separator: ".").first ?? "")
    outcomes.append(
      TestOutcome(
        target: target, name: "\(test.className).\(test.name)", failure: test.failure,
        skipped: test.skipped))
    current = nil
  }
}

/// The teeth check of an exercises-track run: every test of a chapter's test target
/// (`<Chapter>Tests`) must fail, since it exercises that chapter's stubs; every other test must
/// pass, since it tests given code. Returns one line per violation; empty when all is well.
public func teethProblems(_ outcomes: [TestOutcome], chapters: [String]) -> [String] {
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
