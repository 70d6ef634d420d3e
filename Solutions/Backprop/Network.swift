// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The notes name the weight matrices W^l and the number of layers L; the code keeps their names.
import Foundation
import LectureKit

/// The parameters of one layer l of a fully connected network: `W^l`, `b^l` and its activation.
///
/// ```
/// z^l = (W^l)^T a^(l-1) + b^l        W^l: (units in l-1) x (units in l),  b^l: (units in l) x 1
/// a^l = f(z^l)
/// ```
/// Entry `W[i, j]` is the weight from unit i of layer l-1 to unit j of layer l, so column j
/// holds the incoming weights of unit j.
///
/// Lecture: `004`, section 3 and Figure 7.
public struct Layer: Sendable, Equatable {
  /// `W^l`: (units in l-1) x (units in l).
  public let W: Matrix
  /// `b^l`: (units in l) x 1.
  public let b: Matrix
  /// `f`, applied to every unit of the layer.
  public let f: Activation

  /// A layer from its weights, biases and activation.
  ///
  /// - Precondition: `b` is a column with one entry per column of `W`.
  public init(W: Matrix, b: Matrix, f: Activation) {
    if W.isPlaceholder || b.isPlaceholder {
      self.init(unchecked: W, b, f)
      return
    }
    precondition(
      W.rows >= 1 && W.columns >= 1, "a layer needs at least one input and one unit, not \(W.shape)"
    )
    precondition(
      b.shape == Shape(rows: W.columns, columns: 1),
      "W is \(W.shape), so b must be \(W.columns) x 1 (one bias per unit), but is \(b.shape)")
    self.init(unchecked: W, b, f)
  }

  private init(unchecked W: Matrix, _ b: Matrix, _ f: Activation) {
    self.W = W
    self.b = b
    self.f = f
  }

  /// The number of units of the layer before (the rows of `W`).
  public var inputs: Int { W.rows }
  /// The number of units of this layer (the columns of `W`).
  public var units: Int { W.columns }
}

/// A fully connected network in the notes' numbering: layer 1 is the input (`a^1 = x`, no
/// parameters), layers 2 ... L compute, layer L is the output.
///
/// ```
/// for l = 2, ..., L:   z^l = (W^l)^T a^(l-1) + b^l,   a^l = f(z^l)
/// ```
/// `layers[0]` holds `W^2`, `b^2`; ``W(_:)``, ``b(_:)`` and ``f(_:)`` take the notes' l.
///
/// Lecture: `004`, section 3, "Feedforward".
public struct Network: Sendable, Equatable, Placeholding {
  /// The layers 2 ... L, in order.
  public let layers: [Layer]

  /// A network from its layers 2 ... L.
  ///
  /// - Precondition: at least one layer, and each layer takes as many inputs as the layer
  ///   before it has units.
  /// - Complexity: O(L) for L layers.
  public init(layers: [Layer]) {
    precondition(!layers.isEmpty, "a network needs at least one layer of weights")
    if !layers.contains(where: { $0.W.isPlaceholder || $0.b.isPlaceholder }) {
      for k in 1..<layers.count where layers[k].inputs != layers[k - 1].units {
        preconditionFailure(
          "W^\(k + 2) is \(layers[k].W.shape), so it needs \(layers[k].inputs) inputs, but "
            + "layer \(k + 1) has \(layers[k - 1].units) units (W^\(k + 1) is "
            + "\(layers[k - 1].W.shape))")
      }
    }
    self.layers = layers
  }

  /// A network whose weights are drawn from a normal distribution with standard deviation
  /// `sqrt(2 / (units in l-1))` (He initialization, the notes' "variance that depends on the
  /// number of neurons") and whose biases are zero.
  ///
  /// - Parameter sizes: the units of layers 1 ... L: `[2, 8, 1]` is 2 inputs, 8 hidden units
  ///   and one output.
  /// - Precondition: at least two sizes, all positive, and one activation per layer 2 ... L.
  /// - Complexity: O(P) for P parameters, one draw per weight.
  public static func random(
    sizes: [Int], activations: [Activation], using generator: inout some RandomNumberGenerator
  ) -> Network {
    precondition(
      sizes.count >= 2 && sizes.allSatisfy { $0 >= 1 },
      "a network needs at least two layers of at least one unit each, not \(sizes)")
    precondition(
      activations.count == sizes.count - 1,
      "\(sizes.count) layers need \(sizes.count - 1) activations (layers 2 ... L), "
        + "not \(activations.count)")
    var layers: [Layer] = []
    for k in 0..<activations.count {
      let W = Matrix.gaussian(
        rows: sizes[k], columns: sizes[k + 1],
        standardDeviation: (2 / Double(sizes[k])).squareRoot(), using: &generator)
      layers.append(Layer(W: W, b: Matrix(rows: sizes[k + 1], columns: 1), f: activations[k]))
    }
    return Network(layers: layers)
  }

  public static func placeholder(_ mark: Unwritten) -> Network {
    Network(layers: [Layer(W: .placeholder(mark), b: .placeholder(mark), f: .identity)])
  }

  /// L: the number of layers, the input layer included.
  public var L: Int { layers.count + 1 }

  /// The number of inputs (units in layer 1).
  public var inputs: Int { layers[0].inputs }

  /// The number of outputs (units in layer L).
  public var outputs: Int { layers[layers.count - 1].units }

  /// `W^l`, for l = 2 ... L.
  ///
  /// - Complexity: O(L).
  public func W(_ l: Int) -> Matrix { layer(l).W }

  /// `b^l`, for l = 2 ... L.
  ///
  /// - Complexity: O(L).
  public func b(_ l: Int) -> Matrix { layer(l).b }

  /// The activation of layer l, for l = 2 ... L.
  ///
  /// - Complexity: O(L).
  public func f(_ l: Int) -> Activation { layer(l).f }

  private func layer(_ l: Int) -> Layer {
    if isPlaceholder { return layers[0] }
    precondition(
      (2...L).contains(l), "layer \(l) has no parameters: this network's layers are 2 ... \(L)")
    return layers[l - 2]
  }
}
