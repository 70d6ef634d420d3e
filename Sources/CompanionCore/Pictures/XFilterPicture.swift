import Convolution
import Foundation
import LectureKit
import Pooling

/// `companion draw x-filter`: the slide's 9x9 X, its three filters, the three 7x7 maps and the
/// three maps pooled to 4x4, as shaded cells with their numbers [E1.1-E1.3, E2.1-E2.3].
enum XFilterPicture {
  static let pooledIds = ["E2.1", "E2.2", "E2.3"]

  /// The picture and a line saying what it shows.
  static func draw() -> (svg: String, summary: String) {
    var notes: [String] = []
    var maps: [Matrix] = []
    for example in Lecture.xFilters {
      let computed = correlate(Lecture.xImage, with: example.filter) / 9
      if let mark = computed.unwritten {
        // Said once: the three maps wait for the same exercise.
        maps.append(example.map)
        if notes.isEmpty { notes.append("maps from the lecture's data, since \(mark)") }
      } else {
        maps.append(computed)
      }
    }
    // The Pooling chapter's own max pooling; the slide's numbers while it is unwritten, and a
    // map too small to pool (a student's wrong shape) drawn as it is, never a stop.
    let window = PoolWindow(size: 2, rounding: .ceil)
    var pooledMaps: [Matrix] = []
    for (map, example) in zip(maps, Lecture.xFilters) {
      guard window.problem(pooling: map.shape) == nil else {
        pooledMaps.append(map)
        continue
      }
      let pooled = maxPool(map, window)
      if let mark = pooled.unwritten {
        pooledMaps.append(
          Matrix(example.pooledSlide.map { $0.split(separator: " ").compactMap { Double($0) } }))
        if notes.count < 2 { notes.append("pooled maps from the lecture's data, since \(mark)") }
      } else {
        pooledMaps.append(pooled)
      }
    }
    let rowHeight = 330.0
    var svg = SVG(
      width: 1000, height: 110 + 3 * rowHeight, title: "The 9x9 X, three filters, their maps")
    svg.text(
      "The 9x9 X, three filters, their maps and the pooled maps", x: 30, y: 34, size: 20, bold: true
    )
    svg.text(
      "map = correlate(X, filter) / 9, as the slide prints it (two decimals, truncated); "
        + "pooled: max over 2x2 windows, stride 2, partial windows kept.", x: 30, y: 58, size: 13)
    let caption = [trackLine()] + notes.map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    svg.text(caption.joined(separator: " "), x: 30, y: 78, size: 11, fill: "#666")
    drawCells(
      &svg, Lecture.xImage, x: 30, y: 110 + 1.5 * rowHeight - 126, cell: 28, title: "the 9x9 X",
      format: whole)
    for (index, example) in Lecture.xFilters.enumerated() {
      let top = 120 + Double(index) * rowHeight
      let pooled = pooledMaps[index]
      drawCells(
        &svg, example.filter, x: 330, y: top + 86, cell: 36, title: "\(example.name) filter",
        format: whole)
      arrow(&svg, x: 448, y: top + 140)
      drawCells(
        &svg, maps[index], x: 480, y: top, cell: 40, title: "\(example.name) map [\(example.id)]",
        format: slideFormat)
      arrow(&svg, x: 782 + max(0, Double(maps[index].columns - 7)) * 40, y: top + 140)
      drawCells(
        &svg, pooled, x: 814 + max(0, Double(maps[index].columns - 7)) * 40, y: top + 60, cell: 40,
        title: "pooled [\(pooledIds[index])]", format: slideFormat)
    }
    let summary =
      "10 panels: the X, 3 filters, 3 maps, 3 pooled maps" + notes.map { "; \($0)" }.joined()
    return (svg.document, summary)
  }

  /// One matrix as a panel of shaded cells, each with its number.
  static func drawCells(
    _ svg: inout SVG, _ matrix: Matrix, x: Double, y: Double, cell: Double, title: String,
    format: (Double) -> String
  ) {
    svg.beginGroup([("class", "panel")])
    svg.text(title, x: x, y: y - 8, size: 13, bold: true)
    for i in 0..<matrix.rows {
      for j in 0..<matrix.columns {
        let value = matrix[i, j]
        let (left, top) = (x + Double(j) * cell, y + Double(i) * cell)
        svg.rect(
          x: left, y: top, width: cell, height: cell, fill: shade(value), stroke: "#888",
          className: "cell")
        svg.text(
          format(value), x: left + cell / 2, y: top + cell / 2 + 4, size: cell >= 36 ? 11 : 10,
          anchor: "middle", fill: abs(value) > 0.55 ? "white" : "#222", className: "value")
      }
    }
    svg.endGroup()
  }

  static func arrow(_ svg: inout SVG, x: Double, y: Double) {
    svg.text("→", x: x, y: y, size: 22, fill: "#666")
  }

  /// -1 deep blue, 0 white, +1 deep red, in between by linear steps.
  static func shade(_ value: Double) -> String {
    let t = value.isFinite ? min(1, max(-1, value)) : 0
    let end: (Double, Double, Double) = t >= 0 ? (178, 24, 43) : (33, 102, 172)
    let weight = abs(t)
    let channel = { (target: Double) in Int((255 + (target - 255) * weight).rounded()) }
    return String(format: "#%02x%02x%02x", channel(end.0), channel(end.1), channel(end.2))
  }

  static func whole(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e9 ? "\(Int(value))" : slideFormat(value)
  }
}
