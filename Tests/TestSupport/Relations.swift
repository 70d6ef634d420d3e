import Foundation
import LectureKit

/// What a wrong result is, when no catalogued mistake explains it but a simple transformation
/// of the expected value does: transposed, turned by 180°, flipped on one axis, shifted by one
/// row or column, negated, scaled or offset by a constant, right on some rows or columns only,
/// right in its first row or column only (a loop that did its first step alone), one row or
/// column short or long. Every expectation of a matrix or a number says it, in the run's
/// language, after its first line; a named mistake ("probably: ...") goes without it.
///
/// Each relation is checked on every entry, to the tolerance of the expectation (and a relative
/// 1e-9), before it is said: it describes the value, it does not guess a cause.
public enum Relation {
  /// Set while a named mistake already explains the value: then no relation is said.
  @TaskLocal static var quiet = false

  /// The relation of `computed` to `expected`, as a line to show, or nil.
  public static func of(_ computed: Matrix, _ expected: Matrix, tolerance: Double) -> String? {
    guard !quiet, !computed.elements.isEmpty, !expected.elements.isEmpty,
      computed.elements.allSatisfy(\.isFinite), expected.elements.allSatisfy(\.isFinite)
    else { return nil }
    let close = { (a: Double, b: Double) in
      abs(a - b) <= tolerance + 1e-9 * max(abs(a), abs(b))
    }
    func equal(_ a: Matrix, _ b: Matrix) -> Bool {
      a.shape == b.shape && zip(a.elements, b.elements).allSatisfy(close)
    }
    guard !equal(computed, expected) else { return nil }
    let (rows, columns) = (expected.rows, expected.columns)
    func line(_ english: String, _ chinese: String) -> String {
      said("what was computed is the expected matrix " + english, "算出的结果是应为的矩阵" + chinese)
    }
    guard computed.shape == expected.shape else {
      if computed.rows == columns && computed.columns == rows
        && equal(computed, expected.transposed())
      {
        return line("transposed", "转置")
      }
      if computed.rows <= rows && computed.columns <= columns
        && equal(computed, block(expected, computed.rows, computed.columns))
      {
        return line(
          "without its last \(rows - computed.rows) row(s) and \(columns - computed.columns) "
            + "column(s)",
          "少了最后 \(rows - computed.rows) 行、\(columns - computed.columns) 列")
      }
      if computed.rows >= rows && computed.columns >= columns
        && equal(block(computed, rows, columns), expected)
      {
        return line(
          "with \(computed.rows - rows) extra row(s) and \(computed.columns - columns) extra "
            + "column(s) at the end",
          "末尾多了 \(computed.rows - rows) 行、\(computed.columns - columns) 列")
      }
      return nil
    }
    let size = rows * columns
    if size > 1 {
      if rows == columns, equal(computed, expected.transposed()) {
        return line("transposed", "转置")
      }
      if equal(computed, map(expected) { expected[rows - 1 - $0, columns - 1 - $1] }) {
        return line("turned by 180°", "旋转 180°")
      }
      if rows > 1, equal(computed, map(expected) { expected[rows - 1 - $0, $1] }) {
        return line("flipped upside down (its rows in reverse order)", "上下翻转（行的顺序反了）")
      }
      if columns > 1, equal(computed, map(expected) { expected[$0, columns - 1 - $1] }) {
        return line("flipped left to right (its columns in reverse order)", "左右翻转（列的顺序反了）")
      }
    }
    let scale = expected.elements.map(abs).max() ?? 0
    if scale > tolerance {
      if equal(computed, expected.map { -$0 }) { return line("negated", "取负") }
      if let pivot = expected.elements.indices.max(by: {
        abs(expected.elements[$0]) < abs(expected.elements[$1])
      }) {
        let factor = computed.elements[pivot] / expected.elements[pivot]
        if factor.isFinite, !close(factor, 1), equal(computed, expected.map { $0 * factor }),
          let written = fraction(factor)
        {
          return line("times \(written)", "乘以 \(written)")
        }
      }
    }
    if size > 1 {
      let offset = computed.elements[0] - expected.elements[0]
      if !close(offset, 0), equal(computed, expected.map { $0 + offset }) {
        let written = fraction(offset) ?? "\(offset)"
        return line("plus \(written) in every entry", "每个元素都加了 \(written)")
      }
    }
    // Shifted by one row or column: the overlap agrees, the rest does not matter.
    if rows > 1 {
      if agrees(computed, expected, rowShift: 1, columnShift: 0, close) {
        return line("shifted down by one row", "下移了一行")
      }
      if agrees(computed, expected, rowShift: -1, columnShift: 0, close) {
        return line("shifted up by one row", "上移了一行")
      }
    }
    if columns > 1 {
      if agrees(computed, expected, rowShift: 0, columnShift: 1, close) {
        return line("shifted right by one column", "右移了一列")
      }
      if agrees(computed, expected, rowShift: 0, columnShift: -1, close) {
        return line("shifted left by one column", "左移了一列")
      }
    }
    // Right on part of it only.
    var wrongRows: [Int] = []
    var wrongColumns: Set<Int> = []
    for i in 0..<rows {
      var rowWrong = false
      for j in 0..<columns where !close(computed[i, j], expected[i, j]) {
        rowWrong = true
        wrongColumns.insert(j)
      }
      if rowWrong { wrongRows.append(i) }
    }
    guard !wrongRows.isEmpty, size > 1 else { return nil }
    if wrongRows.count == 1 && wrongColumns.count == 1 {
      return said(
        "only entry (\(wrongRows[0]), \(wrongColumns.first!)) is wrong; the others are right",
        "只有元素 (\(wrongRows[0]), \(wrongColumns.first!)) 不对，其余都对")
    }
    if rows > 2, wrongRows == Array(1..<rows) {
      return said(
        "only its first row is right: as if a loop did its first step alone",
        "只有第一行是对的：像是循环只做对了第一步")
    }
    if columns > 2, wrongColumns == Set(1..<columns), wrongRows.count == rows {
      return said(
        "only its first column is right: as if a loop did its first step alone",
        "只有第一列是对的：像是循环只做对了第一步")
    }
    if wrongRows.count < rows {
      let listed =
        wrongRows.prefix(6).map(String.init).joined(separator: ", ")
        + (wrongRows.count > 6 ? ", ..." : "")
      return said(
        "rows \(listed) are wrong; the other rows are right", "第 \(listed) 行不对，其余行都对")
    }
    if wrongColumns.count < columns {
      let sorted = wrongColumns.sorted()
      let listed =
        sorted.prefix(6).map(String.init).joined(separator: ", ")
        + (sorted.count > 6 ? ", ..." : "")
      return said(
        "columns \(listed) are wrong; the other columns are right",
        "第 \(listed) 列不对，其余列都对")
    }
    return nil
  }

  /// The relation of a computed number to the expected one: negated, a simple multiple, or one
  /// off.
  public static func of(_ computed: Double, _ expected: Double, tolerance: Double) -> String? {
    guard !quiet, computed.isFinite, expected.isFinite, abs(expected) > tolerance else {
      return nil
    }
    let close = { (a: Double, b: Double) in
      abs(a - b) <= tolerance + 1e-9 * max(abs(a), abs(b))
    }
    guard !close(computed, expected) else { return nil }
    if close(computed, -expected) {
      return said("what was computed is the expected value negated", "算出的结果是应为的值取负")
    }
    for step in [1.0, -1.0] where close(computed, expected + step) {
      return said(
        "what was computed is one \(step > 0 ? "more" : "less") than expected",
        "算出的结果比应为的值\(step > 0 ? "多" : "少") 1")
    }
    let factor = computed / expected
    if !close(factor, 1), factor != 0, let written = fraction(factor, largest: 12) {
      return said(
        "what was computed is the expected value times \(written)", "算出的结果是应为的值乘以 \(written)")
    }
    return nil
  }

  /// `value` as an integer or a fraction p/q with q at most `largest`, or nil.
  static func fraction(_ value: Double, largest: Int = 64) -> String? {
    for denominator in 1...largest {
      let numerator = (value * Double(denominator)).rounded()
      guard abs(numerator) <= 10_000,
        abs(numerator / Double(denominator) - value) <= 1e-9 * max(1, abs(value))
      else { continue }
      let n = Int(numerator)
      return denominator == 1 ? "\(n)" : "\(n)/\(denominator)"
    }
    return nil
  }

  private static func map(_ m: Matrix, _ entry: (Int, Int) -> Double) -> Matrix {
    var result = Matrix(rows: m.rows, columns: m.columns)
    for i in 0..<m.rows {
      for j in 0..<m.columns { result[i, j] = entry(i, j) }
    }
    return result
  }

  private static func block(_ m: Matrix, _ rows: Int, _ columns: Int) -> Matrix {
    map(Matrix(rows: rows, columns: columns)) { m[$0, $1] }
  }

  /// Whether `computed[i + r, j + c] == expected[i, j]` wherever both exist, with at least half
  /// of the entries in the overlap, and the two not equal outright.
  private static func agrees(
    _ computed: Matrix, _ expected: Matrix, rowShift r: Int, columnShift c: Int,
    _ close: (Double, Double) -> Bool
  ) -> Bool {
    var overlap = 0
    for i in 0..<expected.rows {
      for j in 0..<expected.columns {
        let (k, l) = (i + r, j + c)
        guard k >= 0, k < computed.rows, l >= 0, l < computed.columns else { continue }
        guard close(computed[k, l], expected[i, j]) else { return false }
        overlap += 1
      }
    }
    // A constant matrix agrees with itself shifted: that says nothing.
    let varied = Set(expected.elements.map { ($0 * 1e6).rounded() }).count > 1
    return varied && overlap * 2 >= expected.elements.count
  }
}
