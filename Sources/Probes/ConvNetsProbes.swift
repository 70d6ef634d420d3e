#if PROBE_ConvNets
  import ConvNets
  import LectureKit
  import Pooling

  /// ConvNets (lecture `002`, "Putting it all together", "How many parameters?", "Let us
  /// calculate that"; `001`, "Deep Convolutional Neural Network"; `004`, sections 3 and 5.2).
  /// The probes take several input maps and several filters (each map's share summed), a
  /// stride of 2 with padding, maps of more columns than rows (a flatten or an unflatten along
  /// the wrong axis moves numbers), ReLU'(0) = 0 at a pooled maximum, and the mean of a batch.
  let convNetsProbes: [Probe] = [
    Probe("convNetBackward") { inputs in
      // The pass is built here, not by convNetForward. Filter 0's first pooling window has its
      // maximum, 0, where z is exactly 0: ReLU'(0) = 0 stops its gradient. The backward pass
      // calls unflatten and convLayerParameterGradient, as the notes' recursion does.
      let net = probeNet(&inputs, inputChannels: 2, filters: 2, classes: 3)
      let input = (0..<2).map { _ in inputs.matrix(5, 5) }
      var z = (0..<2).map { _ in inputs.wholeMatrix(4, 4) }
      z[0][0, 0] = 0
      for (i, j) in [(0, 1), (1, 0), (1, 1)] { z[0][i, j] = -Double(inputs.int(1...2)) }
      let a = z.map { $0.map { max(0, $0) } }
      let pooled = a.map(maxPooledByTwo)
      let features = Matrix(column: pooled.flatMap(\.elements))
      let pass = ConvNetPass(
        input: input, z: z, a: a, pooled: pooled, features: features,
        logits: net.readout.weights.transposed() * features + net.readout.biases)
      return numbers(
        convNetBackward(net, pass: pass, label: inputs.int(0...2)).parameters,
        convNetBackward(net, pass: pass, label: inputs.int(0...2)).parameters)
    },
    Probe("convLayerInputGradient") { inputs in
      // It calls the Convolution chapter's correlationInputGradient for each kernel.
      var results: [Double] = []
      for (stride, padding) in [(1, 0), (2, 1)] {
        let layer = probeLayer(&inputs, stride: stride, padding: padding)
        let shape = Shape(rows: 5, columns: 6)
        let upstream = (0..<layer.outputChannels).map { _ in
          inputs.matrix(
            outputSize(5, layer.kernelShape.rows, stride, padding),
            outputSize(6, layer.kernelShape.columns, stride, padding))
        }
        results += numbers(convLayerInputGradient(upstream, layer, inputShape: shape))
      }
      return results
    },
    Probe("convLayerParameterGradient") { inputs in
      // It calls the Convolution chapter's correlationKernelGradient for each kernel.
      var results: [Double] = []
      for (stride, padding) in [(1, 0), (2, 1)] {
        let layer = probeLayer(&inputs, stride: stride, padding: padding)
        let input = (0..<layer.inputChannels).map { _ in inputs.matrix(5, 6) }
        let upstream = (0..<layer.outputChannels).map { _ in
          inputs.matrix(
            outputSize(5, layer.kernelShape.rows, stride, padding),
            outputSize(6, layer.kernelShape.columns, stride, padding))
        }
        let gradient = convLayerParameterGradient(upstream, input: input, layer)
        results += numbers(gradient.filters, gradient.biases)
      }
      return results
    },
    Probe("convLayerForward") { inputs in
      // It calls the Convolution chapter's correlate for each kernel.
      var results: [Double] = []
      for (stride, padding) in [(1, 0), (2, 1)] {
        let layer = probeLayer(&inputs, stride: stride, padding: padding)
        let input = (0..<layer.inputChannels).map { _ in inputs.matrix(5, 6) }
        results += numbers(convLayerForward(input, layer))
      }
      return results
    },
    Probe("flatten") { inputs in
      let rows = inputs.int(2...3)
      let maps = (0..<inputs.int(2...3)).map { _ in inputs.matrix(rows, rows + 1) }
      return numbers(flatten(maps), flatten([inputs.matrix(3, 2)]))
    },
    Probe("unflatten") { inputs in
      let count = inputs.int(2...3)
      let shape = Shape(rows: inputs.int(2...3), columns: 4)
      return numbers(
        unflatten(inputs.matrix(count * shape.rows * shape.columns, 1), into: count, of: shape),
        unflatten(inputs.matrix(6, 1), into: 1, of: Shape(rows: 3, columns: 2)))
    },
    Probe("convNetForward") { inputs in
      // It calls convLayerForward, relu, maxPool and flatten: the lecture's chain. Filter 1's
      // small kernels and bias of -1 make its whole map negative: pooling before the ReLU
      // would keep those negative maxima.
      let drawn = probeNet(&inputs, inputChannels: 2, filters: 2, classes: 3)
      let conv = ConvLayer(
        filters: [drawn.conv.filters[0], drawn.conv.filters[1].map { 0.1 * $0 }],
        biases: [drawn.conv.biases[0], -1])
      let net = ConvNet(conv: conv, pool: drawn.pool, readout: drawn.readout)
      let pass = convNetForward(net, input: (0..<2).map { _ in inputs.matrix(5, 5) })
      return numbers(pass.input, pass.z, pass.a, pass.pooled, pass.features, pass.logits)
    },
    Probe("layerOutputShape") { inputs in
      // It calls the Convolution chapter's outputLength and the Pooling chapter's pooledShape.
      let input = VolumeShape(
        channels: inputs.int(1...3), rows: inputs.int(7...9), columns: inputs.int(10...12))
      let layers: [NetworkLayer] = [
        .convolution(filters: inputs.int(4...6), kernel: 3, stride: 2, padding: 1),
        .convolution(filters: inputs.int(4...6), kernel: inputs.int(2...5)),
        .maxPool(PoolWindow(size: 3, stride: 2)),
        .maxPool(PoolWindow(rows: PoolAxis(size: 2), columns: PoolAxis(size: 3))),
        .subsampling(PoolWindow(size: 2, stride: 1, padding: 1)),
        .maxPool(PoolWindow(size: 2, rounding: .ceil)),
        .dense(units: inputs.int(2...9)),
        .fixedRBF(units: inputs.int(2...9)),
      ]
      return layers.flatMap { shapeNumbers(layerOutputShape($0, input: input)) }
    },
    Probe("layerParameterCount") { inputs in
      let input = VolumeShape(
        channels: inputs.int(2...4), rows: inputs.int(5...7), columns: inputs.int(8...9))
      let filters = inputs.int(2...4)
      let partial = (0..<filters).map { _ in inputs.int(1...input.channels) }
      let layers: [NetworkLayer] = [
        .convolution(filters: filters, kernel: inputs.int(2...5)),
        .convolution(
          filters: filters, kernel: 3, stride: 2, padding: 1, inputMapsPerFilter: partial),
        .maxPool(PoolWindow(size: 2)),
        .subsampling(PoolWindow(size: 2)),
        .dense(units: inputs.int(2...9)),
        .fixedRBF(units: inputs.int(2...9)),
      ]
      return layers.map { Double(layerParameterCount($0, input: input)) }
    },
    Probe("convNetStep") { inputs in
      // It calls convNetForward and convNetBackward for each example: one step of the batch.
      let net = probeNet(&inputs, inputChannels: 2, filters: 2, classes: 3)
      let batch = (0..<inputs.int(2...3)).map { _ in
        LabelledImage(maps: (0..<2).map { _ in inputs.matrix(5, 5) }, label: inputs.int(0...2))
      }
      return numbers(
        convNetStep(net, batch: batch, learningRate: inputs.double(0.05...0.5)).parameters)
    },
  ]

  /// A layer of two or three input maps and two or three filters of 2 x 3 or 3 x 2 kernels,
  /// with biases that are not zero.
  private func probeLayer(_ inputs: inout ProbeInputs, stride: Int, padding: Int) -> ConvLayer {
    let (inputChannels, outputChannels) = (inputs.int(2...3), inputs.int(2...3))
    let tall = inputs.pick([true, false])
    let filters = (0..<outputChannels).map { _ in
      (0..<inputChannels).map { _ in inputs.matrix(tall ? 3 : 2, tall ? 2 : 3) }
    }
    return ConvLayer(
      filters: filters, biases: (0..<outputChannels).map { _ in inputs.double(-1...1) },
      stride: stride, padding: .explicit(padding))
  }

  /// A network for 5 x 5 input maps: 2 x 2 kernels (4 x 4 maps), 2 x 2 max pooling (2 x 2
  /// maps), a read-out to `classes`; every parameter drawn from `inputs`.
  private func probeNet(
    _ inputs: inout ProbeInputs, inputChannels: Int, filters: Int, classes: Int
  ) -> ConvNet {
    let kernels = (0..<filters).map { _ in (0..<inputChannels).map { _ in inputs.matrix(2, 2) } }
    let conv = ConvLayer(
      filters: kernels, biases: (0..<filters).map { _ in inputs.double(-0.5...0.5) })
    let readout = DenseLayer(
      weights: inputs.matrix(filters * 4, classes), biases: inputs.matrix(classes, 1))
    return ConvNet(conv: conv, pool: PoolWindow(size: 2), readout: readout)
  }

  /// floor((n + 2p - k) / s) + 1, computed here.
  private func outputSize(_ n: Int, _ k: Int, _ s: Int, _ p: Int) -> Int { (n + 2 * p - k) / s + 1 }

  /// 2 x 2 max pooling at stride 2 of a map of even sides, computed here.
  private func maxPooledByTwo(_ map: Matrix) -> Matrix {
    Matrix(rows: map.rows / 2, columns: map.columns / 2) { i, j in
      max(
        map[2 * i, 2 * j], map[2 * i, 2 * j + 1], map[2 * i + 1, 2 * j], map[2 * i + 1, 2 * j + 1])
    }
  }

  /// A volume's channels, rows and columns.
  private func shapeNumbers(_ shape: VolumeShape) -> [Double] {
    [Double(shape.channels), Double(shape.rows), Double(shape.columns)]
  }
#endif
