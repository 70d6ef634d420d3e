import Convolution
import LectureKit
import Pooling

/// Everything the forward pass computes, stage by stage, kept for the backward pass.
public struct ConvNetPass: Sendable, Placeholding {
  /// x: the input maps.
  public let input: [Matrix]
  /// z: the convolution layer's maps, before the ReLU.
  public let z: [Matrix]
  /// a = relu(z).
  public let a: [Matrix]
  /// Each map of a, max-pooled.
  public let pooled: [Matrix]
  /// The pooled maps as one column (``flatten(_:)``).
  public let features: Matrix
  /// Wᵀ features + b: one score per class, before the softmax.
  public let logits: Matrix

  public init(
    input: [Matrix], z: [Matrix], a: [Matrix], pooled: [Matrix], features: Matrix,
    logits: Matrix
  ) {
    self.input = input
    self.z = z
    self.a = a
    self.pooled = pooled
    self.features = features
    self.logits = logits
  }

  public static func placeholder(_ m: Unwritten) -> ConvNetPass {
    ConvNetPass(
      input: .placeholder(m), z: .placeholder(m), a: .placeholder(m), pooled: .placeholder(m),
      features: .placeholder(m), logits: .placeholder(m))
  }
}

/// The forward pass of the network: convolution, ReLU, max pooling, flattening, and the
/// fully connected read-out.
///
/// ```
/// z_o = b_o + Σ_c correlate(x_c, w_oc)       (convLayerForward)
/// a_o = relu(z_o)                            (relu, from the Convolution chapter)
/// p_o = maxPool(a_o, window)                 (maxPool, from the Pooling chapter)
/// features = flatten(p)
/// logits = Wᵀ features + b
/// ```
/// The softmax and the loss are left to ``crossEntropy(logits:label:)``.
///
/// Lecture: `002`, "Putting it all together", "Chain it", "Fully connected read out"; `004`,
/// section 5.2.
/// - Precondition: the input maps are as many as the filters' kernels and of one shape.
/// - Complexity: one ``convLayerForward(_:_:)``, C_out ``maxPool(_:_:)`` calls and O(F · K)
///   for the read-out of F features to K classes.
public func convNetForward(_ net: ConvNet, input: [Matrix]) -> ConvNetPass {
  if let mark = firstUnwritten(input, net)
    ?? refusal(mapsProblem(input, count: net.conv.inputChannels, "input"))
  {
    return .placeholder(mark)
  }
  // BEGIN EXERCISE convNetForward
  return .unwritten("convNetForward", in: #filePath)
  // END EXERCISE
}

/// The loss of the network on one labelled input: the cross-entropy of its softmax.
/// NaN while the forward pass is unwritten or gives no score per class.
///
/// - Complexity: one forward pass, ``convNetForward(_:input:)``.
public func convNetLoss(_ net: ConvNet, input: [Matrix], label: Int) -> Double {
  let logits = convNetForward(net, input: input).logits
  guard logits.shape == Shape(rows: net.classes, columns: 1) else { return .nan }
  return crossEntropy(logits: logits, label: label)
}

/// The class the network gives the input: the largest logit. Nil while the forward pass is
/// unwritten or gives no finite scores.
///
/// - Complexity: one forward pass, ``convNetForward(_:input:)``.
public func predictedClass(_ net: ConvNet, input: [Matrix]) -> Int? {
  let logits = convNetForward(net, input: input).logits
  guard !logits.isPlaceholder, logits.shape == Shape(rows: net.classes, columns: 1),
    logits.elements.allSatisfy(\.isFinite)
  else { return nil }
  return logits.elements.indices.max { logits.elements[$0] < logits.elements[$1] }
}
