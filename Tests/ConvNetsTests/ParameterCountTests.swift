import ConvNets
import LectureKit
import Pooling
import TestSupport
import Testing

/// One layer of LeNet-5 with the shape it takes and its parameters in both countings.
struct LeNetLayer: Sendable, CustomStringConvertible {
  let name: String
  let input: VolumeShape
  let modern: Int
  let original: Int

  var description: String {
    said(
      "\(name) on \(input): \(modern) / \(original)", "\(name) 作用于 \(input)：\(modern) / \(original)"
    )
  }
}

/// The same input through a dense layer and through a convolution layer with as many outputs.
struct DenseVersusConv: Sendable, CustomStringConvertible {
  let id: String
  let input: VolumeShape
  let conv: NetworkLayer
  let convCount: Int
  let denseCount: Int

  var description: String {
    said(
      "\(id) \(input), \(conv): \(convCount) against \(denseCount)",
      "\(id) \(input)，\(conv)：\(convCount) 对 \(denseCount)")
  }
}

@Suite("Parameters: LeNet-5, and dense against convolution layers")
struct ParameterCountTests {
  static let leNet: [LeNetLayer] = [
    LeNetLayer(name: "C1", input: volume(1, 32, 32), modern: 156, original: 156),
    LeNetLayer(name: "S2", input: volume(6, 28, 28), modern: 0, original: 12),
    LeNetLayer(name: "C3", input: volume(6, 14, 14), modern: 2416, original: 1516),
    LeNetLayer(name: "S4", input: volume(16, 10, 10), modern: 0, original: 32),
    LeNetLayer(name: "C5", input: volume(16, 5, 5), modern: 48120, original: 48120),
    LeNetLayer(name: "F6", input: volume(120, 1, 1), modern: 10164, original: 10164),
    LeNetLayer(name: "output", input: volume(84, 1, 1), modern: 850, original: 0),
  ]

  @Test("LeNet-5 layer by layer, with full connections and as in the paper", arguments: leNet)
  func leNetLayer(_ row: LeNetLayer) {
    let index = LeNet5.names.firstIndex(of: row.name)!
    let modern = layerParameterCount(LeNet5.modern[index], input: row.input)
    let original = layerParameterCount(LeNet5.original[index], input: row.input)
    #expect(
      modern == row.modern,
      Comment(
        rawValue: said(
          "\(row.name) with full connections: computed \(modern)",
          "\(row.name) 全连接时：算出 \(modern)")))
    #expect(
      original == row.original,
      Comment(
        rawValue: said(
          "\(row.name) as in the paper: computed \(original)",
          "\(row.name) 按论文的连接：算出 \(original)")))
  }

  @Test("LeNet-5: 156 + 2416 + 48120 + 10164 + 850 = 61,706 with full connections")
  func leNetModern() {
    let counts = parameterCounts(of: LeNet5.modern, input: LeNet5.input)
    if counts.first == 150 {
      fail(
        said(
          "probably: the filters' biases are not counted: one per filter",
          "可能是：没算滤波器的偏置：每个滤波器一个"))
    }
    if counts.last == 840 {
      fail(
        said(
          "probably: the dense layer's biases are not counted: one per unit",
          "可能是：没算全连接层的偏置：每个单元一个"))
    }
    #expect(counts == [156, 0, 2416, 0, 48120, 10164, 850])
    #expect(counts.reduce(0, +) == 61_706)
  }

  @Test("LeNet-5 as in the paper: 156 + 12 + 1516 + 32 + 48120 + 10164 = 60,000")
  func leNetOriginal() {
    let counts = parameterCounts(of: LeNet5.original, input: LeNet5.input)
    #expect(counts == [156, 12, 1516, 32, 48120, 10164, 0])
    #expect(counts.reduce(0, +) == 60_000)
  }

  @Test("C3's partial connections: 60 kernels of 5x5 and 16 biases")
  func partialConnections() {
    #expect(LeNet5.c3Connections.map(\.count).reduce(0, +) == 60)
    let partial = NetworkLayer.convolution(
      filters: 16, kernel: 5, inputMapsPerFilter: LeNet5.c3Connections.map(\.count))
    #expect(layerParameterCount(partial, input: volume(6, 14, 14)) == 60 * 25 + 16)
    // The same connections read from an input twice the size: a convolution's count does not
    // depend on the size of its maps.
    #expect(layerParameterCount(partial, input: volume(6, 28, 28)) == 1516)
  }

  static let comparisons: [DenseVersusConv] = [
    DenseVersusConv(
      id: "E4.4", input: volume(1, 28, 28), conv: .convolution(filters: 3, kernel: 5),
      convCount: 78, denseCount: 1_356_480),
    DenseVersusConv(
      id: "E4.3", input: volume(1, 14, 14), conv: .convolution(filters: 1, kernel: 4, stride: 2),
      convCount: 17, denseCount: 7092),
    DenseVersusConv(
      id: "LeNet C1", input: volume(1, 32, 32), conv: .convolution(filters: 6, kernel: 5),
      convCount: 156, denseCount: 4_821_600),
    DenseVersusConv(
      id: "E4.2", input: volume(1, 300, 400),
      conv: .convolution(filters: 1, kernel: 5, padding: 2), convCount: 26,
      denseCount: 14_400_120_000),
  ]

  @Test(
    "E4.2 E4.3 E4.4 dense against conv on the same input, to as many units",
    arguments: comparisons)
  func denseVersusConv(_ example: DenseVersusConv) {
    let units = layerOutputShape(example.conv, input: example.input)
    let conv = layerParameterCount(example.conv, input: example.input)
    #expect(
      conv == example.convCount,
      Comment(
        rawValue: said("\(example): conv computed \(conv)", "\(example)：卷积层算出 \(conv)")))
    guard units.isValid else {
      fail(said("\(example): the convolution's output is \(units)", "\(example)：卷积的输出是 \(units)"))
      return
    }
    let dense = layerParameterCount(.dense(units: units.count), input: example.input)
    #expect(
      dense == example.denseCount,
      Comment(
        rawValue: said(
          "\(example): dense computed \(dense) for \(units)",
          "\(example)：输出 \(units) 时全连接层算出 \(dense)")))
  }

  @Test("a dense layer's count grows with its input, a convolution's does not")
  func growth() {
    let conv = NetworkLayer.convolution(filters: 3, kernel: 5)
    #expect(layerParameterCount(conv, input: volume(1, 28, 28)) == 78)
    #expect(layerParameterCount(conv, input: volume(1, 280, 280)) == 78)
    #expect(layerParameterCount(conv, input: volume(2, 28, 28)) == 3 * (2 * 25 + 1))
    #expect(layerParameterCount(.dense(units: 10), input: volume(1, 28, 28)) == 7850)
    #expect(layerParameterCount(.dense(units: 10), input: volume(1, 280, 280)) == 784_010)
  }
}

/// One layer, the shape it takes and its parameters, worked out by hand.
struct CountCase: Sendable, CustomStringConvertible {
  let layer: NetworkLayer
  let input: VolumeShape
  let count: Int

  var description: String { said("\(layer) on \(input)", "\(layer) 作用于 \(input)") }
}

@Suite("Parameters: the mistakes")
struct ParameterCountMistakeTests {
  static let cases: [CountCase] = [
    CountCase(layer: .convolution(filters: 3, kernel: 5), input: volume(1, 28, 28), count: 78),
    CountCase(
      layer: .convolution(filters: 4, kernel: 5, padding: 2), input: volume(3, 300, 400),
      count: 4 * (3 * 25 + 1)),
    CountCase(layer: .convolution(filters: 8, kernel: 5), input: volume(3, 12, 12), count: 608),
    CountCase(layer: .convolution(filters: 2, kernel: 3), input: volume(2, 7, 7), count: 38),
    // A 1 x 1 kernel: one weight per input map, and the bias.
    CountCase(layer: .convolution(filters: 6, kernel: 1), input: volume(16, 5, 5), count: 102),
    CountCase(
      layer: .convolution(
        filters: 16, kernel: 5, inputMapsPerFilter: LeNet5.c3Connections.map(\.count)),
      input: volume(6, 14, 14), count: 1516),
    CountCase(layer: .maxPool(PoolWindow(size: 2)), input: volume(4, 300, 400), count: 0),
    CountCase(layer: .subsampling(PoolWindow(size: 2)), input: volume(6, 28, 28), count: 12),
    CountCase(layer: .dense(units: 10), input: volume(16, 4, 4), count: (256 + 1) * 10),
    CountCase(layer: .dense(units: 84), input: volume(120, 1, 1), count: 10164),
    CountCase(layer: .fixedRBF(units: 10), input: volume(84, 1, 1), count: 0),
  ]

  static let mistakes: [KnownRuleMistake<CountCase>] = [
    KnownRuleMistake(
      "the filters' input maps are not counted: a filter has a k x k kernel per map it reads",
      zh: "没算滤波器读的输入特征图：滤波器对它读的每张特征图各有一个 k x k 的卷积核"
    ) { c in
      guard case .convolution(let filters, let k, _, _, _) = c.layer else { return c.count }
      return filters * (k * k + 1)
    },
    KnownRuleMistake(
      "the dense layer counted the input's maps only: it is connected to all C · h · w units",
      zh: "全连接层只算了输入特征图的张数：它连到全部 C · h · w 个单元"
    ) { c in
      guard case .dense(let units) = c.layer else { return c.count }
      return (c.input.channels + 1) * units
    },
    KnownRuleMistake(
      "subsampling's biases are not counted: a coefficient and a bias per map",
      zh: "没算下采样层的偏置：每张特征图一个系数和一个偏置"
    ) { c in
      guard case .subsampling = c.layer else { return c.count }
      return c.input.channels
    },
  ]

  @Test("E4.2 E4.4 layerParameterCount on every kind of layer, a known mistake named")
  func everyKind() {
    expectTable(
      Self.cases, { "\($0)" }, computed: { layerParameterCount($0.layer, input: $0.input) },
      expected: \.count, unlike: Self.mistakes)
  }
}
