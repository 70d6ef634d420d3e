// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The notes name the weight matrices W^l and the number of layers L; the code keeps their names.
import Backprop
import LectureKit
import TestSupport
import Testing

/// Expects a forward pass through the L layers of a network; a placeholder or a pass of the
/// wrong length fails with a message (and the caller must not index into it).
@discardableResult
func expectPass(
  _ pass: ForwardPass, layers L: Int, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard expectWritten(pass, sourceLocation: sourceLocation) else { return false }
  guard pass.L == L else {
    // A loop `for l in 2..<L` computes every layer but the output.
    let short =
      pass.L == L - 1
      ? KnownMistake.naming([
        said(
          "the loop over the layers stops before layer L: for l = 2, ..., L is 2...L",
          "对各层的循环在第 L 层之前就停了：for l = 2, ..., L 应写 2...L")
      ])! + "\n" : ""
    fail(
      short
        + said(
          "expected a pass through \(L) layers (a^1 ... a^\(L)), computed one through \(pass.L)",
          "前向传播应经过 \(L) 层（a^1 ... a^\(L)），算出的经过了 \(pass.L) 层"),
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

/// Expects gradients for the layers 2 ... L; a placeholder or a wrong number of layers fails.
@discardableResult
func expectLayers(
  _ gradients: Gradients, _ L: Int, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard expectWritten(gradients, sourceLocation: sourceLocation) else { return false }
  guard gradients.L == L else {
    fail(
      said(
        "expected gradients of layers 2 ... \(L), computed layers 2 ... \(gradients.L)",
        "应为第 2 ... \(L) 层的梯度，算出的是第 2 ... \(gradients.L) 层"),
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

/// Expects every `∂ℓ/∂W^l` and `∂ℓ/∂b^l` to match the expected ones (relative error, shapes
/// first).
func expectGradients(
  _ computed: Gradients, match expected: Gradients, below bound: Double = 1e-7,
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard expectLayers(computed, expected.L, sourceLocation: sourceLocation) else { return }
  for l in 2...expected.L {
    expectGradient(
      computed.dW(l), matches: expected.dW(l), below: bound, "\(context) ∂ℓ/∂W^\(l)",
      sourceLocation: sourceLocation)
    expectGradient(
      computed.db(l), matches: expected.db(l), below: bound, "\(context) ∂ℓ/∂b^\(l)",
      sourceLocation: sourceLocation)
  }
}

/// Expects every gradient to equal the expected one entry by entry.
func expectGradients(
  _ computed: Gradients, equal expected: Gradients, tolerance: Double = 1e-12,
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
  guard expectLayers(computed, expected.L, sourceLocation: sourceLocation) else { return }
  for l in 2...expected.L {
    expectMatrix(
      computed.dW(l), equals: expected.dW(l), tolerance: tolerance, "\(context) ∂ℓ/∂W^\(l)",
      sourceLocation: sourceLocation)
    expectMatrix(
      computed.db(l), equals: expected.db(l), tolerance: tolerance, "\(context) ∂ℓ/∂b^\(l)",
      sourceLocation: sourceLocation)
  }
}

extension Network {
  /// The same network with layer l's weights or biases replaced.
  func replacing(layer l: Int, W: Matrix? = nil, b: Matrix? = nil) -> Network {
    var layers = self.layers
    layers[l - 2] = Layer(W: W ?? self.W(l), b: b ?? self.b(l), f: f(l))
    return Network(layers: layers)
  }

  /// A network of the given sizes whose weights and biases are uniform in [-1, 1].
  static func uniform(
    sizes: [Int], activations: [Activation], using generator: inout SeededGenerator
  ) -> Network {
    Network(
      layers: activations.indices.map { k in
        Layer(
          W: .random(rows: sizes[k], columns: sizes[k + 1], using: &generator),
          b: .random(rows: sizes[k + 1], columns: 1, using: &generator), f: activations[k])
      })
  }
}

/// The gradients of the loss of (x, y) by central differences, parameter by parameter: what
/// backpropagation must agree with. (Uses the forward pass and the loss values.)
func numericalGradients(of network: Network, input x: Matrix, label y: Matrix, loss: Loss)
  -> Gradients
{
  var dW: [Matrix] = []
  var db: [Matrix] = []
  for l in 2...network.L {
    dW.append(
      numericalGradient(
        of: { W in lossValue(loss, of: network.replacing(layer: l, W: W), input: x, label: y) },
        at: network.W(l)))
    db.append(
      numericalGradient(
        of: { b in lossValue(loss, of: network.replacing(layer: l, b: b), input: x, label: y) },
        at: network.b(l)))
  }
  return Gradients(dW: dW, db: db)
}

/// The output of `network` at `x`, computed here rather than by the exercise `forwardPass`, for
/// tests that need it to set up a case.
func referenceOutput(_ network: Network, input x: Matrix) -> Matrix {
  var a = x
  for layer in network.layers { a = layer.f(layer.W.transposed() * a + layer.b) }
  return a
}

/// Expects gradients of the shapes of the network's parameters. Tests that feed gradients to
/// given code (sums, updates, training) check this first: given code stops on a shape mismatch.
@discardableResult
func expectFits(
  _ gradients: Gradients, _ network: Network, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard expectLayers(gradients, network.L, sourceLocation: sourceLocation) else { return false }
  for l in 2...network.L {
    guard
      expectShape(
        gradients.dW(l), network.W(l).shape, "∂ℓ/∂W^\(l)", sourceLocation: sourceLocation),
      expectShape(gradients.db(l), network.b(l).shape, "∂ℓ/∂b^\(l)", sourceLocation: sourceLocation)
    else { return false }
  }
  return true
}

/// Expects a number as ``expectClose(_:_:tolerance:_:sourceLocation:)`` does; when it is not
/// close and a known mistake gives it (as a 1 x 1 matrix), the failure starts with the
/// diagnosis ("probably: ...").
@discardableResult
func expectClose(
  _ computed: Double, _ expected: Double, unlike mistakes: [KnownMistake],
  tolerance: Double = 1e-12, _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let failures = capturingFailures {
    _ = expectClose(computed, expected, tolerance: tolerance, context)
  }
  guard let failure = failures.first else { return true }
  let named = KnownMistake.diagnosis(of: [[computed]], among: mistakes).map { "\($0)\n" } ?? ""
  fail(named + failure, sourceLocation: sourceLocation)
  return false
}

/// Fails with "probably: ..." when a known mistake explains what a test computed, in the words
/// of ``KnownMistake/naming(_:)``; for values that are not one matrix (gradients of several
/// layers, a pass of the wrong length).
func nameMistake(
  _ diagnosis: String, zh chineseDiagnosis: String, _ detail: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  fail(
    KnownMistake.naming([said(diagnosis, chineseDiagnosis)])!
      + (detail.isEmpty ? "" : "\n" + detail),
    sourceLocation: sourceLocation)
}

/// Whether two gradients agree layer by layer (relative error below 1e-7, shapes alike).
func agree(_ computed: Gradients, _ expected: Gradients) -> Bool {
  !computed.isPlaceholder && computed.L == expected.L
    && (2...expected.L).allSatisfy { l in
      relError(computed.dW(l), expected.dW(l)) < 1e-7
        && relError(computed.db(l), expected.db(l)) < 1e-7
    }
}
