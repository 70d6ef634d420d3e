import Foundation
import LectureKit

/// The activation function `f` of a layer, applied to every unit: `a^l = f(z^l)`.
///
/// ```
/// identity  f(z) = z
/// relu      f(z) = max(0, z)
/// sigmoid   f(z) = 1 / (1 + e^(-z))
/// tanh      f(z) = (e^z - e^(-z)) / (e^z + e^(-z))
/// ```
/// Lecture: `004`, Figure 1 (sigmoid, tanh and the rectifier) and section 2.1.
public enum Activation: String, Sendable, CaseIterable, CustomStringConvertible {
  case identity, relu, sigmoid, tanh

  public var description: String { rawValue }

  /// `f(z)`, entry by entry.
  ///
  /// - Complexity: O(entries of `z`).
  public func callAsFunction(_ z: Matrix) -> Matrix {
    switch self {
    case .identity: z
    case .relu: z.map { max(0, $0) }
    case .sigmoid: z.map { 1 / (1 + exp(-$0)) }
    case .tanh: z.map { Foundation.tanh($0) }
    }
  }

  /// `f'(z)`, entry by entry: the diagonal of `Diag[f'(z^l)]` in the delta recursion.
  ///
  /// ```
  /// identity  f'(z) = 1
  /// relu      f'(z) = 1 if z > 0, else 0     (0 at the kink z = 0, as the notes choose)
  /// sigmoid   f'(z) = f(z) (1 - f(z))
  /// tanh      f'(z) = 1 - f(z)^2
  /// ```
  /// The rectifier has no derivative at 0; any number in its subdifferential [0, 1] serves, and
  /// the notes (like PyTorch) pick 0.
  ///
  /// Lecture: `004`, section 3, step 3 and equation (4); section 2.2 on the choice at 0.
  /// - Complexity: O(entries of `z`).
  public func derivative(_ z: Matrix) -> Matrix {
    // BEGIN EXERCISE derivative
    switch self {
    case .identity:
      return z.map { _ in 1 }
    case .relu:
      return z.map { $0 > 0 ? 1 : 0 }
    case .sigmoid:
      return z.map { value in
        let s = 1 / (1 + exp(-value))
        return s * (1 - s)
      }
    case .tanh:
      return z.map { value in
        let t = Foundation.tanh(value)
        return 1 - t * t
      }
    }
    // END EXERCISE
  }
}
