import ConvNets
import LectureKit
import Pooling
import TestSupport
import Testing

/// One layer with the shape it takes and the shape it gives.
struct ShapeCase: Sendable, CustomStringConvertible {
  let id: String
  let layer: NetworkLayer
  let input: VolumeShape
  let output: VolumeShape

  var description: String {
    said("\(id) \(layer) on \(input) gives \(output)", "\(id) \(layer) 作用于 \(input)，得到 \(output)")
  }
}

func volume(_ channels: Int, _ rows: Int, _ columns: Int) -> VolumeShape {
  VolumeShape(channels: channels, rows: rows, columns: columns)
}

@Suite("Shapes through a network")
struct ShapeTests {
  static let table: [ShapeCase] = [
    ShapeCase(
      id: "E4.4", layer: .convolution(filters: 3, kernel: 5), input: volume(1, 28, 28),
      output: volume(3, 24, 24)),
    ShapeCase(
      id: "E4.2", layer: .convolution(filters: 1, kernel: 5, padding: 2), input: volume(1, 1, 1),
      output: volume(1, 1, 1)),
    ShapeCase(
      id: "E4.2", layer: .convolution(filters: 1, kernel: 5), input: volume(1, 5, 5),
      output: volume(1, 1, 1)),
    ShapeCase(
      id: "E4.2", layer: .convolution(filters: 4, kernel: 5, padding: 2),
      input: volume(3, 300, 400), output: volume(4, 300, 400)),
    ShapeCase(
      id: "E4.2", layer: .maxPool(PoolWindow(size: 2)), input: volume(4, 300, 400),
      output: volume(4, 150, 200)),
    ShapeCase(
      id: "E4.3", layer: .convolution(filters: 1, kernel: 4, stride: 2), input: volume(1, 14, 14),
      output: volume(1, 6, 6)),
    ShapeCase(
      id: "E2.1", layer: .maxPool(PoolWindow(size: 2, rounding: .ceil)), input: volume(3, 7, 7),
      output: volume(3, 4, 4)),
    ShapeCase(
      id: "E2.4", layer: .maxPool(PoolWindow(size: 2)), input: volume(3, 7, 7),
      output: volume(3, 3, 3)),
    ShapeCase(
      id: "dense", layer: .dense(units: 10), input: volume(16, 4, 4), output: volume(10, 1, 1)),
    // A 1 x 1 kernel keeps the side; a window that is not square pools each axis by its own rule.
    ShapeCase(
      id: "1 x 1", layer: .convolution(filters: 6, kernel: 1), input: volume(16, 5, 5),
      output: volume(6, 5, 5)),
    ShapeCase(
      id: "3 x 2",
      layer: .maxPool(
        PoolWindow(rows: PoolAxis(size: 3, stride: 2), columns: PoolAxis(size: 2, stride: 2))),
      input: volume(2, 7, 8), output: volume(2, 3, 4)),
    ShapeCase(
      id: "LeNet S2", layer: .subsampling(PoolWindow(size: 2)), input: volume(6, 28, 28),
      output: volume(6, 14, 14)),
  ]

  @Test("E2.1 E2.4 E4.2 E4.3 E4.4 each layer's output shape", arguments: table)
  func layerShapes(_ example: ShapeCase) {
    let computed = layerOutputShape(example.layer, input: example.input)
    #expect(
      computed == example.output,
      Comment(rawValue: said("\(example): computed \(computed)", "\(example)：算出 \(computed)")))
  }

  @Test(
    "E4.4 28x28 -> 5x5 conv -> 24x24 -> 2x2 pool -> 12x12 -> 5x5 conv -> 8x8 -> pool -> 4x4 -> dense"
  )
  func wholeNetwork() {
    let layers: [NetworkLayer] = [
      .convolution(filters: 3, kernel: 5), .maxPool(PoolWindow(size: 2)),
      .convolution(filters: 8, kernel: 5), .maxPool(PoolWindow(size: 2)), .dense(units: 10),
    ]
    #expect(
      outputShapes(of: layers, input: volume(1, 28, 28)) == [
        volume(3, 24, 24), volume(3, 12, 12), volume(8, 8, 8), volume(8, 4, 4), volume(10, 1, 1),
      ])
  }

  @Test("LeNet-5 on its 32x32 input: 28, 14, 10, 5, then 120, 84 and 10 units")
  func leNet() {
    let expected = [
      volume(6, 28, 28), volume(6, 14, 14), volume(16, 10, 10), volume(16, 5, 5),
      volume(120, 1, 1), volume(84, 1, 1), volume(10, 1, 1),
    ]
    #expect(outputShapes(of: LeNet5.modern, input: LeNet5.input) == expected)
    #expect(outputShapes(of: LeNet5.original, input: LeNet5.input) == expected)
  }

  @Test("the letter network: 9x9 -> 3 maps of 7x7 -> 3 maps of 4x4 -> 48 features -> 2 classes")
  func letterNetwork() {
    let layers: [NetworkLayer] = [
      .convolution(filters: 3, kernel: 3), .maxPool(PoolWindow(size: 2, rounding: .ceil)),
      .dense(units: 2),
    ]
    let shapes = outputShapes(of: layers, input: volume(1, 9, 9))
    #expect(shapes == [volume(3, 7, 7), volume(3, 4, 4), volume(2, 1, 1)])
    #expect(shapes.dropLast().last?.count == 48)
  }
}

/// A mistake in the output shape rule, as the shape it gives each case of a table.
struct ShapeMistake: Sendable {
  let diagnosis: String
  let chinese: String
  let rule: @Sendable (ShapeCase) -> VolumeShape
}

@Suite("Shapes through a network: the mistakes")
struct ShapeMistakeTests {
  static let mistakes: [ShapeMistake] = [
    ShapeMistake(
      diagnosis: "the columns were computed from the rows: each axis has its own length",
      chinese: "列数是按行数算的：每个方向有自己的长度"
    ) { c in
      guard case .convolution = c.layer else { return c.output }
      return volume(c.output.channels, c.output.rows, c.output.rows)
    },
    ShapeMistake(
      diagnosis: "the convolution kept the input's maps: it gives one map per filter",
      chinese: "卷积层保留了输入特征图的张数：每个滤波器输出一张特征图"
    ) { c in
      guard case .convolution = c.layer else { return c.output }
      return volume(c.input.channels, c.output.rows, c.output.columns)
    },
    ShapeMistake(
      diagnosis: "the pooled map is n / k: that ignores the stride, the padding and ceil mode",
      chinese: "池化后的边长算成了 n / k：没考虑步幅、填充和向上取整模式"
    ) { c in
      switch c.layer {
      case .maxPool(let window), .subsampling(let window):
        return volume(
          c.input.channels, c.input.rows / window.rows.size, c.input.columns / window.columns.size
        )
      default: return c.output
      }
    },
    ShapeMistake(
      diagnosis: "the dense layer kept the input's rows and columns: it gives units x 1 x 1",
      chinese: "全连接层保留了输入的行数和列数：它输出 units x 1 x 1"
    ) { c in
      guard case .dense(let units) = c.layer else { return c.output }
      return volume(units, c.input.rows, c.input.columns)
    },
  ]

  @Test("E2.1 E2.4 E4.2 E4.3 E4.4 every layer's output shape, a known mistake named")
  func namedMistakes() {
    let table = ShapeTests.table
    let computed = table.map { layerOutputShape($0.layer, input: $0.input) }
    let wrong = table.indices.filter { computed[$0] != table[$0].output }
    guard let first = wrong.first else { return }
    // A mistake is named only when it gives every shape of the table as computed.
    let named = Self.mistakes.filter { mistake in
      table.indices.allSatisfy { computed[$0] == mistake.rule(table[$0]) }
    }
    let naming = KnownMistake.naming(named.map { said($0.diagnosis, $0.chinese) })
    let more =
      wrong.count > 1
      ? said(" (and \(wrong.count - 1) more)", "（另有 \(wrong.count - 1) 处）") : ""
    fail(
      (naming.map { $0 + "\n" } ?? "")
        + said(
          "\(table[first]): computed \(computed[first])", "\(table[first])：算出 \(computed[first])")
        + more)
  }
}
