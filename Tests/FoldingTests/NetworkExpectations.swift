import Folding
import LectureKit
import TestSupport
import Testing

/// Expects `computed` to have the layers of `expected`, each weight and bias agreeing to
/// `tolerance`. A placeholder fails with the name of its exercise.
@discardableResult
func expectNetwork(
  _ computed: FoldingNetwork, equals expected: FoldingNetwork, tolerance: Double,
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = context.isEmpty ? "" : context + said(": ", "：")
  guard expectWritten(computed, context, sourceLocation: sourceLocation) else { return false }
  guard computed.hidden.count == expected.hidden.count else {
    fail(
      prefix
        + said(
          "expected \(expected.hidden.count) hidden layers, got \(computed.hidden.count)",
          "应有 \(expected.hidden.count) 个隐藏层，得到 \(computed.hidden.count) 个"),
      sourceLocation: sourceLocation)
    return false
  }
  var agree = true
  for l in expected.hidden.indices {
    agree =
      expectMatrix(
        computed.hidden[l].weights, equals: expected.hidden[l].weights, tolerance: tolerance,
        prefix + said("layer \(l + 1), W", "第 \(l + 1) 层，W"), sourceLocation: sourceLocation)
      && agree
    agree =
      expectMatrix(
        computed.hidden[l].bias, equals: expected.hidden[l].bias, tolerance: tolerance,
        prefix + said("layer \(l + 1), b", "第 \(l + 1) 层，b"), sourceLocation: sourceLocation)
      && agree
  }
  agree =
    expectMatrix(
      computed.readout.weights, equals: expected.readout.weights, tolerance: tolerance,
      prefix + said("read-out, u", "读出层，u"), sourceLocation: sourceLocation) && agree
  agree =
    expectMatrix(
      computed.readout.bias, equals: expected.readout.bias, tolerance: tolerance,
      prefix + said("read-out, c", "读出层，c"), sourceLocation: sourceLocation) && agree
  return agree
}

/// The gradient of `loss` by central differences, parameter by parameter, in the shape of the
/// network.
func numericalGradient(
  of network: FoldingNetwork, loss: (FoldingNetwork) -> Double
) -> FoldingNetwork {
  var gradient = network
  for l in network.hidden.indices {
    gradient.hidden[l].weights = numericalGradient(
      of: { weights in
        var probe = network
        probe.hidden[l].weights = weights
        return loss(probe)
      }, at: network.hidden[l].weights)
    gradient.hidden[l].bias = numericalGradient(
      of: { bias in
        var probe = network
        probe.hidden[l].bias = bias
        return loss(probe)
      }, at: network.hidden[l].bias)
  }
  gradient.readout.weights = numericalGradient(
    of: { weights in
      var probe = network
      probe.readout.weights = weights
      return loss(probe)
    }, at: network.readout.weights)
  gradient.readout.bias = numericalGradient(
    of: { bias in
      var probe = network
      probe.readout.bias = bias
      return loss(probe)
    }, at: network.readout.bias)
  return gradient
}
