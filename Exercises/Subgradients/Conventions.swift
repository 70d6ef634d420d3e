import LectureKit

/// The subgradient of the rectifier that backpropagation uses: its derivative away from 0, and
/// 0 at the kink.
///
/// ```
/// relu'(z) = 1 if z > 0, else 0
/// ```
/// Any number in [0, 1] is a subgradient at 0; the notes pick 0 "for convenience", as PyTorch
/// does. Written as `z >= 0 ? 1 : 0` it would pick 1, which is a subgradient too, but not the
/// convention, and it makes a unit at exactly 0 pass gradient.
///
/// Lecture: `004`, section 2.2 ("we can use any subgradient in the chain rule above, and for
/// convenience we pick 0") [E6.5].
public func reluSubgradient(_ z: Double) -> Double {
  // BEGIN EXERCISE reluSubgradient
  return .unwritten("reluSubgradient", in: #filePath)
  // END EXERCISE
}

/// The subgradient of the hinge loss `ℓ(z) = max(0, 1 - y z)` with respect to z that the notes
/// use: -y while the loss is positive, 0 otherwise, so 0 at margin exactly 1.
///
/// ```
/// ∂ℓ/∂z = -y if ℓ > 0 (y z < 1), else 0
/// ```
/// Lecture: `004`, section 2.2 (the case split "-y if ℓ(y, z) > 0, 0 otherwise") [E6.3].
/// - Precondition: `y` is +1 or -1.
public func hingeSubgradient(_ z: Double, label y: Double) -> Double {
  precondition(y == 1 || y == -1, "the hinge loss takes the label +1 or -1, not \(y)")
  // BEGIN EXERCISE hingeSubgradient
  return .unwritten("hingeSubgradient", in: #filePath)
  // END EXERCISE
}
