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
        (
          "the bias was added once per input map: each filter adds its bias once",
          zh: "每张输入特征图都加了一次偏置：每个滤波器只加一次它的偏置",
          zip(expected, TwoByTwo.biases).map { $0 + Matrix(rows: 2, columns: 3, repeating: $1) }
        ),
        (
          "filters[c][o] was laid on input map c: filter o's kernel for map c is filters[o][c]",
          zh: "在输入特征图 c 上用了 filters[c][o]：滤波器 o 对特征图 c 的卷积核是 filters[o][c]",
          // The same sums with the kernels w[c][o].
          [[[4, -1, -1], [2, 1, 8]], [[2.5, 2.5, 2.5], [4.5, 2.5, 2.5]]]
        ),
        (
          "the kernels were flipped: a layer correlates, it does not flip its kernels",
          zh: "卷积核被翻转了：卷积层做的是互相关，不翻转卷积核",
          // scipy.signal.convolve2d(x[c], w[o][c], mode='valid') summed over c, plus b[o].
          [[[6, 3, 0], [2, 2, -1]], [[2.5, -2.5, 0.5], [5.5, 3.5, 5.5]]]
        ),
      ])
  }

  @Test("kernels of 1x1, 2x3 and 5x4, with stride and padding: the sums of the definition")
  func kernelShapes() {
    var generator = SeededGenerator(seed: 14)
    let x = randomMaps(2, Shape(rows: 7, columns: 6), using: &generator)
    let cases: [(Shape, Int, Padding)] = [
      (Shape(rows: 1, columns: 1), 1, .valid), (Shape(rows: 2, columns: 3), 2, .explicit(1)),
      (Shape(rows: 5, columns: 4), 1, .same),
    ]
    for (kernel, stride, padding) in cases {
      let filters = (0..<3).map { _ in randomMaps(2, kernel, using: &generator) }
      let biases = [0.5, -1, 0.25]
      let layer = ConvLayer(filters: filters, biases: biases, stride: stride, padding: padding)
      let margins = padding.margins(forKernel: kernel)
      // y_o[i, j] = b_o + Σ_c Σ_k Σ_l w_oc[k, l] · x̃_c[i·s + k, j·s + l], x̃ the padded map.
      let rows = outputLengthByRule(7, kernel.rows, stride, margins.top + margins.bottom)
      let columns = outputLengthByRule(6, kernel.columns, stride, margins.left + margins.right)
      let expected = (0..<3).map { o in
        Matrix(rows: rows, columns: columns) { i, j in
          var sum = biases[o]
          for c in 0..<2 {
            for k in 0..<kernel.rows {
              for l in 0..<kernel.columns {
                let (r, q) = (i * stride + k - margins.top, j * stride + l - margins.left)
                if r >= 0 && r < 7 && q >= 0 && q < 6 { sum += filters[o][c][k, l] * x[c][r, q] }
              }
            }
          }
          return sum
        }
      }
      expectMaps(
        convLayerForward(x, layer), equal: expected,
        said("\(kernel) kernels, stride \(stride)", "\(kernel) 的卷积核，步幅 \(stride)"))
    }
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
  /// Layers to check: C_in, C_out, input shape, kernel, stride, padding. The kernels are
  /// square of 3 and 2, 1 x 1, 2 x 3 and 5 x 4.
  static let layers: [(Int, Int, Shape, Shape, Int, Padding)] = [
    (2, 3, Shape(rows: 5, columns: 6), Shape(rows: 3, columns: 3), 1, .valid),
    (3, 2, Shape(rows: 6, columns: 5), Shape(rows: 2, columns: 2), 2, .explicit(1)),
    (1, 2, Shape(rows: 4, columns: 4), Shape(rows: 3, columns: 3), 1, .same),
    (2, 2, Shape(rows: 4, columns: 5), Shape(rows: 1, columns: 1), 2, .valid),
    (2, 3, Shape(rows: 5, columns: 6), Shape(rows: 2, columns: 3), 1, .explicit(1)),
    (2, 2, Shape(rows: 7, columns: 6), Shape(rows: 5, columns: 4), 2, .explicit(2)),
  ]

  static func data(_ index: Int, seed: UInt64) -> (ConvLayer, [Matrix], [Matrix]) {
    let (inputs, outputs, shape, kernel, stride, padding) = layers[index]
    var generator = SeededGenerator(seed: seed)
    let layer = ConvLayer(
      filters: (0..<outputs).map { _ in randomMaps(inputs, kernel, using: &generator) },
      biases: (0..<outputs).map { _ in Double.random(in: -1...1, using: &generator) },
      stride: stride, padding: padding)
    let x = randomMaps(inputs, shape, using: &generator)
    let margins = padding.margins(forKernel: kernel)
    let upstream = randomMaps(
      outputs,
      Shape(
        rows: outputLengthByRule(shape.rows, kernel.rows, stride, margins.top + margins.bottom),
        columns: outputLengthByRule(
          shape.columns, kernel.columns, stride, margins.left + margins.right)),
      using: &generator)
    return (layer, x, upstream)
  }

  @Test(
    "the input maps' gradient passes the gradient check (relError < 1e-7)",
    arguments: layers.indices)
  func inputGradient(_ index: Int) {
    let (layer, x, g) = Self.data(index, seed: 11)
    let analytic = convLayerInputGradient(g, layer, inputShape: x[0].shape)
    let numeric = numericalGradients(of: { pairing(convLayerForward($0, layer), g) }, at: x)
    expectMapGradients(analytic, match: numeric, said("layer \(index)", "第 \(index) 层"))
  }

  @Test(
    "the filters' and biases' gradient passes the gradient check (relError < 1e-7)",
    arguments: layers.indices)
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
    if gradient.biases == [42, 1] {
      fail(
        said(
          "probably: the bias gradient was counted once per input map: the bias is added once",
          "可能是：偏置的梯度按输入特征图各算了一次：偏置只加了一次"))
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
    expectMatrix(
      gradient.filters[1][1], equals: [[0.5, -0.5], [-3, 2]],
      unlike: [
        KnownMistake(
          "every kernel's gradient read input map 0: kernel c only ever meets input map c",
          zh: "每个卷积核的梯度都读了输入特征图 0：卷积核 c 只和输入特征图 c 相遇",
          // scipy.signal.correlate2d(x[0], g[1], mode='valid').
          [[0.5, -2.5], [3.5, 0]])
      ])
  }

  @Test("by hand: each input map collects a share from every filter, through its own kernel")
  func inputGradientByHand() {
    let layer = ConvLayer(filters: TwoByTwo.filters, biases: TwoByTwo.biases)
    let upstream: [Matrix] = [[[1, 2, 3], [4, 5, 6]], [[-1, 0, 1], [0, 0, 0.5]]]
    // Σ_o scipy.signal.convolve2d(g[o], w[o][c], mode='full') for each input map c.
    let expected: [Matrix] = [
      [[2, 1, 2, 1], [3, 3, 4.5, -1.5], [0, -4, -4.5, -5.5]],
      [[-1, 1, 5, 7], [2, 10, 12.5, 12.5], [4, 5, 5.5, 0]],
    ]
    expectMaps(
      convLayerInputGradient(upstream, layer, inputShape: Shape(rows: 3, columns: 4)),
      equal: expected,
      unlike: [
        (
          "only filter 0's share reached the input: sum the shares of all the filters",
          zh: "输入只拿到了滤波器 0 的那一份：要把所有滤波器的份额加起来",
          // The same with filter 0 alone.
          [
            [[1, 2, 3, 0], [4, 4, 4, -3], [0, -4, -5, -6]],
            [[0, 2, 4, 6], [1, 10, 13, 12], [4, 5, 6, 0]],
          ]
        ),
        (
          "the filters' shares were averaged: an input map's gradient is their sum",
          zh: "各滤波器的份额取了平均：输入特征图的梯度是它们的和",
          expected.map { $0 / 2 }
        ),
        (
          "the sum was not reset for each input map: map 1 carries map 0's gradient too",
          zh: "没有为每张输入特征图重新清零：特征图 1 还带着特征图 0 的梯度",
          [expected[0], expected[0] + expected[1]]
        ),
        (
          "the kernel was flipped twice: correlationInputGradient flips it already",
          zh: "卷积核翻转了两次：correlationInputGradient 已经翻转过了",
          // Σ_o scipy.signal.convolve2d(g[o], np.rot90(w[o][c], 2), mode='full').
          [
            [[-2, -3, -2, 1], [-5, -3, -2.5, 2.5], [0, 4, 5.5, 5.5]],
            [[0, 2, 2, 2], [1, 7, 12, 6.5], [8, 10, 12.5, 0.5]],
          ]
        ),
        (
          "map c's gradient went through filters[c][o]: it goes back through filters[o][c]",
          zh: "特征图 c 的梯度经过了 filters[c][o]：应经过 filters[o][c] 传回",
          // The same with the kernels w[c][o].
          [
            [[1, 0, 3, 2], [3, 4, 5, -2], [0, -4, -4.5, -6]],
            [[-2, -2, 0, 4], [-2, 2, 3.5, 9.5], [4, 9, 10.5, 6]],
          ]
        ),
      ])
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

/// floor((n + padding - k) / s) + 1, the padding of both ends together: the tests' own output
/// length.
func outputLengthByRule(_ n: Int, _ k: Int, _ s: Int, _ padding: Int) -> Int {
  (n + padding - k) / s + 1
}
