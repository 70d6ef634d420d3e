import LectureKit

/// One hidden layer: an affine map (W, b) followed by ReLU.
public struct FoldingLayer: Sendable {
  /// W: one row per unit of this layer, one column per unit of the layer below.
  public var weights: Matrix
  /// b: one entry per unit, as a column.
  public var bias: Matrix

  public init(weights: Matrix, bias: Matrix) {
    self.weights = weights
    self.bias = bias
  }
}

/// A network of ReLU layers with a linear read-out: the score of a point x is
///
/// ```
/// a⁰ = x,   aˡ = relu(Wˡ aˡ⁻¹ + bˡ) for l = 1 ... L,   s = u aᴸ + c
/// ```
/// and its class is the sign of s. The lecture's network has L = 4 hidden layers of 2 units
/// (2 × 2 weights). The same type holds a gradient: one entry per parameter.
public struct FoldingNetwork: Sendable, Placeholding {
  /// The hidden layers, first to last.
  public var hidden: [FoldingLayer]
  /// The read-out: 1 × w weights u and a 1 × 1 bias c.
  public var readout: FoldingLayer

  public init(hidden: [FoldingLayer], readout: FoldingLayer) {
    self.hidden = hidden
    self.readout = readout
  }

  /// `depth` hidden layers of `width` units on `inputs`-dimensional points, initialised as
  /// PyTorch's `nn.Linear` does: every weight and bias uniform in ±1/√(fan-in).
  ///
  /// - Complexity: O(inputs · width + depth · width²) draws, one per parameter.
  public static func initial(
    inputs: Int = 2, width: Int, depth: Int, using generator: inout some RandomNumberGenerator
  ) -> FoldingNetwork {
    precondition(
      inputs >= 1 && width >= 1 && depth >= 0,
      "a network needs inputs >= 1, width >= 1 and depth >= 0, not \(inputs), \(width), \(depth)")
    func layer(_ fanIn: Int, _ units: Int) -> FoldingLayer {
      let bound = 1 / Double(fanIn).squareRoot()
      return FoldingLayer(
        weights: .random(rows: units, columns: fanIn, in: -bound...bound, using: &generator),
        bias: .random(rows: units, columns: 1, in: -bound...bound, using: &generator))
    }
    var hidden: [FoldingLayer] = []
    for l in 0..<depth { hidden.append(layer(l == 0 ? inputs : width, width)) }
    return FoldingNetwork(hidden: hidden, readout: layer(depth == 0 ? inputs : width, 1))
  }

  /// No hidden layers and a read-out of placeholders.
  public static func placeholder(_ mark: Unwritten) -> FoldingNetwork {
    FoldingNetwork(
      hidden: [], readout: FoldingLayer(weights: .placeholder(mark), bias: .placeholder(mark)))
  }
}

/// What one hidden layer makes of a point set: `z` after the affine map, `a` after ReLU.
public struct FoldingStage: Sendable, Placeholding {
  public var z: Matrix
  public var a: Matrix

  public init(z: Matrix, a: Matrix) {
    self.z = z
    self.a = a
  }

  public static func placeholder(_ mark: Unwritten) -> FoldingStage {
    FoldingStage(z: .placeholder(mark), a: .placeholder(mark))
  }
}

/// The forward pass through the hidden layers, keeping every intermediate point set:
///
/// ```
/// a⁰ = X,   zˡ = affineMap(aˡ⁻¹, Wˡ, bˡ),   aˡ = relu(zˡ)     for l = 1 ... L
/// ```
/// - Returns: one ``FoldingStage`` per layer, (z¹, a¹) first; empty for no layers.
///
/// Lecture: `000`, "Visualization of neural networks": "we step through the network one
/// hidden layer at a time" [E6.12].
/// - Complexity: O(n · P) for n points and P parameters in `layers`.
public func foldingStages(_ points: Matrix, through layers: [FoldingLayer]) -> [FoldingStage] {
  // BEGIN EXERCISE foldingStages
  var stages: [FoldingStage] = []
  var a = points
  for layer in layers {
    let z = affineMap(a, weights: layer.weights, bias: layer.bias)
    a = applyReLU(z)
    stages.append(FoldingStage(z: z, a: a))
  }
  return stages
  // END EXERCISE
}

/// The final representation aᴸ of `points`: what the read-out sees.
///
/// Given code. While ``foldingStages(_:through:)`` is unwritten this returns its placeholder.
/// - Complexity: O(n · P) for n points and P parameters in `layers`.
public func finalRepresentation(_ points: Matrix, through layers: [FoldingLayer]) -> Matrix {
  if layers.isEmpty { return points }
  return foldingStages(points, through: layers).last?.a
    ?? .unwritten("foldingStages", in: #filePath)
}
