import Convolution
import LectureKit
import Pooling

/// A fully connected layer in the notes' convention: W holds one column of incoming weights
/// per unit.
///
/// ```
/// z = Wᵀ a + b        W: inputs × units,  b: units × 1
/// ```
/// Lecture: `004`, section 3 (z^l = (W^l)ᵀ a^(l-1) + b^l) [E6.2].
/// - Precondition: `biases` is a column with one entry per column of `weights`.
public struct DenseLayer: Sendable, Equatable {
  /// W: inputs × units; column j holds the weights into unit j.
  public let weights: Matrix
  /// b: units × 1.
  public let biases: Matrix

  public init(weights: Matrix, biases: Matrix) {
    if !weights.isPlaceholder && !biases.isPlaceholder {
      precondition(
        weights.rows >= 1 && weights.columns >= 1,
        "a layer needs at least one input and one unit, but W is \(weights.shape)")
      precondition(
        biases.shape == Shape(rows: weights.columns, columns: 1),
        "W is \(weights.shape), so b must be \(weights.columns) x 1, but is \(biases.shape)")
    }
    self.weights = weights
    self.biases = biases
  }
}

/// The network of the lecture's "Putting it all together", with one stage of each kind:
///
/// ```
/// input maps x → conv → ReLU → max pool → flatten → fully connected → softmax
/// z_o = b_o + Σ_c correlate(x_c, w_oc)     a_o = relu(z_o)     p_o = maxPool(a_o)
/// logits = Wᵀ flatten(p) + b               probabilities = softmax(logits)
/// ```
/// Lecture: `002`, "Putting it all together" (Input → (Conv → ReLU → Pooling) → ... → Fully
/// connected); `004`, section 5.2.
public struct ConvNet: Sendable, Equatable, Placeholding {
  /// The convolution layer.
  public let conv: ConvLayer
  /// The max-pooling windows, the same for every map; pooling has no parameters.
  public let pool: PoolWindow
  /// The fully connected read-out: one unit per class.
  public let readout: DenseLayer

  public init(conv: ConvLayer, pool: PoolWindow, readout: DenseLayer) {
    self.conv = conv
    self.pool = pool
    self.readout = readout
  }

  /// A network with He-initialized weights and zero biases.
  ///
  /// - Parameters:
  ///   - pooledShape: the shape of each map after pooling, which the read-out's inputs follow
  ///     (`filters` · rows · columns of them).
  /// - Complexity: O(P) for the network's P parameters, one draw per weight.
  public static func random(
    inputChannels: Int, filters: Int, kernel: Int, pool: PoolWindow, pooledShape: Shape,
    classes: Int, using generator: inout some RandomNumberGenerator
  ) -> ConvNet {
    let conv = ConvLayer.random(
      inputChannels: inputChannels, outputChannels: filters, kernel: kernel, using: &generator)
    let features = filters * pooledShape.rows * pooledShape.columns
    precondition(
      features >= 1 && classes >= 2, "a read-out needs features and two classes at least")
    let weights = Matrix.gaussian(
      rows: features, columns: classes, standardDeviation: (2 / Double(features)).squareRoot(),
      using: &generator)
    return ConvNet(
      conv: conv, pool: pool,
      readout: DenseLayer(weights: weights, biases: Matrix(rows: classes, columns: 1)))
  }

  public static func placeholder(_ mark: Unwritten) -> ConvNet {
    ConvNet(
      conv: .placeholder(mark), pool: PoolWindow(size: 1),
      readout: DenseLayer(weights: .placeholder(mark), biases: .placeholder(mark)))
  }

  /// The number of classes: the read-out's units.
  public var classes: Int { readout.biases.rows }
}

/// The gradient of the loss with respect to the parameters of a ``ConvNet``: those of the
/// convolution layer and those of the read-out. (The first layer reads the image itself,
/// which has no gradient to receive; a layer below would take
/// ``convLayerInputGradient(_:_:inputShape:)`` of the convolution's upstream gradient.)
public struct ConvNetGradients: Sendable, Placeholding {
  /// ∂ℓ/∂ (the filters and biases of the convolution layer).
  public let conv: ConvLayerGradient
  /// ∂ℓ/∂W of the read-out: features × classes.
  public let readoutWeights: Matrix
  /// ∂ℓ/∂b of the read-out: classes × 1.
  public let readoutBiases: Matrix

  public init(conv: ConvLayerGradient, readoutWeights: Matrix, readoutBiases: Matrix) {
    self.conv = conv
    self.readoutWeights = readoutWeights
    self.readoutBiases = readoutBiases
  }

  public static func placeholder(_ mark: Unwritten) -> ConvNetGradients {
    ConvNetGradients(
      conv: .placeholder(mark), readoutWeights: .placeholder(mark),
      readoutBiases: .placeholder(mark))
  }
}
