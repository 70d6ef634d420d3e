import Foundation
import LectureKit

/// The mean logistic loss of the network's scores s_i = u aᴸ_i + c on labels y_i = ±1:
///
/// ```
/// C = (1/n) Σ_i log(1 + exp(-y_i s_i))
/// ```
/// Small when every point lies far on the side of its label. Computed as
/// max(0, -m) + log(1 + exp(-|m|)) for m = y_i s_i, which never overflows.
///
/// Lecture: `000`, "Visualization of neural networks" [E6.12]; the cost C(y, ȳ) of
/// "Parameter transformations".
/// - Precondition: one label per point, each +1 or -1; at least one point.
/// - Complexity: O(n · P) for n points and a network of P parameters.
public func foldingLoss(_ network: FoldingNetwork, points: Matrix, labels: [Double]) -> Double {
  checkLabels(labels, for: points)
  // BEGIN EXERCISE foldingLoss
  let final = finalRepresentation(points, through: network.hidden)
  let scores = affineMap(final, weights: network.readout.weights, bias: network.readout.bias)
  if scores.isPlaceholder { return .nan }
  var total = 0.0
  for i in 0..<points.rows {
    let margin = labels[i] * scores[i, 0]
    total += max(0, -margin) + log(1 + exp(-abs(margin)))
  }
  return total / Double(points.rows)
  // END EXERCISE
}

/// The gradient of ``foldingLoss(_:points:labels:)`` with respect to every weight and bias,
/// by the backward pass (rows are points, so each δ is n × units):
///
/// ```
/// δs_i  = -y_i σ(-y_i s_i) / n                     σ(t) = 1 / (1 + exp(-t))
/// ∂C/∂u = δsᵀ aᴸ,   ∂C/∂c = Σ_i δs_i,   δaᴸ = δs u
/// for l = L ... 1:
///   δzˡ    = δaˡ ⊙ relu'(zˡ)                        relu'(z) = 1 if z > 0, else 0
///   ∂C/∂Wˡ = δzˡᵀ aˡ⁻¹,   ∂C/∂bˡ = δzˡᵀ 1   (the column sums of δzˡ)
///   δaˡ⁻¹  = δzˡ Wˡ
/// ```
/// A unit whose z is at most 0 for every point passes no gradient back: once a layer sends
/// points to the origin, gradient descent receives no signal to bring them back.
///
/// Lecture: `004`, the delta recursion of backpropagation; `000`, why 2-unit layers are hard
/// to train [E6.12].
/// - Returns: a ``FoldingNetwork`` holding ∂C/∂W, ∂C/∂b for each layer and ∂C/∂u, ∂C/∂c.
/// - Precondition: one label per point, each +1 or -1; at least one point.
/// - Complexity: O(n · P) for n points and a network of P parameters.
public func foldingBackward(
  _ network: FoldingNetwork, points: Matrix, labels: [Double]
) -> FoldingNetwork {
  checkLabels(labels, for: points)
  // BEGIN EXERCISE foldingBackward
  let stages = foldingStages(points, through: network.hidden)
  let final = stages.last?.a ?? points
  let u = network.readout.weights
  let s = affineMap(final, weights: u, bias: network.readout.bias)
  if let mark = firstUnwritten(s) { return .placeholder(mark) }
  let n = Double(points.rows)
  let deltaS = Matrix(rows: points.rows, columns: 1) { i, _ in
    -labels[i] / (1 + exp(labels[i] * s[i, 0])) / n
  }
  var gradient = network
  gradient.readout = FoldingLayer(
    weights: deltaS.transposed() * final, bias: [[deltaS.sum()]])
  var deltaA = deltaS * u
  let ones = Matrix(rows: points.rows, columns: 1, repeating: 1)
  for l in network.hidden.indices.reversed() {
    let deltaZ = deltaA.zipMap(stages[l].z) { delta, z in z > 0 ? delta : 0 }
    let below = l == 0 ? points : stages[l - 1].a
    let deltaZT = deltaZ.transposed()
    gradient.hidden[l].weights = deltaZT * below
    gradient.hidden[l].bias = deltaZT * ones
    deltaA = deltaZ * network.hidden[l].weights
  }
  return gradient
  // END EXERCISE
}

/// Plain gradient descent on ``foldingLoss(_:points:labels:)``, all points at every step:
///
/// ```
/// repeat `epochs` times:   w ← w - η ∂C/∂w   for every weight and bias w
/// ```
/// Lecture: `000`, "Parameter transformations" (the update w ← w - η ∂C/∂wᵀ); `004`,
/// gradient descent.
/// - Returns: the trained network. While ``foldingBackward(_:points:labels:)`` is unwritten
///   its placeholder has no layers to subtract: return it as it is (`isPlaceholder`).
/// - Precondition: one label per point, each +1 or -1; `learningRate > 0`; `epochs >= 0`.
/// - Complexity: O(epochs · n · P) for n points and a network of P parameters.
public func trainFolding(
  _ network: FoldingNetwork, points: Matrix, labels: [Double], learningRate: Double,
  epochs: Int
) -> FoldingNetwork {
  checkLabels(labels, for: points)
  precondition(learningRate > 0, "the learning rate must be positive, not \(learningRate)")
  precondition(epochs >= 0, "the number of epochs cannot be negative: \(epochs)")
  // BEGIN EXERCISE trainFolding
  var network = network
  for _ in 0..<epochs {
    let gradient = foldingBackward(network, points: points, labels: labels)
    if gradient.isPlaceholder { return gradient }
    for l in network.hidden.indices {
      network.hidden[l].weights -= learningRate * gradient.hidden[l].weights
      network.hidden[l].bias -= learningRate * gradient.hidden[l].bias
    }
    network.readout.weights -= learningRate * gradient.readout.weights
    network.readout.bias -= learningRate * gradient.readout.bias
  }
  return network
  // END EXERCISE
}

/// The labels' rule, shared by the loss, the backward pass and training.
private func checkLabels(_ labels: [Double], for points: Matrix) {
  if points.isPlaceholder { return }
  precondition(points.rows >= 1, "the loss needs at least one point")
  precondition(
    labels.count == points.rows,
    "\(points.rows) points need \(points.rows) labels, but there are \(labels.count)")
  precondition(
    labels.allSatisfy { $0 == 1 || $0 == -1 },
    "labels must be +1 or -1, but include \(labels.first { $0 != 1 && $0 != -1 } ?? 0)")
}
