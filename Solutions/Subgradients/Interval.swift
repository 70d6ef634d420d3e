import LectureKit

/// A closed interval [lower, upper] of real numbers: the subdifferential of a convex function of
/// one variable at a point.
///
/// ```
/// ∂h(v) = { g | h(u) >= h(v) + g (u - v) for all u }
/// ```
/// For a convex h of one variable this set is always a closed interval: the single derivative
/// where h is differentiable, the slopes between the left and the right derivative at a kink.
///
/// Lecture: `004`, section 2.2, the note on subdifferentials [E6.5].
public struct Interval: Sendable, Equatable, CustomStringConvertible, Placeholding {
  /// The smallest subgradient.
  public let lower: Double
  /// The largest subgradient.
  public let upper: Double
  /// Set when this interval stands for the result of an unwritten exercise.
  public let unwritten: Unwritten?

  /// The interval [lower, upper].
  ///
  /// - Precondition: `lower <= upper`, both finite.
  public init(_ lower: Double, _ upper: Double) {
    precondition(
      lower.isFinite && upper.isFinite && lower <= upper,
      "an interval [lower, upper] needs finite bounds with lower <= upper, not [\(lower), \(upper)]"
    )
    self.init(lower, upper, unwritten: nil)
  }

  /// The single point {g}: the subdifferential where the function is differentiable.
  public init(point g: Double) {
    self.init(g, g)
  }

  private init(_ lower: Double, _ upper: Double, unwritten: Unwritten?) {
    self.lower = lower
    self.upper = upper
    self.unwritten = unwritten
  }

  /// NaN bounds, which contain nothing and equal nothing.
  public static func placeholder(_ mark: Unwritten) -> Interval {
    Interval(.nan, .nan, unwritten: mark)
  }

  /// Whether `g` lies in the interval: `lower <= g <= upper`.
  public func contains(_ g: Double) -> Bool {
    lower <= g && g <= upper
  }

  /// Whether the interval is a single point (the function is differentiable there).
  public var isPoint: Bool { lower == upper }

  public var description: String {
    if let unwritten { return "(placeholder: \(unwritten))" }
    return "[\(lower), \(upper)]"
  }

  /// Exact equality of the bounds; a placeholder equals nothing.
  public static func == (lhs: Interval, rhs: Interval) -> Bool {
    lhs.unwritten == nil && rhs.unwritten == nil && lhs.lower == rhs.lower
      && lhs.upper == rhs.upper
  }
}

/// An affine function of one variable, `h(v) = slope · v + intercept`.
public struct AffineFunction: Sendable, Equatable, CustomStringConvertible {
  public let slope: Double
  public let intercept: Double

  public init(slope: Double, intercept: Double) {
    self.slope = slope
    self.intercept = intercept
  }

  /// `slope · v + intercept`.
  public func callAsFunction(_ v: Double) -> Double {
    slope * v + intercept
  }

  public var description: String { "\(slope) v + \(intercept)" }
}
