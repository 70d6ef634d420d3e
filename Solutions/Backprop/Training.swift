import LectureKit

/// One training pair (x, y): an input column and its label (see ``Loss`` for the labels each
/// loss takes).
public struct TrainingPair: Sendable {
  public let x: Matrix
  public let y: Matrix

  public init(x: Matrix, y: Matrix) {
    self.x = x
    self.y = y
  }
}

/// The gradient of a mini-batch: the mean of the per-example gradients.
///
/// ```
/// g = (1/n) Σ_i ∂ℓ(y^(i), F(x^(i); θ))/∂θ        over the n pairs of the batch
/// ```
/// The mean, not the sum: the step then does not grow with the batch size.
///
/// Lecture: `002`, "Backprop Algorithm" ("Average gradient over data points in batch") [E6.4];
/// `004`, section 2.2, equation (2) (the empirical risk is a mean).
/// - Precondition: the batch is not empty.
/// - Complexity: O(n · (P + L²)) for a batch of n pairs, L layers and P parameters.
public func batchGradient(_ network: Network, batch: [TrainingPair], loss: Loss) -> Gradients {
  if let mark = firstUnwritten(network) { return .placeholder(mark) }
  precondition(!batch.isEmpty, "a mini-batch needs at least one training pair")
  // BEGIN EXERCISE batchGradient
  var total = Gradients.zero(like: network)
  for pair in batch {
    total = total + gradients(network, input: pair.x, label: pair.y, loss: loss)
  }
  return total / Double(batch.count)
  // END EXERCISE
}

/// One step of (stochastic) gradient descent: every parameter moves against its gradient.
///
/// ```
/// W^l ← W^l - η ∂ℓ/∂W^l,    b^l ← b^l - η ∂ℓ/∂b^l        for l = 2, ..., L
/// ```
/// Lecture: `004`, section 2.2, update (3); `002`, "Backprop Algorithm" ("Update w").
/// - Precondition: the gradients have the shapes of the network's parameters.
/// - Complexity: O(P + L²) for a network of L layers and P parameters.
public func sgdUpdate(_ network: Network, gradients g: Gradients, learningRate η: Double)
  -> Network
{
  if let mark = firstUnwritten(network, g) { return .placeholder(mark) }
  precondition(
    g.L == network.L
      && (2...network.L).allSatisfy {
        g.dW($0).shape == network.W($0).shape && g.db($0).shape == network.b($0).shape
      },
    "the gradients (layers 2 ... \(g.L), dW \(g.weights.map(\.shape))) do not fit the network "
      + "(layers 2 ... \(network.L), W \(network.layers.map(\.W.shape)))")
  // BEGIN EXERCISE sgdUpdate
  let layers = (2...network.L).map { l in
    Layer(W: network.W(l) - η * g.dW(l), b: network.b(l) - η * g.db(l), f: network.f(l))
  }
  return Network(layers: layers)
  // END EXERCISE
}

/// Mini-batch SGD: `epochs` passes over the pairs in a fresh random order, one
/// ``sgdUpdate(_:gradients:learningRate:)`` with the ``batchGradient(_:batch:loss:)`` of every
/// `batchSize` consecutive pairs (the last batch may be smaller).
///
/// Lecture: `002`, "Backprop Algorithm"; `004`, section 2.2.
/// - Precondition: `batchSize >= 1`, `epochs >= 0`.
/// - Complexity: O(epochs · n · (P + L²)) for n pairs, L layers and P parameters.
public func train(
  _ network: Network, on pairs: [TrainingPair], loss: Loss, batchSize: Int,
  learningRate: Double, epochs: Int, using generator: inout some RandomNumberGenerator
) -> Network {
  miniBatchEpochs(
    from: network, over: pairs, batchSize: batchSize, epochs: epochs, using: &generator
  ) { network, batch in
    sgdUpdate(
      network, gradients: batchGradient(network, batch: batch, loss: loss),
      learningRate: learningRate)
  }
}

/// Whether the network classifies the pair correctly: for one output, the sign of `a^L` is the
/// label's (+1 for `a^L >= 0`); for several, the largest output is the label's class.
/// False while the forward pass is unwritten.
///
/// - Complexity: O(P + L²) for a network of L layers and P parameters.
public func classifies(_ network: Network, _ pair: TrainingPair) -> Bool {
  let output = forwardPass(network, input: pair.x).output
  guard !output.isPlaceholder, output.shape == pair.y.shape,
    output.elements.allSatisfy(\.isFinite)
  else { return false }
  if output.count == 1 { return (output[0, 0] >= 0 ? 1 : -1) == pair.y[0, 0] }
  let predicted = output.elements.indices.max { output.elements[$0] < output.elements[$1] }
  let label = pair.y.elements.indices.max { pair.y.elements[$0] < pair.y.elements[$1] }
  return predicted == label
}

/// The fraction of the pairs the network classifies correctly (see
/// ``classifies(_:_:)``).
///
/// - Complexity: O(n · (P + L²)) for n pairs, L layers and P parameters.
public func accuracy(_ network: Network, on pairs: [TrainingPair]) -> Double {
  Double(pairs.filter { classifies(network, $0) }.count) / Double(max(1, pairs.count))
}
