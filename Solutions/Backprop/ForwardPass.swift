// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The notes name the weight matrices W^l and the number of layers L; the code keeps their names.
import LectureKit

/// What the forward pass keeps for the backward pass: every layer's `z^l` and `a^l`.
///
/// ```
/// a^1 = x;   z^l, a^l for l = 2 ... L
/// ```
/// Backprop "trades space for time": the delta recursion needs `z^l` (for `f'(z^l)`) and the
/// gradients need `a^(l-1)`, all computed once, on the way forward.
///
/// Lecture: `004`, section 3, steps 1 and 2; `002`, "Backprop Algorithm" ("many of the values
/// you need for each gradient are computed in the forward pass").
public struct ForwardPass: Sendable, Placeholding {
  /// `z^2 ... z^L`.
  public private(set) var zs: [Matrix]
  /// `a^1 ... a^L`.
  public private(set) var activations: [Matrix]

  /// The pass at its start: `a^1 = x` and nothing computed yet.
  public init(input x: Matrix) {
    zs = []
    activations = [x]
  }

  /// Records the next layer's `z^l` and `a^l = f(z^l)`.
  ///
  /// - Precondition: `a` has the shape of `z`.
  public mutating func append(z: Matrix, a: Matrix) {
    if z.isPlaceholder || a.isPlaceholder {
      zs = [z.isPlaceholder ? z : a]
      activations = zs
      return
    }
    precondition(z.shape == a.shape, "z^l is \(z.shape) but a^l = f(z^l) is \(a.shape)")
    zs.append(z)
    activations.append(a)
  }

  public static func placeholder(_ mark: Unwritten) -> ForwardPass {
    ForwardPass(input: .placeholder(mark))
  }

  /// L: the layers of the pass, the input layer included.
  public var L: Int { activations.count }

  /// `z^l`, for l = 2 ... L.
  ///
  /// - Complexity: O(L).
  public func z(_ l: Int) -> Matrix {
    if isPlaceholder { return activations[0] }
    precondition((2...L).contains(l), "z^\(l) does not exist: this pass has z^2 ... z^\(L)")
    return zs[l - 2]
  }

  /// `a^l`, for l = 1 ... L (`a^1` is the input).
  ///
  /// - Complexity: O(L).
  public func a(_ l: Int) -> Matrix {
    if isPlaceholder { return activations[0] }
    precondition((1...L).contains(l), "a^\(l) does not exist: this pass has a^1 ... a^\(L)")
    return activations[l - 1]
  }

  /// `a^L`, the network's output `F(x; θ)`.
  public var output: Matrix { a(L) }
}

/// The forward pass of `network` on the input `x`, keeping every `z^l` and `a^l`.
///
/// ```
/// a^1 = x
/// for l = 2, ..., L:   z^l = (W^l)^T a^(l-1) + b^l,   a^l = f(z^l)
/// ```
/// Lecture: `004`, section 3, "Feedforward" [E6.2].
/// - Precondition: `x` is a column with one entry per input of the network.
/// - Complexity: O(P + L²) for a network of L layers and P parameters.
public func forwardPass(_ network: Network, input x: Matrix) -> ForwardPass {
  if let mark = firstUnwritten(network, x) { return .placeholder(mark) }
  precondition(
    x.shape == Shape(rows: network.inputs, columns: 1),
    "the network takes a \(network.inputs) x 1 input, but x is \(x.shape)")
  // BEGIN EXERCISE forwardPass
  var pass = ForwardPass(input: x)
  for l in 2...network.L {
    let z = network.W(l).transposed() * pass.a(l - 1) + network.b(l)
    pass.append(z: z, a: network.f(l)(z))
  }
  return pass
  // END EXERCISE
}
