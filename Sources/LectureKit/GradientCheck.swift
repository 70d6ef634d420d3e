/// The gradient of `f` at `x` by central differences, entry by entry:
///
/// ```
/// ∂f/∂x_ij ≈ (f(x + h e_ij) - f(x - h e_ij)) / (2h)
/// ```
/// The check every backward pass of the package is held to (CS231n's gradient check).
/// - Complexity: 2 · `x.count` evaluations of `f`.
public func numericalGradient(
  of f: (Matrix) -> Double, at x: Matrix, step h: Double = 1e-5
) -> Matrix {
  if x.isPlaceholder { return x }
  var gradient = Matrix(rows: x.rows, columns: x.columns)
  var probe = x
  for index in x.elements.indices {
    let original = probe.elements[index]
    probe.elements[index] = original + h
    let above = f(probe)
    probe.elements[index] = original - h
    let below = f(probe)
    probe.elements[index] = original
    gradient.elements[index] = (above - below) / (2 * h)
  }
  return gradient
}

/// The norm-wise relative error of two results:
///
/// ```
/// relError(a, b) = ‖a - b‖ / max(1e-8, ‖a‖ + ‖b‖)
/// ```
/// with Euclidean norms over all entries. A correct backward pass reaches about 1e-9 against
/// ``numericalGradient(of:at:step:)``; the tests ask for less than 1e-7. (The per-entry relative
/// error is too strict where single entries are tiny.)
///
/// - Returns: NaN when the two cannot be compared: a placeholder, or different shapes. NaN fails
///   every `<` test, so an unwritten or misshapen gradient never passes a check.
/// - Complexity: O(rows · columns).
public func relError(_ a: Matrix, _ b: Matrix) -> Double {
  guard !a.isPlaceholder, !b.isPlaceholder, a.shape == b.shape else { return .nan }
  return (a - b).norm() / max(1e-8, a.norm() + b.norm())
}
