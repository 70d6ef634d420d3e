/// A dense matrix of `Double`, stored row by row.
///
/// Every chapter computes with this one type: images, kernels, feature maps, weight matrices,
/// and column vectors (n × 1) such as the activations `a^l` of the backprop notes.
///
/// A matrix returned by an unwritten exercise is a *placeholder*: it carries the name and the
/// file of that exercise in ``unwritten``, compares unequal to everything (itself included), and
/// passes its mark on through arithmetic, so a test reports "`correlate2D` in
/// Exercises/Convolution/Correlation.swift is not written yet" instead of a wrong number.
public struct Matrix: Sendable {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int
  /// The entries, row by row: entry (i, j) is `elements[i * columns + j]`.
  public var elements: [Double]
  /// Set when this matrix stands for the result of an exercise that is not written yet.
  public let unwritten: Unwritten?

  /// A `rows` × `columns` matrix with every entry equal to `value`.
  ///
  /// - Precondition: `rows >= 0` and `columns >= 0`.
  /// - Complexity: O(rows · columns).
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    self.init(
      rows: rows, columns: columns,
      elements: Array(repeating: value, count: max(0, rows) * max(0, columns)))
  }

  /// A `rows` × `columns` matrix with the given entries, row by row.
  ///
  /// - Precondition: `elements.count == rows * columns`.
  public init(rows: Int, columns: Int, elements: [Double]) {
    let problem =
      rows < 0 || columns < 0
      ? "a matrix needs non-negative sizes, not \(rows) x \(columns)"
      : elements.count != rows * columns
        ? "a \(rows) x \(columns) matrix needs \(rows * columns) entries, not \(elements.count)"
        : nil
    if let mark = refusal(problem, in: "") {
      self = Matrix(placeholder: mark)
      return
    }
    self.rows = rows
    self.columns = columns
    self.elements = elements
    self.unwritten = nil
  }

  /// A matrix whose entry (i, j) is `entry(i, j)`.
  ///
  /// - Complexity: O(rows · columns) calls of `entry`.
  public init(rows: Int, columns: Int, entry: (Int, Int) -> Double) {
    var elements: [Double] = []
    elements.reserveCapacity(max(0, rows * columns))
    for i in 0..<max(0, rows) {
      for j in 0..<max(0, columns) { elements.append(entry(i, j)) }
    }
    self.init(rows: rows, columns: columns, elements: elements)
  }

  /// A matrix from its rows.
  ///
  /// - Precondition: every row has the same number of entries.
  /// - Complexity: O(rows · columns).
  public init(_ rowArrays: [[Double]]) {
    let width = rowArrays.first?.count ?? 0
    for (index, row) in rowArrays.enumerated() {
      require(
        row.count == width,
        "row \(index) has \(row.count) entries but row 0 has \(width): rows must be equally long")
    }
    self.init(rows: rowArrays.count, columns: width, elements: rowArrays.flatMap { $0 })
  }

  /// A column vector (n × 1).
  public init(column values: [Double]) {
    self.init(rows: values.count, columns: 1, elements: values)
  }

  /// A placeholder for the result of an unwritten exercise: no entries, and the mark.
  init(placeholder mark: Unwritten) {
    self.rows = 0
    self.columns = 0
    self.elements = []
    self.unwritten = mark
  }

  /// `(rows, columns)`.
  public var shape: Shape { Shape(rows: rows, columns: columns) }

  /// The number of entries.
  public var count: Int { elements.count }

  /// Entry (i, j), counted from zero.
  ///
  /// - Precondition: `0 <= i < rows` and `0 <= j < columns`.
  ///
  /// On a student's exercises an index outside the matrix does not stop the run
  /// (``refusal(_:in:)``): reading it gives NaN, and writing it turns the matrix into a
  /// placeholder that says which index, so the test that reached it fails and the others run.
  public subscript(i: Int, j: Int) -> Double {
    get {
      guard i >= 0 && i < rows && j >= 0 && j < columns else {
        _ = refusal(
          unwritten == nil ? "index (\(i), \(j)) is outside a \(rows) x \(columns) matrix" : nil,
          in: "")
        return .nan
      }
      return elements[i * columns + j]
    }
    set {
      guard i >= 0 && i < rows && j >= 0 && j < columns else {
        if unwritten == nil,
          let mark = refusal("index (\(i), \(j)) is outside a \(rows) x \(columns) matrix", in: "")
        {
          self = Matrix(placeholder: mark)
        }
        return
      }
      elements[i * columns + j] = newValue
    }
  }

  /// The rows as arrays.
  public var rowArrays: [[Double]] {
    (0..<rows).map { i in Array(elements[(i * columns)..<((i + 1) * columns)]) }
  }
}

/// The size of a matrix, printed as `rows x columns`.
public struct Shape: Sendable, Hashable, CustomStringConvertible {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }

  public var description: String { "\(rows) x \(columns)" }
}

extension Matrix: ExpressibleByArrayLiteral {
  /// `[[1, 2], [3, 4]]` is the 2 × 2 matrix with rows (1, 2) and (3, 4).
  ///
  /// - Complexity: O(rows · columns).
  public init(arrayLiteral rowArrays: [Double]...) {
    self.init(rowArrays)
  }
}

extension Matrix: Equatable {
  /// Exact equality of shape and entries. A placeholder equals nothing, not even itself.
  ///
  /// - Complexity: O(rows · columns).
  public static func == (lhs: Matrix, rhs: Matrix) -> Bool {
    guard lhs.unwritten == nil, rhs.unwritten == nil else { return false }
    return lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.elements == rhs.elements
  }
}
