#if PROBE_Backprop
  import Backprop
  import LectureKit

  /// Backprop (lecture `004`, section 3 "Backpropagation" and section 2.2; `002`, "Backprop
  /// Algorithm"). The probes take the notes' conventions at their edges: ReLU'(0) = 0, the hinge
  /// at margin exactly 1, W^l of (units in l-1) x (units in l) with layers of different widths,
  /// logits large enough to overflow an unshifted exponential, and the mean of a batch.
  let backpropProbes: [Probe] = [
    Probe("derivative") { inputs in
      // Whole numbers put z exactly at the rectifier's kink.
      var whole = inputs.wholeMatrix(3, 4)
      whole[inputs.int(0...2), inputs.int(0...3)] = 0
      let real = inputs.matrix(4, 3, in: -3...3)
      return Activation.allCases.flatMap { f in numbers(f.derivative(whole), f.derivative(real)) }
    },
    Probe("outputError") { inputs in
      // It calls squaredLossGradient, hingeLossGradient and softmax, as the notes' step 3 does.
      let n = inputs.int(2...4)
      var results: [Double] = []
      for f in [Activation.sigmoid, .tanh] {
        let z = inputs.matrix(n, 1, in: -2...2)
        results += numbers(outputError(.squared, z: z, activation: f, label: inputs.matrix(n, 1)))
      }
      var kinked = inputs.wholeMatrix(n, 1)
      kinked[inputs.int(0...(n - 1)), 0] = 0
      results += numbers(
        outputError(.squared, z: kinked, activation: .relu, label: inputs.matrix(n, 1)))
      for y in [1.0, -1.0] {
        // Margin exactly 1 with the identity, then an output through tanh.
        results += numbers(outputError(.hinge, z: [[y]], activation: .identity, label: [[y]]))
        let z = Matrix([[inputs.double(-2...2)]])
        results += numbers(outputError(.hinge, z: z, activation: .tanh, label: [[y]]))
      }
      let logits = inputs.matrix(n + 1, 1, in: -3...3)
      let label = oneHot(inputs.int(0...n), classes: n + 1)
      results += numbers(
        outputError(.softmaxCrossEntropy, z: logits, activation: .identity, label: label))
      return results
    },
    Probe("hiddenError") { inputs in
      // W^3 is square (a transpose keeps its shape but not its values), W^4 is not; the
      // activations of layers 2, 3 and 4 all differ, and layer 3's z has zeros.
      let hidden = inputs.pick([Activation.sigmoid, .tanh])
      let output = inputs.pick([Activation.identity, hidden == .sigmoid ? .tanh : .sigmoid])
      let outputs = inputs.int(1...2) * 2
      let network = randomNetwork(
        &inputs, sizes: [2, 3, 3, outputs], activations: [hidden, .relu, output])
      let pass = probePass(&inputs, network, wholeLayers: [3])
      return numbers(
        hiddenError(
          layer: 2, of: network, pass: pass, next: inputs.matrix(network.W(3).columns, 1)),
        hiddenError(
          layer: 3, of: network, pass: pass, next: inputs.matrix(network.W(4).columns, 1)))
    },
    Probe("weightGradient") { inputs in
      let m = inputs.int(2...4)
      let n = m + inputs.int(1...2)
      return numbers(
        weightGradient(previous: inputs.matrix(m, 1), error: inputs.matrix(m, 1)),
        weightGradient(previous: inputs.matrix(m, 1), error: inputs.matrix(n, 1)),
        weightGradient(previous: inputs.matrix(n, 1), error: inputs.matrix(m, 1)))
    },
    Probe("backpropagate") { inputs in
      // It calls outputError, hiddenError and weightGradient: the notes' steps 3 to 5. Whole
      // weights and inputs put some z exactly at the rectifier's kink.
      var results: [Double] = []
      let squared = randomNetwork(
        &inputs, sizes: [3, 4, 2, 3], activations: [.relu, .tanh, .sigmoid], whole: true)
      results += gradientNumbers(
        backpropagate(
          squared, pass: consistentPass(squared, inputs.wholeMatrix(3, 1)), loss: .squared,
          label: inputs.matrix(3, 1)))
      let softmax = randomNetwork(
        &inputs, sizes: [2, 3, 3, 4], activations: [.tanh, .relu, .identity], whole: true)
      results += gradientNumbers(
        backpropagate(
          softmax, pass: consistentPass(softmax, inputs.wholeMatrix(2, 1)),
          loss: .softmaxCrossEntropy, label: oneHot(inputs.int(0...3), classes: 4)))
      // The hinge network at both kinks: whole weights, and an output bias that puts the
      // output exactly at the label (margin 1); then the same network off the margin.
      let drawn = randomNetwork(
        &inputs, sizes: [2, 3, 1], activations: [.relu, .identity], whole: true)
      let x = inputs.wholeMatrix(2, 1)
      let y = inputs.pick([1.0, -1.0])
      let output = consistentPass(drawn, x).output[0, 0] - drawn.b(3)[0, 0]
      let layers = [drawn.layers[0], Layer(W: drawn.W(3), b: [[y - output]], f: .identity)]
      let atMargin = Network(layers: layers)
      for (network, label) in [(atMargin, y), (atMargin, -y), (drawn, y)] {
        results += gradientNumbers(
          backpropagate(network, pass: consistentPass(network, x), loss: .hinge, label: [[label]])
        )
      }
      return results
    },
    Probe("forwardPass") { inputs in
      var results: [Double] = []
      let sizes = [3, 4, 2, inputs.int(2...3)]
      let activations = [
        inputs.pick([Activation.relu, .tanh]), .sigmoid, inputs.pick([.identity, .tanh]),
      ]
      let deep = randomNetwork(&inputs, sizes: sizes, activations: activations)
      let pass = forwardPass(deep, input: inputs.matrix(3, 1, in: -2...2))
      results += numbers(pass.zs, pass.activations)
      let shallow = randomNetwork(&inputs, sizes: [2, 3], activations: [.relu], whole: true)
      let second = forwardPass(shallow, input: inputs.wholeMatrix(2, 1))
      results += numbers(second.zs, second.activations)
      return results
    },
    Probe("squaredLossGradient") { inputs in
      let n = inputs.int(2...5)
      return numbers(
        squaredLossGradient(output: inputs.matrix(n, 1), label: inputs.matrix(n, 1)),
        squaredLossGradient(output: inputs.wholeMatrix(n, 1), label: inputs.wholeMatrix(n, 1)))
    },
    Probe("hingeLossGradient") { inputs in
      // For either label: margin exactly 1, margin 0, and a random output.
      var results: [Double] = []
      for y in [1.0, -1.0] {
        for a in [y, 0, inputs.double(-2...2), y * inputs.double(0.1...0.9)] {
          results += numbers(hingeLossGradient(output: [[a]], label: [[y]]))
        }
      }
      return results
    },
    Probe("softmax") { inputs in
      let n = inputs.int(2...5)
      let large = inputs.matrix(n, 1, in: 700...1000)
      return numbers(
        softmax(inputs.matrix(n, 1, in: -3...3)), softmax(large), softmax(-1 * large),
        softmax(inputs.wholeMatrix(n, 1)))
    },
    Probe("softmaxCrossEntropy") { inputs in
      let n = inputs.int(2...5)
      var results: [Double] = []
      for range in [-3.0...3.0, 700.0...1000.0, -1000.0 ... -700.0] {
        let label = oneHot(inputs.int(0...(n - 1)), classes: n)
        results += numbers(
          softmaxCrossEntropy(logits: inputs.matrix(n, 1, in: range), label: label))
      }
      // The true class far below the largest logit: its softmax underflows to 0.
      var logits = inputs.matrix(n, 1)
      let c = inputs.int(0...(n - 1))
      logits[c, 0] = -inputs.double(800...900)
      results += numbers(softmaxCrossEntropy(logits: logits, label: oneHot(c, classes: n)))
      return results
    },
    Probe("batchGradient") { inputs in
      // It calls the chapter's gradients (forwardPass, then backpropagate) for every pair.
      let network = randomNetwork(&inputs, sizes: [2, 3, 2], activations: [.tanh, .identity])
      let batch = (0..<inputs.int(2...4)).map { _ in
        TrainingPair(x: inputs.matrix(2, 1), y: inputs.matrix(2, 1))
      }
      let classifier = randomNetwork(
        &inputs, sizes: [2, 3, 3], activations: [.sigmoid, .identity])
      let labelled = (0..<3).map { _ in
        TrainingPair(x: inputs.matrix(2, 1), y: oneHot(inputs.int(0...2), classes: 3))
      }
      return gradientNumbers(batchGradient(network, batch: batch, loss: .squared))
        + gradientNumbers(batchGradient(classifier, batch: labelled, loss: .softmaxCrossEntropy))
    },
    Probe("sgdUpdate") { inputs in
      let outputs = inputs.int(1...3)
      let network = randomNetwork(
        &inputs, sizes: [3, 2, outputs], activations: [.relu, .identity])
      let g = Gradients(
        dW: network.layers.map { inputs.matrix($0.W.rows, $0.W.columns) },
        db: network.layers.map { inputs.matrix($0.b.rows, 1) })
      let learningRate = inputs.pick([0.05, 0.1, 0.3, 2])
      return networkNumbers(sgdUpdate(network, gradients: g, learningRate: learningRate))
    },
  ]

  /// A network of the given sizes and activations whose weights and biases are drawn from
  /// `inputs` (small whole numbers when `whole`, so that some z are exactly 0).
  private func randomNetwork(
    _ inputs: inout ProbeInputs, sizes: [Int], activations: [Activation], whole: Bool = false
  ) -> Network {
    Network(
      layers: activations.indices.map { k in
        let weights =
          whole ? inputs.wholeMatrix(sizes[k], sizes[k + 1]) : inputs.matrix(sizes[k], sizes[k + 1])
        let biases = whole ? inputs.wholeMatrix(sizes[k + 1], 1) : inputs.matrix(sizes[k + 1], 1)
        return Layer(W: weights, b: biases, f: activations[k])
      })
  }

  /// A pass of the network's shapes whose z are drawn from `inputs` (whole numbers, one of them
  /// 0, for the layers in `wholeLayers`) and whose a are f(z): the backward pass reads it without the
  /// forward pass's exercise.
  private func probePass(_ inputs: inout ProbeInputs, _ network: Network, wholeLayers: Set<Int>)
    -> ForwardPass
  {
    var pass = ForwardPass(input: inputs.matrix(network.inputs, 1))
    for l in 2...network.L {
      let units = network.W(l).columns
      var z = inputs.matrix(units, 1)
      if wholeLayers.contains(l) {
        z = inputs.wholeMatrix(units, 1)
        z[inputs.int(0...(units - 1)), 0] = 0
      }
      pass.append(z: z, a: network.f(l)(z))
    }
    return pass
  }

  /// The forward pass of `network` on `x`, computed here rather than by the forwardPass
  /// exercise.
  private func consistentPass(_ network: Network, _ x: Matrix) -> ForwardPass {
    var pass = ForwardPass(input: x)
    for l in 2...network.L {
      let z = network.W(l).transposed() * pass.a(l - 1) + network.b(l)
      pass.append(z: z, a: network.f(l)(z))
    }
    return pass
  }

  /// The weight gradients, then the bias gradients.
  private func gradientNumbers(_ g: Gradients) -> [Double] { numbers(g.weights, g.biases) }

  /// Every layer's W, then every layer's b.
  private func networkNumbers(_ network: Network) -> [Double] {
    numbers(network.layers.map(\.W), network.layers.map(\.b))
  }
#endif
