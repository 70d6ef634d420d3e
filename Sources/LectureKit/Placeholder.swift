import Foundation

/// The mark of an exercise that is not written yet: its name and the file it lives in.
///
/// Stubs in `Exercises/` return `.unwritten("correlate2D", in: #filePath)`; the result fails
/// every check and, where its type can carry this mark, says which exercise to write.
public struct Unwritten: Sendable, Hashable, CustomStringConvertible {
  /// The exercise's name, as in its `BEGIN EXERCISE` marker.
  public let name: String
  /// The exercise's file, from `Exercises/` or `Solutions/` on.
  public let file: String

  public init(name: String, file: String) {
    self.name = name
    self.file = Unwritten.packageRelative(file)
  }

  /// "`correlate2D` in Exercises/Convolution/Correlation.swift is not written yet".
  public var description: String { "`\(name)` in \(file) is not written yet" }

  /// Cuts an absolute path down to the part from `Exercises/` or `Solutions/` on.
  static func packageRelative(_ path: String) -> String {
    for folder in ["/Exercises/", "/Solutions/"] {
      if let range = path.range(of: folder, options: .backwards) {
        return String(path[path.index(after: range.lowerBound)...])
      }
    }
    return path
  }
}

extension Matrix {
  /// The placeholder an unwritten exercise returns: no entries, compares unequal to everything,
  /// and names the exercise in every failure it causes.
  public static func unwritten(_ name: String, in file: String) -> Matrix {
    Matrix(placeholder: Unwritten(name: name, file: file))
  }

  /// Whether this matrix is a stub's placeholder.
  public var isPlaceholder: Bool { unwritten != nil }
}

extension Double {
  /// The placeholder an unwritten exercise returns: NaN, which fails every comparison.
  public static func unwritten(_ name: String, in file: String) -> Double { .nan }
}

extension Array {
  /// The placeholder an unwritten exercise returns: an empty array, which has the wrong count
  /// for every check.
  public static func unwritten(_ name: String, in file: String) -> [Element] { [] }
}

extension Int {
  /// The placeholder an unwritten exercise returns. An `Int` cannot carry the mark, so the
  /// tests of such an exercise include cases where any constant answer is wrong.
  public static func unwritten(_ name: String, in file: String) -> Int { 0 }
}

extension Bool {
  /// The placeholder an unwritten exercise returns. A `Bool` cannot carry the mark, so the
  /// tests of such an exercise check both answers.
  public static func unwritten(_ name: String, in file: String) -> Bool { false }
}

/// The first placeholder among `matrices`, if any.
///
/// Chapter functions that take matrices start with
/// `if let unwritten = placeholder(among: input, kernel) { return unwritten }`: the result of an
/// unwritten exercise passes straight through instead of failing a precondition, so one missing
/// exercise never stops the tests of another (a failed precondition ends the whole test run).
/// - Complexity: O(k) for k matrices; no entry is read.
public func placeholder(among matrices: Matrix...) -> Matrix? {
  matrices.first { $0.isPlaceholder }
}
