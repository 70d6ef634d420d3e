import LectureKit
import TestSupport
import Testing

/// Measures of masks and dropout outputs that the chapter's tests share. Given test code: none
/// of it is an exercise, and each returns NaN or false for a placeholder instead of trapping.
enum MaskMeasures {
  /// The fraction of entries that are exactly 0; NaN for a placeholder or an empty matrix.
  static func fractionZero(_ matrix: Matrix) -> Double {
    guard !matrix.isPlaceholder, matrix.count > 0 else { return .nan }
    return Double(matrix.elements.filter { $0 == 0 }.count) / Double(matrix.count)
  }

  /// The mean of the entries; NaN for a placeholder or an empty matrix.
  static func mean(_ matrix: Matrix) -> Double {
    guard !matrix.isPlaceholder, matrix.count > 0 else { return .nan }
    return matrix.sum() / Double(matrix.count)
  }

  /// Whether every entry is 0 or 1 (false for a placeholder).
  static func isZeroOne(_ matrix: Matrix) -> Bool {
    !matrix.isPlaceholder && matrix.elements.allSatisfy { $0 == 0 || $0 == 1 }
  }

  /// The fraction of neighbouring columns (examples) that disagree, entry by entry: about
  /// 2p(1 - p) for independent masks, 0 when one mask is reused for every example.
  static func columnDisagreement(_ mask: Matrix) -> Double {
    guard !mask.isPlaceholder, mask.columns > 1, mask.rows > 0 else { return .nan }
    var differ = 0
    for i in 0..<mask.rows {
      for j in 1..<mask.columns where mask[i, j] != mask[i, j - 1] { differ += 1 }
    }
    return Double(differ) / Double(mask.rows * (mask.columns - 1))
  }

  /// The same for neighbouring rows (units): 0 when a whole example is kept or dropped at once.
  static func rowDisagreement(_ mask: Matrix) -> Double {
    columnDisagreement(mask.transposed())
  }

  /// A seeded 500 x 500 input of values between 9 and 11 (around 10), drawn straight from the
  /// generator's bits: `Matrix.random` is generic, and in a debug build it takes a quarter of a
  /// second for 250,000 values, this a hundredth.
  static let largeInput: Matrix = {
    var generator = SeededGenerator(seed: 500)
    var values: [Double] = []
    values.reserveCapacity(500 * 500)
    for _ in 0..<(500 * 500) {
      let u = Double(generator.next() >> 11) * 0x1p-53  // uniform in [0, 1)
      values.append(9 + 2 * u)
    }
    return Matrix(rows: 500, columns: 500, elements: values)
  }()

  /// Expects `computed` to equal `expected` exactly, reporting a mismatch by count and first
  /// entry: `#expect(a == b)` or ``expectMatrix`` would print all 250,000 entries of both.
  @discardableResult
  static func expectUnchanged(
    _ computed: Matrix, _ expected: Matrix, _ context: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Bool {
    guard expectShape(computed, expected.shape, context, sourceLocation: sourceLocation) else {
      return false
    }
    let changed = expected.elements.indices.filter {
      computed.elements[$0] != expected.elements[$0]
    }
    guard let first = changed.first else { return true }
    fail(
      said(
        "\(context): \(changed.count) of \(expected.count) entries changed; entry \(first) is "
          + "\(computed.elements[first]) instead of \(expected.elements[first])",
        "\(context)：\(expected.count) 个元素中有 \(changed.count) 个变了；元素 \(first) 是 "
          + "\(computed.elements[first])，应为 \(expected.elements[first])"),
      sourceLocation: sourceLocation)
    return false
  }
}
