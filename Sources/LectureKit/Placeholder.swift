import Foundation

/// The mark of an exercise that is not written yet: its name and the file it lives in.
///
/// Stubs in `Exercises/` return `.unwritten("correlate2D", in: #filePath)`; the result fails
/// every check and, where its type can carry this mark, says which exercise to write.
public struct Unwritten: Sendable, Hashable, CustomStringConvertible {
  /// The exercise's name, as in its `BEGIN EXERCISE` marker; or the function that refused its
  /// input.
  public let name: String
  /// The exercise's file, from `Exercises/` or `Solutions/` on.
  public let file: String
  /// Set when the mark stands for a rule a function's input broke (see ``refusal(_:in:)``)
  /// rather than for an unwritten exercise: the rule's sentence.
  public let problem: String?

  public init(name: String, file: String) {
    self.name = name
    self.file = Unwritten.packageRelative(file)
    self.problem = nil
  }

  /// The mark of a result that `function` could not compute: its input broke a rule.
  public init(problem: String, function: String) {
    self.name = String(function.prefix { $0 != "(" })
    self.file = ""
    self.problem = problem
  }

  /// "`correlate2D` in Exercises/Convolution/Correlation.swift is not written yet", or
  /// "`flatten` cannot compute this: the flattened maps need an entry, but are 0 x 0".
  public var description: String {
    if let problem { return name.isEmpty ? problem : "`\(name)` cannot compute this: \(problem)" }
    return "`\(name)` in \(file) is not written yet"
  }

  /// Cuts an absolute path down to the part from `Exercises/` or `Solutions/` on.
  static func packageRelative(_ path: String) -> String {
    for folder in ["/Exercises/", "/Solutions/"] {
      if let range = path.range(of: folder, options: .backwards) {
        return String(path[path.index(after: range.lowerBound)...])
      }
    }
    return path
  }

  /// The first mark among the stored parts of `value`, depth first.
  static func first(amongPartsOf value: Any) -> Unwritten? {
    for child in Mirror(reflecting: value).children {
      if let part = child.value as? any Placeholding {
        if let mark = part.unwritten { return mark }
      } else if let mark = first(amongPartsOf: child.value) {
        return mark
      }
    }
    return nil
  }
}

/// A type whose value can stand for the result of an exercise that is not written yet.
///
/// A stub returns `.unwritten("name", in: #filePath)`. The placeholder fails every test that
/// reads it and, where the type can carry the mark (a ``Matrix`` can, a `Double` cannot), names
/// the exercise to write. A function that receives a placeholder passes it on at once:
///
/// ```swift
/// if let mark = firstUnwritten(input, kernel) { return .placeholder(mark) }
/// ```
/// so one missing exercise never stops the tests of another on a failed precondition.
///
/// A chapter type conforms by saying how to build its placeholder; ``unwritten`` then finds a
/// mark anywhere among its stored properties.
public protocol Placeholding {
  /// The value an unwritten exercise returns in place of its result, carrying `mark` where it can.
  static func placeholder(_ mark: Unwritten) -> Self
  /// The mark of the unwritten exercise this value stands for or holds, if any.
  var unwritten: Unwritten? { get }
}

extension Placeholding {
  /// The placeholder a stub returns: `.unwritten("correlate2D", in: #filePath)`.
  public static func unwritten(_ name: String, in file: String) -> Self {
    placeholder(Unwritten(name: name, file: file))
  }

  /// The first mark among the stored properties, found by reflection.
  ///
  /// - Complexity: O(n) for n stored values, nested ones included.
  public var unwritten: Unwritten? { Unwritten.first(amongPartsOf: self) }

  /// Whether this value is, or holds, the result of an unwritten exercise.
  public var isPlaceholder: Bool { unwritten != nil }
}

/// The first mark among `values`: the one guard at the top of a function that takes results of
/// other exercises (see ``Placeholding``).
///
/// - Complexity: O(k) for k values; a matrix's entries are not read.
public func firstUnwritten(_ values: any Placeholding...) -> Unwritten? {
  for value in values {
    if let mark = value.unwritten { return mark }
  }
  return nil
}

extension Matrix: Placeholding {
  /// No entries, and the mark: compares unequal to everything and names the exercise in every
  /// failure it causes.
  public static func placeholder(_ mark: Unwritten) -> Matrix { Matrix(placeholder: mark) }
}

extension Array: Placeholding where Element: Placeholding {
  /// One placeholder element: a count no check expects by accident, and the mark.
  public static func placeholder(_ mark: Unwritten) -> [Element] { [.placeholder(mark)] }

  /// The first mark among the elements.
  ///
  /// - Complexity: O(n) for n elements.
  public var unwritten: Unwritten? { lazy.compactMap(\.unwritten).first }

  /// `count` placeholders (at least one), for a result with one element per channel: code
  /// that indexes the channels of the result never traps.
  public static func placeholder(_ mark: Unwritten, count: Int) -> [Element] {
    Array(repeating: .placeholder(mark), count: Swift.max(1, count))
  }

  /// The stub of an exercise that returns one element per channel.
  public static func unwritten(_ name: String, in file: String, count: Int) -> [Element] {
    placeholder(Unwritten(name: name, file: file), count: count)
  }
}

extension Double: Placeholding {
  /// NaN, which fails every comparison. A `Double` cannot carry the mark.
  public static func placeholder(_ mark: Unwritten) -> Double { .nan }
  /// Always nil: a `Double` cannot carry the mark.
  public var unwritten: Unwritten? { nil }
}

extension Int: Placeholding {
  /// 0. An `Int` cannot carry the mark, so the tests of such an exercise include cases where
  /// any constant answer is wrong.
  public static func placeholder(_ mark: Unwritten) -> Int { 0 }
  /// Always nil: an `Int` cannot carry the mark.
  public var unwritten: Unwritten? { nil }
}

extension Bool: Placeholding {
  /// False. A `Bool` cannot carry the mark, so the tests of such an exercise check both answers.
  public static func placeholder(_ mark: Unwritten) -> Bool { false }
  /// Always nil: a `Bool` cannot carry the mark.
  public var unwritten: Unwritten? { nil }
}
