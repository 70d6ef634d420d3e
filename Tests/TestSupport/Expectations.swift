import Foundation
import LectureKit
import Testing

/// Expects `computed` to have the shape of `expected` and to agree with it entry by entry to
/// `tolerance` (absolute). Never traps: a placeholder, a wrong shape or a wrong entry each
/// record one issue that shows what was expected and what was computed.
@discardableResult
public func expectMatrix(
  _ computed: Matrix, equals expected: Matrix, tolerance: Double = 1e-12,
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = contextPrefix(context)
  guard expectWritten(computed, context, sourceLocation: sourceLocation) else { return false }
  // A relation's expected side may come from another exercise: a stub there is named too.
  guard expectWritten(expected, context, sourceLocation: sourceLocation) else { return false }
  let relation = Relation.of(computed, expected, tolerance: tolerance).map { $0 + "\n" } ?? ""
  guard computed.shape == expected.shape else {
    fail(
      prefix
        + said(
          "expected a \(expected.shape) matrix, computed a \(computed.shape) one\n",
          "应为 \(expected.shape) 矩阵，算出的是 \(computed.shape) 矩阵\n")
        + relation + sideBySide(expected, computed),
      sourceLocation: sourceLocation)
    return false
  }
  if let difference = computed.firstDifference(from: expected, absoluteTolerance: tolerance) {
    // On a student's exercises a read outside a matrix gives NaN instead of stopping the run;
    // so do 0 / 0 and an overflowing exp. What was seen is said, with the causes that give it,
    // not one guessed cause.
    let nan =
      computed.elements.contains(where: { !$0.isFinite })
        && expected.elements.allSatisfy(\.isFinite)
      ? said(
        "NaN or infinite entries: an index outside a matrix, a 0 / 0, or exp of a large number "
          + "gives them\n",
        "出现了 NaN 或无穷大：读了矩阵范围以外的下标、算了 0 / 0，或者对很大的数取 exp，都会这样\n")
      : ""
    let (row, column) = (difference.row, difference.column)
    fail(
      prefix + nan
        + said(
          "entry (\(row), \(column)): expected \(difference.other), computed \(difference.value) "
            + "(tolerance \(tolerance))\n",
          "元素 (\(row), \(column))：应为 \(difference.other)，算出 \(difference.value)"
            + "（容差 \(tolerance)）\n")
        + relation + sideBySide(expected, computed),
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

/// Expects `computed` to print, in the slides' format, exactly as the slide does: one string
/// per row.
@discardableResult
public func expectSlide(
  _ computed: Matrix, prints lines: [String], _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = contextPrefix(context)
  guard expectWritten(computed, context, sourceLocation: sourceLocation) else { return false }
  let printed = computed.slideDescription
  let slide = lines.joined(separator: "\n")
  guard printed == slide else {
    fail(
      prefix
        + said(
          "the slide prints\n\(slide)\nbut the result prints\n\(printed)",
          "幻灯片上印的是\n\(slide)\n结果印出来是\n\(printed)"),
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

/// Expects a number to agree with the expected one within `tolerance` (absolute). NaN, a
/// stub's placeholder, never agrees.
@discardableResult
public func expectClose(
  _ computed: Double, _ expected: Double, tolerance: Double = 1e-12, _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard computed.isApproximatelyEqual(to: expected, absoluteTolerance: tolerance) else {
    let prefix = contextPrefix(context)
    let note = computed.isNaN ? said(" (NaN: is the exercise written yet?)", "（NaN：练习写完了吗？）") : ""
    let relation = Relation.of(computed, expected, tolerance: tolerance).map { "\n" + $0 } ?? ""
    fail(
      prefix
        + said(
          "expected \(expected), computed \(computed)\(note) (tolerance \(tolerance))",
          "应为 \(expected)，算出 \(computed)\(note)（容差 \(tolerance)）") + relation,
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

/// Expects an analytic gradient to agree with a numerical one: the norm-wise relative error
/// (``relError(_:_:)``) below `bound`.
@discardableResult
public func expectGradient(
  _ analytic: Matrix, matches numeric: Matrix, below bound: Double = 1e-7,
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = contextPrefix(context)
  guard expectWritten(analytic, context, sourceLocation: sourceLocation) else { return false }
  let error = relError(analytic, numeric)
  guard error < bound else {
    fail(
      prefix
        + said(
          "relative error \(error) is not below \(bound)\n",
          "相对误差 \(error) 没有小于 \(bound)\n")
        + sideBySide(
          numeric, analytic,
          titles: (said("numerical", "数值梯度"), said("analytic", "解析梯度"))),
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

/// Two matrices printed next to each other, under titles ("expected" | "computed" unless
/// given, 应为 | 算出 in Chinese), for failure messages.
public func sideBySide(
  _ left: Matrix, _ right: Matrix, titles: (String, String)? = nil
) -> String {
  let titles = titles ?? (said("expected", "应为"), said("computed", "算出"))
  // Large matrices are cut to their top-left corner: a failure message stays readable, and a
  // 500 x 500 mismatch does not write megabytes into the test log.
  let shown = 10
  func lines(_ matrix: Matrix) -> [String] {
    if matrix.isPlaceholder || matrix.count == 0 {
      return [said("(\(matrix.shape), no entries)", "（\(matrix.shape)，没有元素）")]
    }
    let cells = matrix.rowArrays.prefix(shown).map { row in
      row.prefix(shown).map { compact($0) } + (row.count > shown ? ["…"] : [])
    }
    let width = cells.flatMap { $0 }.map(columnsWide).max() ?? 0
    let rows = cells.map { row in
      row.map { pad($0, to: width, leading: true) }.joined(separator: " ")
    }
    return rows
      + (matrix.rows > shown || matrix.columns > shown
        ? [said("… (\(matrix.shape) in all)", "…（共 \(matrix.shape)）")] : [])
  }
  let a = [titles.0] + lines(left)
  let b = [titles.1] + lines(right)
  let width = a.map(columnsWide).max() ?? 0
  return (0..<max(a.count, b.count)).map { index in
    let first = index < a.count ? a[index] : ""
    let second = index < b.count ? b[index] : ""
    return pad(first, to: width, leading: false) + "   |   " + second
  }.joined(separator: "\n")
}

private func compact(_ value: Double) -> String {
  if value == value.rounded() && value.magnitude < 1e9 { return "\(Int(value))" }
  let text = "\(value)"
  return text.count > 10 ? String(text.prefix(10)) : text
}

private func pad(_ text: String, to width: Int, leading: Bool) -> String {
  let padding = String(repeating: " ", count: max(0, width - columnsWide(text)))
  return leading ? padding + text : text + padding
}

/// How many columns of a terminal `text` takes: two for a Chinese character or a full-width
/// sign, one for anything else, so that a grid under Chinese titles stays aligned.
func columnsWide(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { width, scalar in
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6:
      return width + 2
    default:
      return width + 1
    }
  }
}

/// "context: " before a failure's text ("context：" in Chinese), nothing without a context.
func contextPrefix(_ context: String) -> String {
  context.isEmpty ? "" : context + said(": ", "：")
}

/// Records one failure with a message built at run time.
public func fail(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
  if let captured = Captured.failures {
    captured.append(message)
    return
  }
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// Whether `value` is written: a stub's placeholder, or a value holding one, records one issue
/// that names the exercise to write ("`relu` in Exercises/... is not written yet") and returns
/// false. Every expectation helper starts with it.
@discardableResult
public func expectWritten(
  _ value: some Placeholding, _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  ReferenceTrackNotice.once(sourceLocation: sourceLocation)
  guard let mark = value.unwritten else { return true }
  fail(context.isEmpty ? "\(mark)" : "\(context): \(mark)", sourceLocation: sourceLocation)
  return false
}

/// The failures the helpers of this file report inside `body`, instead of recording them as
/// issues: how the helpers themselves are tested, without a test run that shows known issues.
public func capturingFailures(_ body: () -> Void) -> [String] {
  let captured = Captured()
  Captured.$failures.withValue(captured) { body() }
  return captured.messages
}

/// Where ``fail(_:sourceLocation:)`` puts its messages while ``capturingFailures(_:)`` runs.
final class Captured: @unchecked Sendable {
  @TaskLocal static var failures: Captured?
  private let lock = NSLock()
  private var list: [String] = []

  var messages: [String] { lock.withLock { list } }

  func append(_ message: String) {
    lock.withLock { list.append(message) }
  }
}

/// Expects `computed` to have `shape`; a placeholder fails with the name of its exercise.
@discardableResult
public func expectShape(
  _ computed: Matrix, _ shape: Shape, _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = contextPrefix(context)
  guard expectWritten(computed, context, sourceLocation: sourceLocation) else { return false }
  guard computed.shape == shape else {
    fail(
      prefix
        + said(
          "expected a \(shape) result, computed a \(computed.shape) one",
          "结果应为 \(shape)，算出的是 \(computed.shape)"),
      sourceLocation: sourceLocation)
    return false
  }
  return true
}
