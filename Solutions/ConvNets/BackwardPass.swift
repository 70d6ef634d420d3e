import LectureKit
import Pooling

/// The backward pass of the network for one labelled input: the gradient of the
/// cross-entropy loss with respect to every parameter, from the stages the forward pass kept.
///
/// ```
/// δ      = softmax(logits) - e_label                  ∂ℓ/∂logits
/// ∂ℓ/∂W  = features · δᵀ          ∂ℓ/∂b = δ           the read-out (∂ℓ/∂W = a δᵀ)
/// ∂ℓ/∂p  = unflatten(W δ)                             back to the pooled maps
/// ∂ℓ/∂a_o = maxPoolBackward(a_o, upstream: ∂ℓ/∂p_o)   only each window's maximum
/// ∂ℓ/∂z_o = ∂ℓ/∂a_o ⊙ [z_o > 0]                       ReLU'(0) = 0
/// ∂ℓ/∂w_oc, ∂ℓ/∂b_o                                  the convolution layer's backward pass
/// ```
/// Each stage hands the gradient of its output back through its own backward pass, in the
/// reverse order of the forward pass.
///
/// Lecture: `004`, section 3 (the delta recursion, ∂ℓ/∂W = a δᵀ) applied to the layers of
/// section 5.2; `002`, "Backprop Algorithm".
/// - Precondition: `pass` is the forward pass of `net`, and `0 <= label < net.classes`.
/// - Complexity: one ``convLayerParameterGradient(_:input:_:)``, C_out
///   ``maxPoolBackward(_:_:upstream:)`` calls and O(F · K) for F features and K classes: the
///   order of a forward pass.
public func convNetBackward(_ net: ConvNet, pass: ConvNetPass, label: Int) -> ConvNetGradients {
  if let mark = firstUnwritten(net, pass) { return .placeholder(mark) }
  checkLabel(label, classes: net.classes)
  precondition(
    pass.logits.shape == Shape(rows: net.classes, columns: 1)
      && pass.z.count == net.conv.outputChannels && pass.a.count == pass.z.count
      && pass.pooled.count == pass.z.count,
    "the forward pass does not fit the network: \(pass.z.count) maps and \(pass.logits.shape) "
      + "logits, for \(net.conv.outputChannels) filters and \(net.classes) classes")
  // BEGIN EXERCISE convNetBackward
  let delta = classProbabilities(pass.logits) - oneHotLabel(label, classes: net.classes)
  let readoutWeights = pass.features * delta.transposed()
  let pooledGradient = unflatten(
    net.readout.weights * delta, into: pass.pooled.count, of: pass.pooled[0].shape)
  var zGradient: [Matrix] = []
  for o in 0..<pass.z.count {
    let aGradient = maxPoolBackward(pass.a[o], net.pool, upstream: pooledGradient[o])
    zGradient.append(aGradient.zipMap(pass.z[o]) { g, z in z > 0 ? g : 0 })
  }
  return ConvNetGradients(
    conv: convLayerParameterGradient(zGradient, input: pass.input, net.conv),
    readoutWeights: readoutWeights, readoutBiases: delta)
  // END EXERCISE
}
