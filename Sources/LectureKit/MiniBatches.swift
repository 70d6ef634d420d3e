/// Mini-batch SGD's outer loop: `epochs` passes over `examples`, each in a fresh random order,
/// with `step` applied to every `batchSize` consecutive examples (the last batch of a pass may
/// be smaller). The chapters that train a network pass their own step.
///
/// Lecture: `002`, "Backprop Algorithm" (sample a mini-batch, forward, backward, update);
/// `004`, section 2.2.
/// - Precondition: `batchSize >= 1` and `epochs >= 0`.
/// - Complexity: `step` runs ⌈n / batchSize⌉ times per epoch for n examples, after a shuffle
///   of O(n).
public func miniBatchEpochs<Model, Example>(
  from model: Model, over examples: [Example], batchSize: Int, epochs: Int,
  using generator: inout some RandomNumberGenerator, step: (Model, [Example]) -> Model
) -> Model {
  require(
    batchSize >= 1 && epochs >= 0,
    "training needs a batch size of at least 1 and no negative epochs, not \(batchSize) and "
      + "\(epochs)")
  var model = model
  for _ in 0..<epochs {
    let order = examples.shuffled(using: &generator)
    for start in stride(from: 0, to: order.count, by: batchSize) {
      model = step(model, Array(order[start..<min(start + batchSize, order.count)]))
    }
  }
  return model
}
