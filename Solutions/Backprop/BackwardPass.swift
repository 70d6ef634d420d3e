// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The notes name the weight matrices W^l and the number of layers L; the code keeps their names.
import LectureKit

/// The output "error" `δ^L = ∂ℓ/∂z^L`, for the output layer's pre-activation `z` and
/// activation `f`.
///
/// ```
/// squared, hinge:       δ^L = Diag[f'(z^L)] ∇_a ℓ      (∇_a ℓ at a^L = f(z^L))
/// softmaxCrossEntropy:  δ^L = softmax(z^L) - y         (f is the identity: z^L are the logits)
/// ```
/// Lecture: `004`, section 3, step 3 ("Output error") [E6.2].
/// - Precondition: `y` is a label `loss` accepts; the softmax cross-entropy needs the identity.
/// - Complexity: O(entries of `z`), the units of layer L.
public func outputError(_ loss: Loss, z: Matrix, activation f: Activation, label y: Matrix)
  -> Matrix
{
  if let mark = firstUnwritten(z, y) { return .placeholder(mark) }
  loss.checkLabel(y, output: z)
  precondition(
    loss != .softmaxCrossEntropy || f == .identity,
    "the softmax cross-entropy takes the raw outputs as logits: the output activation must be "
      + "the identity, not \(f)")
  // BEGIN EXERCISE outputError
  switch loss {
  case .squared:
    return f.derivative(z).hadamard(squaredLossGradient(output: f(z), label: y))
  case .hinge:
    return f.derivative(z).hadamard(hingeLossGradient(output: f(z), label: y))
  case .softmaxCrossEntropy:
    return softmax(z) - y
  }
  // END EXERCISE
}

/// One step of the delta recursion: the error of hidden layer l from the error of layer l + 1.
///
/// ```
/// δ^l = Diag[f'(z^l)] W^(l+1) δ^(l+1)
/// ```
/// `W^(l+1)` is (units in l) x (units in l+1), so it carries `δ^(l+1)` back to layer l without a
/// transpose; `Diag[v] u` is the entry-by-entry product of v and u.
///
/// Lecture: `004`, section 3, equation (4) and step 4 ("Backpropagation") [E6.2].
/// - Precondition: `2 <= l < L`; `next` is `δ^(l+1)`, a column with one entry per unit of
///   layer l + 1.
/// - Complexity: O(entries of `W^(l+1)` + L) for a network of L layers.
public func hiddenError(
  layer l: Int, of network: Network, pass: ForwardPass, next: Matrix
) -> Matrix {
  if let mark = firstUnwritten(network, pass, next) { return .placeholder(mark) }
  precondition(
    (2..<network.L).contains(l) && pass.L == network.L,
    "δ^\(l) of a hidden layer needs 2 <= l < L = \(network.L) and a pass through the network")
  precondition(
    next.shape == Shape(rows: network.W(l + 1).columns, columns: 1),
    "δ^\(l + 1) must be \(network.W(l + 1).columns) x 1 (one entry per unit of layer \(l + 1)), "
      + "but is \(next.shape)")
  // BEGIN EXERCISE hiddenError
  return network.f(l).derivative(pass.z(l)).hadamard(network.W(l + 1) * next)
  // END EXERCISE
}

/// The gradient of the loss with respect to `W^l`, from the activation of the layer before and
/// the error of layer l.
///
/// ```
/// ∂ℓ/∂W^l = a^(l-1) (δ^l)^T        (units in l-1) x (units in l), the shape of W^l
/// ```
/// Entry (i, j) is `a^(l-1)_i δ^l_j`: how much the weight from unit i into unit j moves ℓ.
///
/// Lecture: `004`, section 3, step 5 ("Gradient") [E6.2].
/// - Precondition: both are columns.
/// - Complexity: O(m · n) for an m × 1 `a` and an n × 1 `delta`.
public func weightGradient(previous a: Matrix, error delta: Matrix) -> Matrix {
  if let mark = firstUnwritten(a, delta) { return .placeholder(mark) }
  precondition(
    a.columns == 1 && delta.columns == 1,
    "a^(l-1) and δ^l are columns, but are \(a.shape) and \(delta.shape)")
  // BEGIN EXERCISE weightGradient
  return a * delta.transposed()
  // END EXERCISE
}

/// Backpropagation: every gradient of the loss of one training pair, from its forward pass.
///
/// ```
/// δ^L = output error                              (``outputError(_:z:activation:label:)``)
/// for l = L - 1, ..., 2:  δ^l = Diag[f'(z^l)] W^(l+1) δ^(l+1)   (``hiddenError(layer:of:pass:next:)``)
/// ∂ℓ/∂W^l = a^(l-1) (δ^l)^T,   ∂ℓ/∂b^l = δ^l     for l = 2, ..., L
/// ```
/// Lecture: `004`, section 3, steps 3 to 5 [E6.2]; `002`, "Backprop Algorithm".
/// - Precondition: `pass` is `forwardPass(network, input: x)` for the x of the label `y`.
/// - Complexity: O(P + L²) for a network of L layers and P parameters.
public func backpropagate(_ network: Network, pass: ForwardPass, loss: Loss, label y: Matrix)
  -> Gradients
{
  if let mark = firstUnwritten(network, pass, y) { return .placeholder(mark) }
  precondition(
    pass.L == network.L, "a pass through \(pass.L) layers cannot go back through \(network.L)")
  // BEGIN EXERCISE backpropagate
  let L = network.L
  var delta = outputError(loss, z: pass.z(L), activation: network.f(L), label: y)
  var dW: [Matrix] = []
  var db: [Matrix] = []
  for l in stride(from: L, through: 2, by: -1) {
    if l < L { delta = hiddenError(layer: l, of: network, pass: pass, next: delta) }
    dW.insert(weightGradient(previous: pass.a(l - 1), error: delta), at: 0)
    db.insert(delta, at: 0)
  }
  return Gradients(dW: dW, db: db)
  // END EXERCISE
}

/// The gradients of the loss of the training pair (x, y): a forward pass, then
/// ``backpropagate(_:pass:loss:label:)``.
///
/// - Complexity: O(P + L²) for a network of L layers and P parameters.
public func gradients(_ network: Network, input x: Matrix, label y: Matrix, loss: Loss)
  -> Gradients
{
  backpropagate(network, pass: forwardPass(network, input: x), loss: loss, label: y)
}

/// The loss of the training pair (x, y): a forward pass, then ``lossValue(_:output:label:)``.
/// NaN while the forward pass is unwritten.
///
/// - Complexity: O(P + L²) for a network of L layers and P parameters.
public func lossValue(_ loss: Loss, of network: Network, input x: Matrix, label y: Matrix)
  -> Double
{
  lossValue(loss, output: forwardPass(network, input: x).output, label: y)
}
