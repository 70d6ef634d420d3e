/// One exercise of the reference implementation: a function body between marker comments.
///
/// In `Solutions/`:
/// ```
///   // BEGIN EXERCISE correlate2D
///   ...the reference body...
///   // END EXERCISE
/// ```
/// In the generated `Exercises/`, the same markers around a stub. The stub is
/// `return .unwritten("NAME", in: #filePath)` unless the marker names another one after
/// `stub:` (`// BEGIN EXERCISE backward stub: return (.unwritten(...), ...)`; an empty `stub:`
/// leaves the body empty).
public struct Exercise: Sendable, Equatable {
  /// The exercise's name, unique in the package.
  public let name: String
  /// The file, relative to the track folder: `Convolution/Correlation.swift`.
  public let file: String
  /// The line of the `BEGIN EXERCISE` marker, counted from 1.
  public let line: Int
  /// The lines between the markers.
  public let body: [String]
  /// The lines a stub has between the markers.
  public let stub: [String]

  /// The chapter: the first folder of ``file``.
  public var chapter: String { String(file.split(separator: "/").first ?? "") }
}

/// A mistake in the marker comments of a file.
public struct MarkerError: Error, Equatable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public let problem: String

  public var description: String { "\(file):\(line): \(problem)" }
}

/// A source file cut at its exercise markers.
public struct MarkedFile: Sendable {
  /// The text outside the exercises and the exercises themselves, in order.
  public enum Part: Sendable {
    case text([String])
    case exercise(begin: String, exercise: Exercise, end: String)
  }

  public let parts: [Part]

  public var exercises: [Exercise] {
    parts.compactMap { part in
      if case .exercise(_, let exercise, _) = part { return exercise }
      return nil
    }
  }

  /// Cuts `text` at its markers; `file` names it in errors and in each ``Exercise``.
  public init(text: String, file: String) throws(MarkerError) {
    var parts: [Part] = []
    var plain: [String] = []
    var open: (marker: String, name: String, stub: [String], line: Int, body: [String])?
    var function: String?
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingLeadingSpaces()
      if open == nil, !trimmed.hasPrefix("//"), let name = MarkedFile.declaredFunction(trimmed) {
        function = name
      }
      if trimmed.hasPrefix("// BEGIN EXERCISE") {
        guard open == nil else {
          throw MarkerError(file: file, line: index + 1, problem: "BEGIN EXERCISE inside another")
        }
        let (name, stub) = try MarkedFile.parseBegin(line, file: file, line: index + 1)
        // A failure names the exercise: the name must lead to the function to write.
        if let function, !name.hasPrefix(function) {
          throw MarkerError(
            file: file, line: index + 1,
            problem: "the exercise name \(name) does not start with its function's name, "
              + "\(function) (1D or 2D may follow it)")
        }
        parts.append(.text(plain))
        plain = []
        open = (line, name, stub, index + 1, [])
      } else if trimmed.hasPrefix("// END EXERCISE") {
        guard let current = open else {
          throw MarkerError(file: file, line: index + 1, problem: "END EXERCISE without BEGIN")
        }
        let exercise = Exercise(
          name: current.name, file: file, line: current.line, body: current.body,
          stub: current.stub)
        parts.append(.exercise(begin: current.marker, exercise: exercise, end: line))
        open = nil
      } else if open != nil {
        open!.body.append(line)
      } else {
        plain.append(line)
      }
    }
    if let current = open {
      throw MarkerError(
        file: file, line: current.line, problem: "BEGIN EXERCISE \(current.name) is never ended")
    }
    parts.append(.text(plain))
    self.parts = parts
  }

  /// The file with every exercise body replaced by its stub.
  public func withStubs() -> String {
    var lines: [String] = []
    for part in parts {
      switch part {
      case .text(let text): lines += text
      case .exercise(let begin, let exercise, let end): lines += [begin] + exercise.stub + [end]
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The name of the function a line declares (`func name`, with any modifiers), or nil.
  static func declaredFunction(_ line: String) -> String? {
    guard let range = line.range(of: "func ") else { return nil }
    let before = line[..<range.lowerBound]
    guard before.split(separator: " ").allSatisfy({ $0.allSatisfy(\.isLetter) }) else {
      return nil
    }
    let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    return name.isEmpty ? nil : String(name)
  }

  private static func parseBegin(
    _ line: String, file: String, line number: Int
  ) throws(MarkerError) -> (String, [String]) {
    let indentation = String(line.prefix { $0 == " " })
    var rest = line.trimmingLeadingSpaces().dropFirst("// BEGIN EXERCISE".count)
    rest = rest.drop { $0 == " " }
    let name = String(rest.prefix { $0 != " " })
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      throw MarkerError(
        file: file, line: number, problem: "BEGIN EXERCISE needs a name of letters and digits")
    }
    let after = rest.dropFirst(name.count).drop { $0 == " " }
    if after.isEmpty {
      return (name, [indentation + "return .unwritten(\"\(name)\", in: #filePath)"])
    }
    guard after.hasPrefix("stub:") else {
      throw MarkerError(
        file: file, line: number, problem: "expected 'stub:' after the exercise name")
    }
    let stub = after.dropFirst("stub:".count).drop { $0 == " " }
    return (name, stub.isEmpty ? [] : [indentation + stub])
  }
}

extension String {
  func trimmingLeadingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" })
  }
}
