import LectureKit

/// An input for the network with its class: the maps (one for a grey image) and the label.
public struct LabelledImage: Sendable {
  public let maps: [Matrix]
  public let label: Int

  public init(maps: [Matrix], label: Int) {
    self.maps = maps
    self.label = label
  }
}

/// One step of mini-batch gradient descent: the mean of the examples' gradients, then every
/// parameter moves against it.
///
/// ```
/// g = (1/n) Σ_i ∂ℓ(x^(i), y^(i); θ)/∂θ        over the n examples of the batch
/// θ ← θ - η g
/// ```
/// with θ the network's ``ConvNet/parameters``: for each example a forward pass, then a
/// backward pass; the gradients of the batch are averaged before the one update.
///
/// Lecture: `002`, "Backprop Algorithm" (forward pass, backward pass, "Average gradient over
/// data points in batch", "Update w") [E6.4]; `004`, section 2.2.
/// - Precondition: the batch is not empty.
/// - Complexity: n forward and n backward passes for a batch of n examples.
public func convNetStep(_ net: ConvNet, batch: [LabelledImage], learningRate η: Double)
  -> ConvNet
{
  if let mark = firstUnwritten(net) { return .placeholder(mark) }
  precondition(!batch.isEmpty, "a mini-batch needs at least one example")
  // BEGIN EXERCISE convNetStep
  var total = Matrix(rows: net.parameters.rows, columns: 1)
  for example in batch {
    let pass = convNetForward(net, input: example.maps)
    total = total + convNetBackward(net, pass: pass, label: example.label).parameters
  }
  return net.with(parameters: net.parameters - η * (total / Double(batch.count)))
  // END EXERCISE
}

/// Mini-batch SGD: `epochs` passes over the examples in a fresh random order, one
/// ``convNetStep(_:batch:learningRate:)`` for every `batchSize` consecutive examples (the last
/// batch may be smaller).
///
/// - Parameter trainsFilters: false keeps the convolution layer as it is and trains the
///   read-out alone.
/// - Precondition: `batchSize >= 1` and `epochs >= 0`.
/// - Complexity: epochs · n forward and as many backward passes, for n examples.
public func train(
  _ net: ConvNet, on examples: [LabelledImage], batchSize: Int, learningRate: Double,
  epochs: Int, trainsFilters: Bool = true, using generator: inout some RandomNumberGenerator
) -> ConvNet {
  miniBatchEpochs(
    from: net, over: examples, batchSize: batchSize, epochs: epochs, using: &generator
  ) { net, batch in
    let stepped = convNetStep(net, batch: batch, learningRate: learningRate)
    return trainsFilters || stepped.isPlaceholder
      ? stepped : ConvNet(conv: net.conv, pool: net.pool, readout: stepped.readout)
  }
}

/// The fraction of the examples whose class the network predicts (``predictedClass(_:input:)``);
/// 0 while the forward pass is unwritten.
///
/// - Complexity: n forward passes for n examples.
public func accuracy(_ net: ConvNet, on examples: [LabelledImage]) -> Double {
  let right = examples.filter { predictedClass(net, input: $0.maps) == $0.label }.count
  return Double(right) / Double(max(1, examples.count))
}

/// The mean loss of the network on the examples; NaN while the forward pass is unwritten.
///
/// - Complexity: n forward passes for n examples.
public func meanLoss(_ net: ConvNet, on examples: [LabelledImage]) -> Double {
  let total = examples.map { convNetLoss(net, input: $0.maps, label: $0.label) }.reduce(0, +)
  return total / Double(max(1, examples.count))
}
