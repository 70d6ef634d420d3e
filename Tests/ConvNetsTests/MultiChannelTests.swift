import ConvNets
import Convolution
import LectureKit
import TestSupport
import Testing

/// Two input maps of 3 x 4 and a layer of two filters of two 2 x 2 kernels each.
enum TwoByTwo {
  static let input: [Matrix] = [
    [[1, 2, 0, -1], [0, 1, 3, 1], [2, -1, 1, 0]],
    [[0, 1, 1, 0], [2, 0, -1, 1], [1, 1, 0, 2]],
  ]
  static let filters: [[Matrix]] = [
    [[[1, 0], [0, -1]], [[0, 2], [1, 0]]],
    [[[-1, 1], [1, 1]], [[1, 1], [-1, 0]]],
  ]
  static let biases: [Double] = [1, -0.5]
}

@Suite("A convolution layer with several input and output maps")
struct MultiChannelTests {
  @Test("every output location sums over all input maps, plus the filter's bias")
  func sumsOverMaps() {
    let layer = ConvLayer(filters: TwoByTwo.filters, biases: TwoByTwo.biases)
    // scipy.signal.correlate2d(x[c], w[o][c], mode='valid') summed over c, plus b[o].
    let expected: [Matrix] = [[[5, 2, -1], [3, 0, 6]], [[0.5, 3.5, 4.5], [2.5, -0.5, -1.5]]]
    let firstMapOnly = (0..<2).map { o in
      correlate(TwoByTwo.input[0], with: TwoByTwo.filters[o][0]).map { $0 + TwoByTwo.biases[o] }
    }
    expectMaps(
      convLayerForward(TwoByTwo.input, layer), equal: expected,
      unlike: [
        (
          "the filter's bias is left out",
          zh: "漏了滤波器的偏置",
          zip(expected, TwoByTwo.biases).map { $0 - Matrix(rows: 2, columns: 3, repeating: $1) }
        ),
        (
          "only input map 0 was read: each filter sums over all the input maps",
          zh: "只读了输入特征图 0：每个滤波器要对全部输入特征图求和", firstMapOnly
        ),
      ])
  }

  @Test("stride 2 and one zero of padding on every side of every map")
  func strideAndPadding() {
    let layer = ConvLayer(
      filters: TwoByTwo.filters, biases: TwoByTwo.biases, stride: 2, padding: .explicit(1))
    // The same sums on np.pad(x[c], 1), keeping every second row and column ([::2, ::2]).
    expectMaps(
      convLayerForward(TwoByTwo.input, layer),
      equal: [[[0, 2, 1], [3, 0, 4]], [[0.5, 0.5, -1.5], [3.5, -0.5, -2.5]]])
  }

  @Test("one input map and one filter: the layer is a correlation plus the bias")
  func oneMap() {
    let layer = ConvLayer(filters: [[TwoByTwo.filters[0][0]]], biases: [2])
    let output = convLayerForward([TwoByTwo.input[0]], layer)
    // scipy.signal.correlate2d(x[0], w[0][0], mode='valid') + 2.
    guard expectMaps(output, equal: [[[2, 1, 1], [3, 2, 5]]]) else { return }
    expectMatrix(
      output[0], equals: correlate(TwoByTwo.input[0], with: TwoByTwo.filters[0][0]).map { $0 + 2 })
  }

  /// The lecture's three pooled maps of the X [E2.1-E2.3], in ninths.
  static let pooledX: [Matrix] = [
    [[9, 3, 5, 3], [3, 9, 3, 5], [5, 3, 9, 1], [3, 5, 1, 7]],
    [[5, 3, 5, 3], [3, 9, 5, 1], [5, 5, 5, 1], [3, 1, 1, 3]],
    [[3, 5, 9, 7], [5, 5, 9, 3], [9, 9, 1, 5], [7, 3, 5, 3]],
  ].map { $0 / 9 }

  @Test("E2.1 E2.2 E2.3 a second-level filter scans the three pooled maps of the X at once")
  func secondLevel() {
    // Diagonal strokes in the diagonal map, anti-diagonal ones in the anti-diagonal map,
    // nothing from the centre map: strongest where the X's strokes cross.
    let detector = ConvLayer(
      filters: [[[[1, 0], [0, 1]], [[0, 0], [0, 0]], [[0, 1], [1, 0]]]], biases: [0])
    let output = convLayerForward(Self.pooledX, detector)
    // Sums of scipy.signal.correlate2d(map, kernel, mode='valid') over the three maps, x 9.
    let ninths: Matrix = [[28, 20, 26], [20, 36, 8], [26, 8, 26]]
    guard expectMaps(output, equal: [ninths / 9]) else { return }
    #expect(
      output[0][1, 1] == output[0].elements.max(),
      Comment(rawValue: said("the crossing is in the middle", "交叉点在正中")))
  }
}

@Suite("The backward pass of a convolution layer")
struct MultiChannelBackwardTests {
  /// Layers to check: C_in, C_out, input shape, kernel, stride, padding.
  static let layers: [(Int, Int, Shape, Int, Int, Padding)] = [
    (2, 3, Shape(rows: 5, columns: 6), 3, 1, .valid),
    (3, 2, Shape(rows: 6, columns: 5), 2, 2, .explicit(1)),
    (1, 2, Shape(rows: 4, columns: 4), 3, 1, .same),
  ]

  static func data(_ index: Int, seed: UInt64) -> (ConvLayer, [Matrix], [Matrix]) {
    let (inputs, outputs, shape, k, stride, padding) = layers[index]
    var generator = SeededGenerator(seed: seed)
    let layer = ConvLayer(
      filters: (0..<outputs).map { _ in
        randomMaps(inputs, Shape(rows: k, columns: k), using: &generator)
      },
      biases: (0..<outputs).map { _ in Double.random(in: -1...1, using: &generator) },
      stride: stride, padding: padding)
    let x = randomMaps(inputs, shape, using: &generator)
    let side = { (n: Int) in
      outputLengthByRule(n, k, stride, padding.margins(forKernel: Shape(rows: k, columns: k)))
    }
    let upstream = randomMaps(
      outputs, Shape(rows: side(shape.rows), columns: side(shape.columns)), using: &generator)
    return (layer, x, upstream)
  }

  @Test("the input maps' gradient passes the gradient check (relError < 1e-7)", arguments: 0..<3)
  func inputGradient(_ index: Int) {
    let (layer, x, g) = Self.data(index, seed: 11)
    let analytic = convLayerInputGradient(g, layer, inputShape: x[0].shape)
    let numeric = numericalGradients(of: { pairing(convLayerForward($0, layer), g) }, at: x)
    expectMapGradients(analytic, match: numeric, said("layer \(index)", "第 \(index) 层"))
  }

  @Test(
    "the filters' and biases' gradient passes the gradient check (relError < 1e-7)",
    arguments: 0..<3)
  func parameterGradient(_ index: Int) {
    let (layer, x, g) = Self.data(index, seed: 12)
    let gradient = convLayerParameterGradient(g, input: x, layer)
    guard expectWritten(gradient) else { return }
    for o in 0..<layer.outputChannels {
      let numeric = numericalGradients(
        of: { kernels in
          var filters = layer.filters
          filters[o] = kernels
          let varied = ConvLayer(
            filters: filters, biases: layer.biases, stride: layer.stride, padding: layer.padding)
          return pairing(convLayerForward(x, varied), g)
        }, at: layer.filters[o])
      guard o < gradient.filters.count else {
        fail(
          said(
            "expected \(layer.outputChannels) filters' gradients, computed \(gradient.filters.count)",
            "应为 \(layer.outputChannels) 个滤波器的梯度，算出 \(gradient.filters.count) 个"))
        return
      }
      expectMapGradients(
        gradient.filters[o], match: numeric,
        said("layer \(index), filter \(o)", "第 \(index) 层，滤波器 \(o)"))
    }
    let numericBiases = numericalGradient(
      of: { b in
        pairing(
          convLayerForward(
            x,
            ConvLayer(
              filters: layer.filters, biases: b.elements, stride: layer.stride,
              padding: layer.padding)), g)
      }, at: Matrix(column: layer.biases))
    expectGradient(
      Matrix(column: gradient.biases), matches: numericBiases,
      said("layer \(index), biases", "第 \(index) 层，偏置"))
  }

  @Test("by hand: a bias collects its map's upstream gradient, a kernel its own input map's")
  func biasGradient() {
    let layer = ConvLayer(filters: TwoByTwo.filters, biases: TwoByTwo.biases)
    let upstream: [Matrix] = [[[1, 2, 3], [4, 5, 6]], [[-1, 0, 1], [0, 0, 0.5]]]
    let gradient = convLayerParameterGradient(upstream, input: TwoByTwo.input, layer)
    if gradient.biases == [21.0 / 6, 0.5 / 6] {
      fail(
        said(
          "probably: the bias gradient was averaged over the map: it is the sum",
          "可能是：偏置的梯度在特征图上取了平均：应为求和"))
    }
    #expect(
      gradient.biases == [21, 0.5],
      Comment(rawValue: said("computed \(gradient.biases)", "算出 \(gradient.biases)")))
    // Kernel 1 of filter 1 only meets input map 1 and only feeds output map 1: its gradient
    // is scipy.signal.correlate2d(x[1], g[1], mode='valid').
    guard expectWritten(gradient) else { return }
    guard gradient.filters.count == 2, gradient.filters[1].count == 2 else {
      return fail(said("expected 2 x 2 kernels' gradients", "应为 2 x 2 个卷积核的梯度"))
    }
    expectMatrix(gradient.filters[1][1], equals: [[0.5, -0.5], [-3, 2]])
  }

  @Test("stacked layers: the second layer's input gradient carries the first layer's")
  func stackedLayers() {
    var generator = SeededGenerator(seed: 13)
    let first = ConvLayer.random(inputChannels: 1, outputChannels: 2, kernel: 3, using: &generator)
    let second = ConvLayer.random(inputChannels: 2, outputChannels: 2, kernel: 2, using: &generator)
    let x = randomMaps(1, Shape(rows: 6, columns: 6), using: &generator)
    let g = randomMaps(2, Shape(rows: 3, columns: 3), using: &generator)
    func loss(_ filters: [Matrix]) -> Double {
      let varied = ConvLayer(filters: [filters, first.filters[1]], biases: first.biases)
      return pairing(convLayerForward(convLayerForward(x, varied).map { relu($0) }, second), g)
    }
    // Backward: through the second layer to its input, through the ReLU, into the first layer.
    let z = convLayerForward(x, first)
    let upstream = convLayerInputGradient(g, second, inputShape: Shape(rows: 4, columns: 4))
    guard expectWritten(z), expectWritten(upstream) else { return }
    guard z.count == 2, upstream.count == 2 else {
      return fail(
        said(
          "expected 2 maps from each layer, computed \(z.count) and \(upstream.count)",
          "每层应输出 2 张特征图，算出 \(z.count) 张和 \(upstream.count) 张"))
    }
    let throughReLU = zip(upstream, z).map { $0.zipMap($1) { g, z in z > 0 ? g : 0 } }
    let gradient = convLayerParameterGradient(throughReLU, input: x, first)
    guard expectWritten(gradient) else { return }
    guard gradient.filters.count == 2 else {
      return fail(said("expected 2 filters' gradients", "应为 2 个滤波器的梯度"))
    }
    expectMapGradients(
      gradient.filters[0], match: numericalGradients(of: loss, at: first.filters[0]))
  }
}

/// floor((n + before + after - k) / s) + 1: the tests' own output length.
func outputLengthByRule(_ n: Int, _ k: Int, _ s: Int, _ margins: Margins) -> Int {
  (n + margins.top + margins.bottom - k) / s + 1
}
