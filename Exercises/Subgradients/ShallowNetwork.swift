// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The notes call the matrix of the weights w_ij W; the code keeps the name.
import LectureKit

/// The notes' network with one hidden layer of m ReLU units, a single linear output and the
/// hinge loss.
///
/// ```
/// z_j = Σ_i w_ij x_i + b_j         (input to hidden unit j, 1 <= j <= m)
/// f(z_j) = max(0, z_j)             (output of hidden unit j)
/// z = Σ_j w_j f(z_j) + b           (the network's output F(x; θ))
/// ℓ = max(0, 1 - y z)              (y = ±1)
/// ```
/// Lecture: `004`, section 2.2 "Learning the parameters" [E6.3].
public struct ShallowNetwork: Sendable, Equatable, Placeholding {
  /// w_ij, d x m: column j holds the incoming weights of hidden unit j.
  public let W: Matrix
  /// b_j, m x 1.
  public let b: Matrix
  /// w_j, m x 1: the output unit's weights.
  public let w: Matrix
  /// b: the output unit's bias.
  public let outputBias: Double

  /// A network from its parameters.
  ///
  /// - Precondition: `W` is d x m with d, m >= 1; `b` and `w` are m x 1.
  public init(W: Matrix, b: Matrix, w: Matrix, outputBias: Double) {
    if firstUnwritten(W, b, w) == nil {
      precondition(W.rows >= 1 && W.columns >= 1, "W must be d x m with d, m >= 1, not \(W.shape)")
      let column = Shape(rows: W.columns, columns: 1)
      precondition(
        b.shape == column && w.shape == column,
        "W is \(W.shape), so b and w must be \(column) (one entry per hidden unit), but are "
          + "\(b.shape) and \(w.shape)")
    }
    self.W = W
    self.b = b
    self.w = w
    self.outputBias = outputBias
  }

  public static func placeholder(_ m: Unwritten) -> Self {
    Self(W: .placeholder(m), b: .placeholder(m), w: .placeholder(m), outputBias: .nan)
  }

  /// The network with every weight and bias zero.
  ///
  /// - Complexity: O(d · m).
  public static func zero(inputs d: Int, hidden m: Int) -> ShallowNetwork {
    ShallowNetwork(
      W: Matrix(rows: d, columns: m), b: Matrix(rows: m, columns: 1),
      w: Matrix(rows: m, columns: 1), outputBias: 0)
  }

  /// The hidden layer at x: the pre-activations z_j and the activations f(z_j), both m x 1.
  ///
  /// - Precondition: `x` is d x 1.
  /// - Complexity: O(d · m) for d inputs and m hidden units.
  public func hidden(_ x: Matrix) -> (z: Matrix, a: Matrix) {
    if let mark = firstUnwritten(W, x) { return (.placeholder(mark), .placeholder(mark)) }
    precondition(
      x.shape == Shape(rows: W.rows, columns: 1), "x must be \(W.rows) x 1, but is \(x.shape)")
    let z = W.transposed() * x + b
    return (z, z.map { max(0, $0) })
  }

  /// The output z = Σ_j w_j f(z_j) + b at x; NaN for a placeholder.
  ///
  /// - Complexity: O(d · m) for d inputs and m hidden units.
  public func output(_ x: Matrix) -> Double {
    let a = hidden(x).a
    if a.isPlaceholder || w.isPlaceholder { return .nan }
    return (w.transposed() * a)[0, 0] + outputBias
  }

  /// The hinge loss max(0, 1 - y z) at (x, y).
  ///
  /// - Precondition: `y` is +1 or -1.
  /// - Complexity: O(d · m) for d inputs and m hidden units.
  public func loss(_ x: Matrix, label y: Double) -> Double {
    precondition(y == 1 || y == -1, "the hinge loss takes the label +1 or -1, not \(y)")
    return max(0, 1 - y * output(x))
  }

  /// One step of SGD: every parameter minus `η` times its (sub)gradient.
  ///
  /// - Complexity: O(d · m) for d inputs and m hidden units.
  public func updated(by g: ShallowGradient, learningRate η: Double) -> ShallowNetwork {
    if let mark = firstUnwritten(self, g) { return .placeholder(mark) }
    return ShallowNetwork(
      W: W - η * g.W, b: b - η * g.b, w: w - η * g.w, outputBias: outputBias - η * g.outputBias)
  }
}

/// The (sub)gradient of the hinge loss of one pair with respect to every parameter of a
/// ``ShallowNetwork``, each of its parameter's shape.
public struct ShallowGradient: Sendable, Placeholding {
  /// ∂ℓ/∂w_ij, d x m.
  public let W: Matrix
  /// ∂ℓ/∂b_j, m x 1.
  public let b: Matrix
  /// ∂ℓ/∂w_j, m x 1.
  public let w: Matrix
  /// ∂ℓ/∂b for the output bias.
  public let outputBias: Double

  public init(W: Matrix, b: Matrix, w: Matrix, outputBias: Double) {
    self.W = W
    self.b = b
    self.w = w
    self.outputBias = outputBias
  }

  public static func placeholder(_ m: Unwritten) -> Self {
    Self(W: .placeholder(m), b: .placeholder(m), w: .placeholder(m), outputBias: .nan)
  }
}

/// The notes' chain rule for the hinge loss of one pair (x, y), with the subgradient 0 at both
/// kinks (a hidden unit at z_j = 0, the margin y z = 1).
///
/// ```
/// ∂ℓ/∂z   = -y if ℓ > 0, else 0                     (hingeSubgradient)
/// ∂ℓ/∂b   = ∂ℓ/∂z
/// ∂ℓ/∂w_j = f(z_j) ∂ℓ/∂z
/// ∂ℓ/∂b_j = [z_j > 0] w_j ∂ℓ/∂z                     (reluSubgradient)
/// ∂ℓ/∂w_ij = [x_i][z_j > 0][w_j] ∂ℓ/∂z
/// ```
/// Lecture: `004`, section 2.2 [E6.3].
/// - Precondition: `x` is d x 1 and `y` is +1 or -1.
/// - Complexity: O(d · m) for d inputs and m hidden units.
public func shallowGradient(_ network: ShallowNetwork, input x: Matrix, label y: Double)
  -> ShallowGradient
{
  if let mark = firstUnwritten(network, x) { return .placeholder(mark) }
  precondition(y == 1 || y == -1, "the hinge loss takes the label +1 or -1, not \(y)")
  precondition(
    x.shape == Shape(rows: network.W.rows, columns: 1),
    "x must be \(network.W.rows) x 1, but is \(x.shape)")
  // BEGIN EXERCISE shallowGradient
  return .unwritten("shallowGradient", in: #filePath)
  // END EXERCISE
}
