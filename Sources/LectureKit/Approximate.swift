extension Double {
  /// Whether two numbers agree within a tolerance, by swift-numerics' rule: equal if `==`;
  /// otherwise both finite and `|a - b| <= max(absoluteTolerance, relativeTolerance ·
  /// max(|a|, |b|))`. NaN agrees with nothing.
  public func isApproximatelyEqual(
    to other: Double, absoluteTolerance: Double, relativeTolerance: Double = 0
  ) -> Bool {
    if self == other { return true }
    guard isFinite, other.isFinite else { return false }
    let scale = Swift.max(magnitude, other.magnitude)
    return (self - other).magnitude <= Swift.max(absoluteTolerance, relativeTolerance * scale)
  }
}

extension Matrix {
  /// Whether two matrices have the same shape and agree entry by entry within the tolerances
  /// (see `Double.isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`). A placeholder
  /// agrees with nothing.
  ///
  /// - Complexity: O(rows · columns).
  public func isApproximatelyEqual(
    to other: Matrix, absoluteTolerance: Double, relativeTolerance: Double = 0
  ) -> Bool {
    guard !isPlaceholder, !other.isPlaceholder, shape == other.shape else { return false }
    return zip(elements, other.elements).allSatisfy {
      $0.isApproximatelyEqual(
        to: $1, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
    }
  }

  /// The first entry, in row-major order, where two matrices of one shape disagree beyond the
  /// tolerance, with both values; nil when they agree.
  ///
  /// - Complexity: O(rows · columns).
  public func firstDifference(
    from other: Matrix, absoluteTolerance: Double, relativeTolerance: Double = 0
  ) -> (row: Int, column: Int, value: Double, other: Double)? {
    guard shape == other.shape else { return nil }
    for index in elements.indices
    where !elements[index].isApproximatelyEqual(
      to: other.elements[index], absoluteTolerance: absoluteTolerance,
      relativeTolerance: relativeTolerance)
    {
      return (index / columns, index % columns, elements[index], other.elements[index])
    }
    return nil
  }
}
