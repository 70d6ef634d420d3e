import Foundation
import LectureKit
import Testing

/// What a known mistake computes, and how to say it in the student's terms: a failing
/// expectation compares the student's value with every variant it is given and names each one
/// it equals. The catalog of mistakes (`Mistakes/<Chapter>.json`) plants each such mistake in
/// the reference and `companion verify --mistakes` proves that its diagnosis shows.
public struct KnownMistake: Sendable {
  /// The diagnosis, in a sentence: "the kernel is not flipped: this is the correlation".
  public let diagnosis: String
  /// Whether a computed value is what the mistake gives.
  public let matches: @Sendable (Matrix) -> Bool

  /// The mistake that computes `value` on the test's input (compared to `tolerance`).
  public init(_ diagnosis: String, _ value: Matrix, tolerance: Double = 1e-9) {
    self.diagnosis = diagnosis
    self.matches = { computed in
      !value.isPlaceholder && value.shape == computed.shape
        && computed.firstDifference(from: value, absoluteTolerance: tolerance) == nil
    }
  }

  /// The mistake that the computed value shows by `test`: where only some entries tell.
  public init(_ diagnosis: String, where test: @escaping @Sendable (Matrix) -> Bool) {
    self.diagnosis = diagnosis
    self.matches = test
  }

  /// The line a failure starts with when `computed` is what one or more mistakes give: each
  /// matching diagnosis, so that a value two mistakes explain names both. Nil when none
  /// matches (or `computed` is a placeholder), and the expected | computed grid stands alone.
  public static func diagnosis(of computed: Matrix, among mistakes: [KnownMistake]) -> String? {
    guard !computed.isPlaceholder else { return nil }
    return naming(mistakes.filter { $0.matches(computed) }.map(\.diagnosis))
  }

  /// "probably: d" for one diagnosis, "probably one of: d1; or d2" for several, nil for none.
  public static func naming(_ diagnoses: [String]) -> String? {
    switch diagnoses.count {
    case 0: return nil
    case 1: return "probably: \(diagnoses[0])"
    default: return "probably one of: " + diagnoses.joined(separator: "; or ")
    }
  }
}

/// Expects `computed` to equal `expected` as ``expectMatrix(_:equals:tolerance:_:sourceLocation:)``
/// does; when it does not and it equals what a known mistake computes, the failure starts with
/// the diagnosis ("probably: ...").
@discardableResult
public func expectMatrix(
  _ computed: Matrix, equals expected: Matrix, unlike mistakes: [KnownMistake],
  tolerance: Double = 1e-12, _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let failures = capturingFailures {
    _ = expectMatrix(computed, equals: expected, tolerance: tolerance, context)
  }
  guard let failure = failures.first else { return true }
  let named = KnownMistake.diagnosis(of: computed, among: mistakes).map { "\($0)\n" } ?? ""
  fail(named + failure, sourceLocation: sourceLocation)
  return false
}

/// A known mistake in a function of integers, as the function it computes instead.
public struct KnownRuleMistake<Case>: Sendable {
  public let diagnosis: String
  public let rule: @Sendable (Case) -> Int

  public init(_ diagnosis: String, _ rule: @escaping @Sendable (Case) -> Int) {
    self.diagnosis = diagnosis
    self.rule = rule
  }
}

/// Expects `computed` to agree with `expected` on every case of a table, and records one issue
/// at most: the first case that disagrees, how many more do, and each known mistake that
/// agrees with `computed` on the whole table (a mistake is named only when it explains every
/// case, and two that both do are both named).
@discardableResult
public func expectTable<Case>(
  _ cases: [Case], _ describe: (Case) -> String, computed: (Case) -> Int,
  expected: (Case) -> Int, unlike mistakes: [KnownRuleMistake<Case>] = [],
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let values = cases.map(computed)
  let wrong = cases.indices.filter { values[$0] != expected(cases[$0]) }
  guard let first = wrong.first else { return true }
  let explained = mistakes.filter { mistake in
    cases.indices.allSatisfy { values[$0] == mistake.rule(cases[$0]) }
  }
  var message = KnownMistake.naming(explained.map(\.diagnosis)).map { $0 + "\n" } ?? ""
  message +=
    "\(describe(cases[first])): expected \(expected(cases[first])), computed \(values[first])"
  if wrong.count > 1 { message += " (and \(wrong.count - 1) more of \(cases.count) cases)" }
  fail(message, sourceLocation: sourceLocation)
  return false
}

/// Expects `check` to find nothing wrong with any of `items`, and records one issue at most:
/// the first problem and how many more there were ("and 79 more"), so that a failure that
/// repeats at every step does not bury its first line.
@discardableResult
public func expectEvery<Items: Sequence>(
  _ items: Items, sourceLocation: SourceLocation = #_sourceLocation,
  _ check: (Items.Element) -> String?
) -> Bool {
  let problems = items.compactMap(check)
  guard let first = problems.first else { return true }
  fail(
    first + (problems.count > 1 ? " (and \(problems.count - 1) more)" : ""),
    sourceLocation: sourceLocation)
  return false
}
