// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The notes name the weight matrices W^l and the number of layers L; the code keeps their names.
import LectureKit

/// The gradient of a loss with respect to every parameter of a network: `∂ℓ/∂W^l` and
/// `∂ℓ/∂b^l` for l = 2 ... L, each of the shape of its parameter.
///
/// `weights[0]` and `biases[0]` belong to layer 2; ``dW(_:)`` and ``db(_:)`` take the notes' l.
///
/// Lecture: `004`, section 3, step 5 ("Gradient").
public struct Gradients: Sendable, Placeholding {
  /// `∂ℓ/∂W^2 ... ∂ℓ/∂W^L`.
  public let weights: [Matrix]
  /// `∂ℓ/∂b^2 ... ∂ℓ/∂b^L`.
  public let biases: [Matrix]

  /// The gradients of layers 2 ... L, in order.
  ///
  /// - Precondition: one weight gradient and one bias gradient per layer.
  public init(dW: [Matrix], db: [Matrix]) {
    precondition(
      dW.count == db.count && !dW.isEmpty,
      "gradients need one dW and one db per layer, not \(dW.count) and \(db.count)")
    weights = dW
    biases = db
  }

  /// Zero gradients of the shapes of `network`'s parameters.
  ///
  /// - Complexity: O(P) for a network of P parameters.
  public static func zero(like network: Network) -> Gradients {
    if let mark = firstUnwritten(network) { return .placeholder(mark) }
    return Gradients(
      dW: network.layers.map { Matrix(rows: $0.W.rows, columns: $0.W.columns) },
      db: network.layers.map { Matrix(rows: $0.b.rows, columns: 1) })
  }

  public static func placeholder(_ mark: Unwritten) -> Gradients {
    Gradients(dW: .placeholder(mark), db: .placeholder(mark))
  }

  /// L: the number of layers, the input layer included.
  public var L: Int { weights.count + 1 }

  /// `∂ℓ/∂W^l`, for l = 2 ... L.
  ///
  /// - Complexity: O(L).
  public func dW(_ l: Int) -> Matrix {
    if isPlaceholder { return weights[0] }
    precondition((2...L).contains(l), "there is no ∂ℓ/∂W^\(l): these are layers 2 ... \(L)")
    return weights[l - 2]
  }

  /// `∂ℓ/∂b^l`, for l = 2 ... L.
  ///
  /// - Complexity: O(L).
  public func db(_ l: Int) -> Matrix {
    if isPlaceholder { return biases[0] }
    precondition((2...L).contains(l), "there is no ∂ℓ/∂b^\(l): these are layers 2 ... \(L)")
    return biases[l - 2]
  }

  /// The sum, layer by layer.
  ///
  /// - Precondition: both have the same layers (unless one is a placeholder).
  /// - Complexity: O(P) for gradients of P parameters.
  public static func + (lhs: Gradients, rhs: Gradients) -> Gradients {
    if let mark = firstUnwritten(lhs, rhs) { return .placeholder(mark) }
    precondition(
      lhs.weights.count == rhs.weights.count,
      "adding gradients of \(lhs.weights.count) and \(rhs.weights.count) layers")
    return Gradients(
      dW: zip(lhs.weights, rhs.weights).map { $0 + $1 },
      db: zip(lhs.biases, rhs.biases).map { $0 + $1 })
  }

  /// Every gradient multiplied by `scalar`.
  ///
  /// - Complexity: O(P) for gradients of P parameters.
  public static func * (scalar: Double, gradients: Gradients) -> Gradients {
    if let mark = firstUnwritten(gradients) { return .placeholder(mark) }
    return Gradients(
      dW: gradients.weights.map { scalar * $0 }, db: gradients.biases.map { scalar * $0 })
  }

  /// Every gradient divided by `scalar`.
  ///
  /// - Complexity: O(P) for gradients of P parameters.
  public static func / (gradients: Gradients, scalar: Double) -> Gradients {
    (1 / scalar) * gradients
  }
}
