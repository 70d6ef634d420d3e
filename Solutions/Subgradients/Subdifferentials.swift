import LectureKit

/// The subdifferential of the rectifier `max(0, v)` at v.
///
/// ```
/// ∂ max(0, ·)(v) = {0}      for v < 0
///                  [0, 1]   at v = 0
///                  {1}      for v > 0
/// ```
/// Lecture: `004`, section 2.2 ("convince yourself that 0 is one of the subgradients of the
/// ReLU") [E6.5].
public func reluSubdifferential(at v: Double) -> Interval {
  // BEGIN EXERCISE reluSubdifferential
  if v < 0 { return Interval(point: 0) }
  if v > 0 { return Interval(point: 1) }
  return Interval(0, 1)
  // END EXERCISE
}

/// The subdifferential of the absolute value `|v|` at v.
///
/// ```
/// ∂|·|(v) = {-1}      for v < 0
///           [-1, 1]   at v = 0
///           {1}       for v > 0
/// ```
/// Lecture: `004`, section 2.2 (the definition of the subdifferential) [E6.5].
public func absoluteValueSubdifferential(at v: Double) -> Interval {
  // BEGIN EXERCISE absoluteValueSubdifferential
  if v < 0 { return Interval(point: -1) }
  if v > 0 { return Interval(point: 1) }
  return Interval(-1, 1)
  // END EXERCISE
}

/// The subdifferential of the hinge loss `ℓ(z) = max(0, 1 - y z)` as a function of the output z,
/// for the label y = ±1.
///
/// ```
/// ∂ℓ(z) = {-y}                       where y z < 1 (the loss is active)
///         between -y and 0, closed   where y z = 1 (the kink)
///         {0}                        where y z > 1
/// ```
/// Lecture: `004`, section 2.2 (the hinge loss ℓ(y, z) = max(0, 1 - yz) and its kink) [E6.5].
/// - Precondition: `y` is +1 or -1.
public func hingeSubdifferential(at z: Double, label y: Double) -> Interval {
  precondition(y == 1 || y == -1, "the hinge loss takes the label +1 or -1, not \(y)")
  // BEGIN EXERCISE hingeSubdifferential
  let margin = y * z
  if margin < 1 { return Interval(point: -y) }
  if margin > 1 { return Interval(point: 0) }
  return Interval(min(-y, 0), max(-y, 0))
  // END EXERCISE
}

/// The subdifferential of the maximum of two affine functions,
/// `h(v) = max(first(v), second(v))`, at v.
///
/// ```
/// ∂h(v) = {slope of the larger one}                   where one is larger
///         [min(slope_1, slope_2), max(slope_1, slope_2)]   where they cross
/// ```
/// At a crossing every slope between the two supports h from below: the lines through the kink
/// with those slopes stay under both pieces.
///
/// Lecture: `004`, section 2.2 (subdifferentials of convex functions) [E6.5].
public func maxAffineSubdifferential(
  _ first: AffineFunction, _ second: AffineFunction, at v: Double
) -> Interval {
  // BEGIN EXERCISE maxAffineSubdifferential
  let a = first(v)
  let b = second(v)
  if a > b { return Interval(point: first.slope) }
  if b > a { return Interval(point: second.slope) }
  return Interval(min(first.slope, second.slope), max(first.slope, second.slope))
  // END EXERCISE
}
