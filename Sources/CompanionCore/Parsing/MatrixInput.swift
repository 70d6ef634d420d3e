import Foundation
import LectureKit

/// A mistake in what the user gave the tool: printed as one line,
/// `companion: error: FILE:LINE: PROBLEM` (or without the place), with exit status 2. The
/// problem is in the run's language; the place reads the same in every language. A check
/// that ran and failed (`companion verify`) uses it too, with status 1 and its report.
public struct UsageError: Error, Equatable, CustomStringConvertible {
  public let file: String?
  public let line: Int?
  /// The column, counted from 1, where one is known.
  public var column: Int?
  public let problem: String
  /// The exit status: 2 for a user's mistake; 1 for a check that ran and found problems.
  public var status: Int32 = 2
  /// What the command printed before it failed.
  public var output = ""

  public init(_ problem: String, file: String? = nil, line: Int? = nil) {
    self.problem = problem
    self.file = file
    self.line = line
  }

  public var description: String {
    switch (file, line) {
    case (let file?, let line?): "\(file):\(line)\(column.map { ":\($0)" } ?? ""): \(problem)"
    case (let file?, nil): "\(file): \(problem)"
    default: problem
    }
  }
}

/// Reads a matrix from text: one row per line; entries separated by spaces, tabs or commas; an
/// entry is a finite decimal number or a fraction of two (`-1/2`); `#` starts a comment anywhere
/// on a line; blank lines are skipped; every row has the same number of entries. Lines may end
/// in LF, CRLF or a lone CR. Between two commas there must be an entry.
///
/// - Parameter name: the file's name in error messages (`-` for standard input).
public func parseMatrix(_ text: String, name: String) throws(UsageError) -> Matrix {
  var rows: [[Double]] = []
  var firstRowLine = 0
  for (index, line) in lines(of: text).enumerated() {
    let lineNumber = index + 1
    let content = line.prefix { $0 != "#" }
    guard let row = try parseRow(content, name: name, line: lineNumber) else { continue }
    if let first = rows.first, first.count != row.count {
      let lengths = ["line": "\(firstRowLine)", "first": "\(first.count)"]
      throw UsageError(
        row.count == 1
          ? tr("input.rowLengthOne", lengths)
          : tr("input.rowLength", lengths.merging(["count": "\(row.count)"]) { $1 }),
        file: name, line: lineNumber)
    }
    if rows.isEmpty { firstRowLine = lineNumber }
    rows.append(row)
  }
  guard !rows.isEmpty else { throw UsageError(tr("input.noMatrix"), file: name) }
  return Matrix(rows)
}

/// The lines of a text whose lines end in LF, CRLF or a lone CR. ("\r\n" is one Character in
/// Swift, so splitting the String at "\n" would keep CRLF lines together.)
func lines(of text: String) -> [String] {
  var lines: [String] = []
  var current = String.UnicodeScalarView()
  var afterReturn = false
  for scalar in text.unicodeScalars {
    if scalar == "\n" && afterReturn {
      afterReturn = false
      continue
    }
    afterReturn = scalar == "\r"
    if scalar == "\n" || scalar == "\r" {
      lines.append(String(current))
      current = String.UnicodeScalarView()
    } else {
      current.append(scalar)
    }
  }
  lines.append(String(current))
  return lines
}

/// The entries of one line (its comment cut off), or nil when it has none. Entries are
/// separated by spaces, tabs or commas; a comma with no entry before or after it (`1,,2`,
/// `1,2,`) is an error, named by its column.
func parseRow(_ content: Substring, name: String, line: Int) throws(UsageError) -> [Double]? {
  var row: [Double] = []
  var column = 1
  let fields = content.split(separator: ",", omittingEmptySubsequences: false)
  for field in fields {
    defer { column += field.count + 1 }
    let tokens = field.split { $0 == " " || $0 == "\t" }
    if tokens.isEmpty && fields.count > 1 {
      var error = UsageError(tr("input.emptyEntry"), file: name, line: line)
      error.column = column
      throw error
    }
    for token in tokens {
      guard let value = parseEntry(String(token)) else {
        var error = UsageError(
          tr("input.notNumber", ["token": String(token)]), file: name, line: line)
        error.column = column + field.distance(from: field.startIndex, to: token.startIndex)
        throw error
      }
      row.append(value)
    }
  }
  return row.isEmpty ? nil : row
}

/// A finite decimal number, or a fraction of two such with a non-zero denominator.
func parseEntry(_ token: String) -> Double? {
  let parts = token.split(separator: "/", omittingEmptySubsequences: false)
  switch parts.count {
  case 1:
    return parseDecimal(String(parts[0]))
  case 2:
    guard let numerator = parseDecimal(String(parts[0])),
      let denominator = parseDecimal(String(parts[1])), denominator != 0
    else { return nil }
    let value = numerator / denominator
    return value.isFinite ? value : nil
  default:
    return nil
  }
}

/// A decimal number as a person writes it: digits with an optional sign, point and exponent.
/// Swift's `Double(_:)` alone would also take "nan", "inf" and hexadecimal.
private func parseDecimal(_ text: String) -> Double? {
  let allowed = Set("0123456789+-.eE")
  guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }),
    text.contains(where: \.isNumber), let value = Double(text), value.isFinite
  else { return nil }
  return value
}

/// Reads the matrix in `path`, or on standard input when `path` is `-`.
func readMatrix(_ path: String, standardInput: () -> String?) throws(UsageError) -> Matrix {
  if path == "-" {
    guard let text = standardInput() else { throw UsageError(tr("input.cannotReadStandardInput")) }
    return try parseMatrix(text, name: "-")
  }
  var isFolder: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
    throw UsageError(tr("input.noSuchFile"), file: path)
  }
  guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
    throw UsageError(tr("input.cannotReadFile"), file: path)
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw UsageError(tr("input.notUTF8"), file: path)
  }
  return try parseMatrix(text, name: path)
}
