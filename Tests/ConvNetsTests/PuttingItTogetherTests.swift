import ConvNets
import Convolution
import LectureKit
import Pooling
import TestSupport
import Testing

/// The slide "Putting it all together": the lecture's three filters as a fixed first layer.
@Suite("Slide: putting it all together, with the lecture's filters")
struct PuttingItTogetherTests {
  /// The three filters of the X slide, scaled by 1/9 as the slide does, with zero biases.
  static let lectureLayer = ConvLayer(
    filters: Lecture.xFilters.map { [$0.filter / 9] }, biases: [0, 0, 0])
  /// 2 x 2 windows at stride 2, the last partial ones kept: 7 x 7 maps pool to 4 x 4.
  static let window = PoolWindow(size: 2, stride: 2, rounding: .ceil)

  /// The lecture's filters and pooling, with a read-out of zeros: 3 maps of 4 x 4, 2 classes.
  static func lectureNet(readout weights: Matrix = Matrix(rows: 48, columns: 2)) -> ConvNet {
    ConvNet(
      conv: lectureLayer, pool: window,
      readout: DenseLayer(weights: weights, biases: Matrix(rows: 2, columns: 1)))
  }

  /// The tests' own ceil-mode max pooling of the slide's sums, 2 x 2 at stride 2.
  static func pooledSums(_ sums: Matrix) -> Matrix {
    Matrix(rows: (sums.rows + 1) / 2, columns: (sums.columns + 1) / 2) { i, j in
      var largest = -Double.infinity
      for r in (2 * i)..<min(2 * i + 2, sums.rows) {
        for c in (2 * j)..<min(2 * j + 2, sums.columns) { largest = max(largest, sums[r, c]) }
      }
      return largest
    }
  }

  @Test(
    "E1.1 E1.2 E1.3 E1.5 the first layer gives the slide's three maps, and the ReLU their positive parts"
  )
  func mapsOfTheX() {
    let pass = convNetForward(Self.lectureNet(), input: [Lecture.xImage])
    expectMaps(pass.z, equal: Lecture.xFilters.map(\.map), tolerance: 1e-12)
    expectMaps(pass.a, equal: Lecture.xFilters.map { $0.map.map { max(0, $0) } }, tolerance: 1e-12)
  }

  @Test("E2.1 E2.2 E2.3 the pooled maps of the X are the slide's, exactly and as printed")
  func pooledMapsOfTheX() {
    let pass = convNetForward(Self.lectureNet(), input: [Lecture.xImage])
    let exact = Lecture.xFilters.map { Self.pooledSums($0.mapSums) / 9 }
    guard expectMaps(pass.pooled, equal: exact, tolerance: 1e-12) else { return }
    for (pooled, example) in zip(pass.pooled, Lecture.xFilters) {
      expectSlide(pooled, prints: example.pooledSlide, "\(example)")
    }
    // The read-out sees the 48 pooled values, map after map.
    expectMatrix(pass.features, equals: Matrix(column: exact.flatMap(\.elements)), tolerance: 1e-12)
  }

  @Test(
    "E2.1 E2.2 E2.3 a fully connected read-out on the fixed filters' pooled maps separates X from O"
  )
  func readoutSeparates() {
    var generator = SeededGenerator(seed: 2024)
    let training = shiftedLetters(
      at: XOLetters.shifts, canvas: 9, copies: 2, flips: 3, using: &generator)
    let start = ConvNet.random(
      inputChannels: 1, filters: 3, kernel: 3, pool: Self.window,
      pooledShape: Shape(rows: 4, columns: 4), classes: 2, using: &generator)
    let net = ConvNet(conv: Self.lectureLayer, pool: Self.window, readout: start.readout)
    // The fixed maps are in ninths, so their values are small: the read-out takes larger steps.
    let trained = train(
      net, on: training, batchSize: 4, learningRate: 0.5, epochs: 4, trainsFilters: false,
      using: &generator)
    #expect(
      trained.conv == Self.lectureLayer,
      Comment(rawValue: said("the first layer stays fixed", "第一层保持不变")))
    let clean = XOLetters.clean
    #expect(
      accuracy(trained, on: clean) == 1,
      Comment(rawValue: said("the clean letters at every shift", "每种平移下的干净字母")))
    #expect(predictedClass(trained, input: [Lecture.xImage]) == XOLetter.x.rawValue)
  }
}

/// The letters the network learns: the X and the O at every shift on a 9 x 9 canvas.
enum XOLetters {
  /// Every place a 7 x 7 letter fits on a 9 x 9 canvas; (1, 1) is the lecture's X.
  static let shifts = (0..<3).flatMap { row in (0..<3).map { column in (row: row, column: column) }
  }

  /// Each letter at each shift, without noise: 18 images.
  static let clean = shifts.flatMap { shift in
    XOLetter.allCases.map { letter in
      LabelledImage(
        maps: [letterImage(letter, canvas: 9, row: shift.row, column: shift.column)],
        label: letter.rawValue)
    }
  }
}
