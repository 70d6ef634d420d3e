import Foundation
import LectureKit
import Testing

/// What a known mistake computes, and how to say it in the student's terms: a failing
/// expectation compares the student's value with every variant it is given and names each one
/// it equals. The catalog of mistakes (`Mistakes/<Chapter>.json`) plants each such mistake in
/// the reference and `companion verify --mistakes` proves that its diagnosis shows.
///
/// Every mistake is said in English and in Chinese; a failure says it in the language of the
/// run (``TestLanguage``), and the catalog matches the English.
public struct KnownMistake: Sendable {
  /// The diagnosis, in a sentence: "the kernel is not flipped: this is the correlation".
  public let diagnosis: String
  /// The same diagnosis in Chinese: "卷积核没有翻转：这是互相关".
  public let chineseDiagnosis: String
  /// The diagnosis in the language failures are written in now.
  public var text: String { said(diagnosis, chineseDiagnosis) }
  /// Whether a computed value is what the mistake gives.
  public let matches: @Sendable (Matrix) -> Bool

  /// The mistake that computes `value` on the test's input (compared to `tolerance`).
  public init(
    _ diagnosis: String, zh chineseDiagnosis: String, _ value: Matrix, tolerance: Double = 1e-9
  ) {
    self.diagnosis = diagnosis
    self.chineseDiagnosis = chineseDiagnosis
    self.matches = { computed in
      !value.isPlaceholder && value.shape == computed.shape
        && computed.firstDifference(from: value, absoluteTolerance: tolerance) == nil
    }
  }

  /// The mistake that the computed value shows by `test`: where only some entries tell.
  public init(
    _ diagnosis: String, zh chineseDiagnosis: String,
    where test: @escaping @Sendable (Matrix) -> Bool
  ) {
    self.diagnosis = diagnosis
    self.chineseDiagnosis = chineseDiagnosis
    self.matches = test
  }

  /// The line a failure starts with when `computed` is what one or more mistakes give: each
  /// matching diagnosis, so that a value two mistakes explain names both. Nil when none
  /// matches (or `computed` is a placeholder), and the expected | computed grid stands alone.
  public static func diagnosis(of computed: Matrix, among mistakes: [KnownMistake]) -> String? {
    guard !computed.isPlaceholder else { return nil }
    return naming(mistakes.filter { $0.matches(computed) }.map(\.text))
  }

  /// "probably: d" for one diagnosis, "probably one of: d1; or d2" for several, nil for none;
  /// in Chinese "可能是：d" and "可能是以下之一：d1；或 d2". The diagnoses come in the same
  /// language (``text``).
  public static func naming(_ diagnoses: [String]) -> String? {
    switch diagnoses.count {
    case 0: return nil
    case 1: return said("probably: ", "可能是：") + diagnoses[0]
    default:
      return said("probably one of: ", "可能是以下之一：")
        + diagnoses.joined(separator: said("; or ", "；或 "))
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
  let named = KnownMistake.diagnosis(of: computed, among: mistakes).map { "\($0)\n" } ?? ""
  // A named mistake says what the value is; no relation besides it.
  let failures = Relation.$quiet.withValue(!named.isEmpty) {
    capturingFailures {
      _ = expectMatrix(computed, equals: expected, tolerance: tolerance, context)
    }
  }
  guard let failure = failures.first else { return true }
  fail(named + failure, sourceLocation: sourceLocation)
  return false
}

/// A known mistake in a function of integers, as the function it computes instead; said in
/// English and in Chinese as a ``KnownMistake`` is.
public struct KnownRuleMistake<Case>: Sendable {
  /// The diagnosis in English, which the catalog of mistakes matches.
  public let diagnosis: String
  /// The same diagnosis in Chinese.
  public let chineseDiagnosis: String
  public let rule: @Sendable (Case) -> Int

  /// The diagnosis in the language failures are written in now.
  public var text: String { said(diagnosis, chineseDiagnosis) }

  public init(
    _ diagnosis: String, zh chineseDiagnosis: String, _ rule: @escaping @Sendable (Case) -> Int
  ) {
    self.diagnosis = diagnosis
    self.chineseDiagnosis = chineseDiagnosis
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
  var message = KnownMistake.naming(explained.map(\.text)).map { $0 + "\n" } ?? ""
  message += said(
    "\(describe(cases[first])): expected \(expected(cases[first])), computed \(values[first])",
    "\(describe(cases[first]))：应为 \(expected(cases[first]))，算出 \(values[first])")
  if wrong.count > 1 {
    message += said(
      " (and \(wrong.count - 1) more of \(cases.count) cases)",
      "（共 \(cases.count) 个情形，另有 \(wrong.count - 1) 个也不对）")
  }
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
    first
      + (problems.count > 1
        ? said(" (and \(problems.count - 1) more)", "（另有 \(problems.count - 1) 处）") : ""),
    sourceLocation: sourceLocation)
  return false
}
