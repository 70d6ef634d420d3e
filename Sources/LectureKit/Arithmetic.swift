/// Arithmetic on matrices. An operation with a placeholder operand returns that placeholder
/// (rather than stopping on a shape mismatch), so an unwritten exercise shows up as "not
/// written yet" wherever its result ends up. Shapes that do not match stop the reference; on a
/// student's exercises they give a failing result that says so (``refusal(_:in:)``).
extension Matrix {
  /// Applies `transform` to every entry.
  ///
  /// - Complexity: O(rows · columns).
  public func map(_ transform: (Double) -> Double) -> Matrix {
    if unwritten != nil { return self }
    return Matrix(rows: rows, columns: columns, elements: elements.map(transform))
  }

  /// Combines two matrices of the same shape entry by entry.
  ///
  /// - Precondition: both have the same shape.
  /// - Complexity: O(rows · columns).
  public func zipMap(_ other: Matrix, _ combine: (Double, Double) -> Double) -> Matrix {
    let mismatch =
      "entry-by-entry operation on a \(shape) and a \(other.shape) matrix: shapes must match"
    if let mark = firstUnwritten(self, other)
      ?? refusal(shape == other.shape ? nil : mismatch, in: "")
    {
      return .placeholder(mark)
    }
    // An index loop rather than zip(...).map: the same result, several times faster in the
    // debug builds that tests run in.
    var result = self
    for index in elements.indices {
      result.elements[index] = combine(elements[index], other.elements[index])
    }
    return result
  }

  /// The transpose: entry (i, j) becomes entry (j, i).
  ///
  /// - Complexity: O(rows · columns).
  public func transposed() -> Matrix {
    if unwritten != nil { return self }
    return Matrix(rows: columns, columns: rows) { i, j in self[j, i] }
  }

  /// The sum of all entries.
  ///
  /// - Complexity: O(rows · columns).
  public func sum() -> Double {
    if unwritten != nil { return .nan }
    return elements.reduce(0, +)
  }

  /// The Euclidean (Frobenius) norm: the square root of the sum of squared entries.
  ///
  /// - Complexity: O(rows · columns).
  public func norm() -> Double {
    if unwritten != nil { return .nan }
    return elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }

  /// The entry-by-entry (Hadamard) product.
  ///
  /// - Complexity: O(rows · columns).
  public func hadamard(_ other: Matrix) -> Matrix { zipMap(other, *) }

  /// The entry-by-entry sum.
  ///
  /// - Complexity: O(rows · columns).
  public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zipMap(rhs, +) }
  /// The entry-by-entry difference.
  ///
  /// - Complexity: O(rows · columns).
  public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.zipMap(rhs, -) }
  /// Every entry negated.
  ///
  /// - Complexity: O(rows · columns).
  public static prefix func - (matrix: Matrix) -> Matrix { matrix.map { -$0 } }
  /// Every entry multiplied by `scalar`.
  ///
  /// - Complexity: O(rows · columns).
  public static func * (scalar: Double, matrix: Matrix) -> Matrix { matrix.map { scalar * $0 } }
  /// Every entry multiplied by `scalar`.
  ///
  /// - Complexity: O(rows · columns).
  public static func * (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 * scalar } }
  /// Every entry divided by `scalar`.
  ///
  /// - Complexity: O(rows · columns).
  public static func / (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 / scalar } }
  /// Adds `rhs` to `lhs`, entry by entry.
  ///
  /// - Complexity: O(rows · columns).
  public static func += (lhs: inout Matrix, rhs: Matrix) { lhs = lhs + rhs }
  /// Subtracts `rhs` from `lhs`, entry by entry.
  ///
  /// - Complexity: O(rows · columns).
  public static func -= (lhs: inout Matrix, rhs: Matrix) { lhs = lhs - rhs }

  /// The matrix product.
  ///
  /// - Precondition: `lhs.columns == rhs.rows`.
  /// - Complexity: O(m · n · p) for an m × n `lhs` and an n × p `rhs`.
  public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    let mismatch = "matrix product of \(lhs.shape) and \(rhs.shape): the inner sizes must match"
    if let mark = firstUnwritten(lhs, rhs)
      ?? refusal(lhs.columns == rhs.rows ? nil : mismatch, in: "")
    {
      return .placeholder(mark)
    }
    var product = Matrix(rows: lhs.rows, columns: rhs.columns)
    for i in 0..<lhs.rows {
      for k in 0..<lhs.columns {
        let a = lhs.elements[i * lhs.columns + k]
        for j in 0..<rhs.columns {
          product.elements[i * rhs.columns + j] += a * rhs.elements[k * rhs.columns + j]
        }
      }
    }
    return product
  }
}
