import Folding
import Foundation
import LectureKit
import Synchronization

/// `companion draw folding`: the chapter's experiment (``FoldingExperiment``, the one the width
/// test runs) for one width and seed, drawn as one panel per point set: the input, and each
/// layer after its affine map and after ReLU. The two circles themselves and a square grid of
/// lines are carried through the layers too, so that the folds show [E6.12].
enum FoldingPicture {
  static let depth = FoldingExperiment.depth
  static let learningRate = FoldingExperiment.learningRate
  static let epochs = FoldingExperiment.epochs
  /// The grid: lines x = v and y = v for v = -1.5, -1.25, ..., 1.5, each sampled at 61 points.
  static let gridValues = (0...12).map { -1.5 + 0.25 * Double($0) }
  static let samplesPerLine = 61
  static let samplesPerCircle = 121
  static let panelSize = 200.0
  static let gap = 40.0
  static let colours = (inner: "#1f77b4", outer: "#ff7f0e")
  static let gridColours = (horizontal: "#8fc98f", vertical: "#b9a6d9")

  /// The seeds of the width experiment (1 to 20, as `WidthTests` uses them) whose network of
  /// `width`-unit layers separates the circles after training; nil while training is unwritten.
  static func separatingSeeds(width: Int) -> [UInt64]? {
    let data = FoldingExperiment.data
    let seeds = Array(UInt64(1)...20)
    let found = Mutex([Bool](repeating: false, count: seeds.count))
    let unwritten = Mutex(false)
    DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
      var generator = SeededGenerator(seed: seeds[index])
      let initial = FoldingNetwork.initial(width: width, depth: depth, using: &generator)
      let trained = trainFolding(
        initial, points: data.points, labels: data.labels, learningRate: learningRate,
        epochs: epochs)
      if trained.unwritten != nil {
        unwritten.withLock { $0 = true }
        return
      }
      let final = finalRepresentation(data.points, through: trained.hidden)
      let separates = perceptronSeparates(
        final, labels: data.labels, epochs: FoldingExperiment.perceptronEpochs)
      found.withLock { $0[index] = separates }
    }
    if unwritten.withLock({ $0 }) { return nil }
    let separated = found.withLock { $0 }
    return seeds.indices.filter { separated[$0] }.map { seeds[$0] }
  }

  /// The seed to draw when none is given: the first of 1 to 20 whose network separates the
  /// circles at `width` (seed 1 when none does, or while training is unwritten), and a line
  /// that says how many do.
  static func defaultSeed(width: Int) -> (seed: UInt64, note: String?) {
    guard let seeds = separatingSeeds(width: width) else { return (1, nil) }
    guard let first = seeds.first else {
      return (1, "none of the seeds 1 to 20 separates the circles at width \(width): seed 1 shown")
    }
    return (
      first,
      "\(seeds.count) of the seeds 1 to 20 separate the circles at width \(width); seed "
        + "\(first) is the first"
    )
  }

  /// The picture and a line saying what it shows.
  static func draw(
    width: Int, seed: UInt64, seedNote: String? = nil
  ) throws(UsageError) -> (svg: String, summary: String) {
    if let missing = missingExercise() {
      throw UsageError("cannot draw the folding until the forward pass works: \(missing)")
    }
    let data = FoldingExperiment.data
    var generator = SeededGenerator(seed: seed)
    let initial = FoldingNetwork.initial(width: width, depth: depth, using: &generator)
    let trained = trainFolding(
      initial, points: data.points, labels: data.labels, learningRate: learningRate,
      epochs: epochs)
    let untrained = trained.unwritten
    let network = untrained == nil ? trained : initial
    let stages = try checkedStages(data.points, network: network, width: width)
    let grid = try checkedStages(gridPoints(), network: network, width: width)
    let circles = try checkedStages(circlePoints(), network: network, width: width)
    var notes = ["trained by gradient descent, η = \(learningRate), \(epochs) epochs"]
    if let seedNote { notes.append(seedNote) }
    if let untrained {
      notes = ["untrained, as initialised: \(untrained)"]
    } else if let verdict = separabilityVerdict(stages.last?.a ?? data.points, labels: data.labels)
    {
      notes.append(verdict)
    }
    var svg = SVG(
      width: 60 + 5 * panelSize + 4 * gap + 20, height: 150 + 2 * panelSize + gap + 40,
      title: "How a network of \(width)-unit layers folds the plane [E6.12]")
    drawHeading(&svg, width: width, seed: seed, notes: notes)
    let sets = panelSets(
      data.points, stages: stages, grid: grid, circles: circles, width: width)
    for (index, set) in sets.enumerated() {
      // The input on the left; then one column per layer, the affine map above its ReLU.
      let column = index == 0 ? 0 : (index + 1) / 2
      let row = index == 0 ? 0 : (index + 1) % 2
      let readout = width == 2 && index == sets.count - 1 ? network.readout : nil
      drawPanel(
        &svg, x: 60 + Double(column) * (panelSize + gap),
        y: 130 + Double(row) * (panelSize + gap), set: set, labels: data.labels,
        readout: readout)
    }
    drawLegend(&svg, x: 60, y: 130 + panelSize + gap, showReadout: width == 2)
    let shown = width == 2 ? "" : " (each shows the 2 of its \(width) units that vary most)"
    let summary =
      "\(sets.count) panels: the input and \(depth) layers of \(width) units before and "
      + "after ReLU\(shown), seed \(seed); " + notes.joined(separator: "; ")
    return (svg.document, summary)
  }

  /// The point sets of the panels: the input, then z and a of every layer, each seen in the
  /// two units ``mostSpreadUnits(_:)`` picks (all of them when the layers have 2).
  static func panelSets(
    _ points: Matrix, stages: [FoldingStage], grid: [FoldingStage], circles: [FoldingStage],
    width: Int
  ) -> [PanelSet] {
    var sets: [PanelSet] = [
      PanelSet(
        title: "x: the input", points: points, grid: gridPoints(), circles: circlePoints())
    ]
    for l in stages.indices {
      let n = l + 1
      let below = l == 0 ? "x" : "a\(l)"
      let units = mostSpreadUnits(stages[l])
      let shown = width == 2 ? "" : " (units \(units.0 + 1), \(units.1 + 1))"
      sets.append(
        PanelSet(
          title: "z\(n) = W\(n) \(below) + b\(n)" + shown,
          points: project(stages[l].z, units), grid: project(grid[l].z, units),
          circles: project(circles[l].z, units)))
      sets.append(
        PanelSet(
          title: "a\(n) = relu(z\(n))" + shown, points: project(stages[l].a, units),
          grid: project(grid[l].a, units), circles: project(circles[l].a, units)))
    }
    return sets
  }

  /// The first exercise the picture cannot do without, named as the tests name it.
  static func missingExercise() -> String? {
    let point: Matrix = [[1, -2]]
    if let mark = affineMap(point, weights: [[1, 0], [0, 1]], bias: [[0], [0]]).unwritten {
      return "\(mark)"
    }
    if let mark = applyReLU(point).unwritten { return "\(mark)" }
    let layer = FoldingLayer(weights: [[1, 0], [0, 1]], bias: [[0], [0]])
    let stages = foldingStages(point, through: [layer])
    if stages.isEmpty {
      return "`foldingStages` in Exercises/Folding/Network.swift is not written yet"
    }
    return stages.lazy.compactMap { $0.z.unwritten ?? $0.a.unwritten }.first.map { "\($0)" }
  }

  /// The stages of `points`, checked: one per layer, each with a row per point and a column
  /// per unit, so that drawing never indexes outside a wrong result.
  static func checkedStages(
    _ points: Matrix, network: FoldingNetwork, width: Int
  ) throws(UsageError) -> [FoldingStage] {
    let stages = foldingStages(points, through: network.hidden)
    guard stages.count == network.hidden.count else {
      throw UsageError(
        "foldingStages returned \(stages.count) stages for \(network.hidden.count) layers")
    }
    let shape = Shape(rows: points.rows, columns: width)
    for (l, stage) in stages.enumerated() where stage.z.shape != shape || stage.a.shape != shape {
      if let mark = stage.z.unwritten ?? stage.a.unwritten { throw UsageError("\(mark)") }
      throw UsageError(
        "layer \(l + 1) of foldingStages is \(stage.z.shape) and \(stage.a.shape), not \(shape)")
    }
    return stages
  }

  /// "linearly separable after layer 4" or not, when the perceptron can be trusted: it must
  /// separate two points first (an unwritten one never does).
  static func separabilityVerdict(_ final: Matrix, labels: [Double]) -> String? {
    guard perceptronSeparates([[0], [1]], labels: [-1, 1], epochs: 10) else { return nil }
    let separable = perceptronSeparates(final, labels: labels, epochs: 500)
    return "the perceptron \(separable ? "separates" : "does not separate") the classes "
      + "after layer \(depth)"
  }

  /// The two units of a layer whose outputs vary most over the data points (after ReLU; before
  /// it when ReLU left nothing to see), in order: what a panel of a layer wider than 2 shows.
  static func mostSpreadUnits(_ stage: FoldingStage) -> (Int, Int) {
    func spreads(_ m: Matrix) -> [Double] {
      (0..<m.columns).map { j in
        let column = (0..<m.rows).map { m[$0, j] }
        return (column.max() ?? 0) - (column.min() ?? 0)
      }
    }
    var spread = spreads(stage.a)
    if spread.filter({ $0 > 0 }).count < 2 { spread = spreads(stage.z) }
    let ranked = spread.indices.sorted {
      spread[$0] > spread[$1] || (spread[$0] == spread[$1] && $0 < $1)
    }
    return (min(ranked[0], ranked[1]), max(ranked[0], ranked[1]))
  }

  /// Columns `units` of `set`: its points as seen in those two units.
  static func project(_ set: Matrix, _ units: (Int, Int)) -> Matrix {
    Matrix(rows: set.rows, columns: 2) { i, j in set[i, j == 0 ? units.0 : units.1] }
  }

  /// The two circles the data comes from, r = 0.5 (class -1) then r = 1 (class +1), each
  /// sampled at `samplesPerCircle` angles from 0 to 2π (the last sample closes the curve).
  static func circlePoints() -> Matrix {
    var rows: [[Double]] = []
    for radius in [0.5, 1.0] {
      for s in 0..<samplesPerCircle {
        let theta = 2 * Double.pi * Double(s) / Double(samplesPerCircle - 1)
        rows.append([radius * cos(theta), radius * sin(theta)])
      }
    }
    return Matrix(rows)
  }

  /// The points of the grid lines, line after line: first the lines y = v, then x = v.
  static func gridPoints() -> Matrix {
    var rows: [[Double]] = []
    let span = gridValues.last! - gridValues.first!
    for horizontal in [true, false] {
      for value in gridValues {
        for s in 0..<samplesPerLine {
          let t = gridValues.first! + span * Double(s) / Double(samplesPerLine - 1)
          rows.append(horizontal ? [t, value] : [value, t])
        }
      }
    }
    return Matrix(rows)
  }
}

/// What one panel shows: the data points, the grid and the two circles, all in one space.
struct PanelSet {
  let title: String
  let points: Matrix
  let grid: Matrix
  let circles: Matrix
}
