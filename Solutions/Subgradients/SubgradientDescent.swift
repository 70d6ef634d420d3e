import LectureKit

/// The step size η_t of step t = 0, 1, 2, ... of a descent.
///
/// ```
/// constant(η)      η_t = η
/// diminishing(η)   η_t = η / √(t + 1)
/// ```
/// A subgradient need not shrink near the minimum (|v| has slope ±1 right up to 0), so with a
/// constant step the iterates keep jumping across the minimum by about η. Steps that shrink to 0
/// while their sum grows without bound reach it.
public enum StepSize: Sendable, Equatable, CustomStringConvertible {
  case constant(Double)
  case diminishing(Double)

  /// η_t.
  public func at(_ t: Int) -> Double {
    switch self {
    case .constant(let eta): eta
    case .diminishing(let eta): eta / Double(t + 1).squareRoot()
    }
  }

  public var description: String {
    switch self {
    case .constant(let eta): "constant \(eta)"
    case .diminishing(let eta): "\(eta) / √(t + 1)"
    }
  }
}

/// Subgradient descent on a convex function of one variable, from `start`, for `steps` steps.
///
/// ```
/// v_0 = start,    v_(t+1) = v_t - η_t g(v_t)      g(v): one subgradient of h at v
/// ```
/// - Returns: the iterates v_0, v_1, ..., v_steps (`steps + 1` numbers).
///
/// Lecture: `004`, section 2.2 (SGD, update (3), with a subgradient in place of the gradient).
/// - Precondition: `steps >= 0`.
/// - Complexity: O(steps): `steps` evaluations of `g`.
public func subgradientDescent(
  from start: Double, steps: Int, stepSize: StepSize, subgradient g: (Double) -> Double
) -> [Double] {
  precondition(steps >= 0, "the number of steps must be at least 0, not \(steps)")
  // BEGIN EXERCISE subgradientDescent
  var v = start
  var iterates = [v]
  for t in 0..<steps {
    v -= stepSize.at(t) * g(v)
    iterates.append(v)
  }
  return iterates
  // END EXERCISE
}
