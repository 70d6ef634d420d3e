import Folding
import Foundation
import LectureKit

/// The parts of the folding picture: heading, panels, legend.
extension FoldingPicture {
  static func drawHeading(_ svg: inout SVG, width: Int, seed: UInt64, notes: [String]) {
    svg.text(
      "How a network of \(width)-unit layers folds the plane [E6.12]", x: 60, y: 34, size: 20,
      bold: true)
    svg.text(
      "Two nested circles (\(FoldingExperiment.pointsPerClass) training points each), \(depth) "
        + "hidden layers of \(width) units and a linear read-out, initialised from seed \(seed)"
        + (width == 2
          ? "." : "; each layer's panels show the 2 of its \(width) units that vary most."),
      x: 60, y: 60, size: 13)
    let line = notes.joined(separator: "; ")
    svg.text(line.prefix(1).uppercased() + line.dropFirst() + ".", x: 60, y: 80, size: 13)
    svg.text(trackLine(), x: 60, y: 100, size: 11, fill: "#666")
  }

  /// The panel's own ranges, since each is fitted to its points: the first and last x under the
  /// frame, the lowest and highest y beside it.
  static func drawRanges(_ svg: inout SVG, _ view: View) {
    let (x, y, size) = (view.x, view.y, view.size)
    let label = { (value: Double) in String(format: "%.2g", value) }
    svg.text(label(view.minX), x: x, y: y + size + 11, size: 9, anchor: "start", fill: "#666")
    svg.text(label(view.maxX), x: x + size, y: y + size + 11, size: 9, anchor: "end", fill: "#666")
    svg.text(label(view.minY), x: x - 3, y: y + size, size: 9, anchor: "end", fill: "#666")
    svg.text(label(view.maxY), x: x - 3, y: y + 8, size: 9, anchor: "end", fill: "#666")
  }

  /// One panel: a frame, axes, the grid lines and the points of one set, fitted to the points.
  static func drawPanel(
    _ svg: inout SVG, x: Double, y: Double, set: PanelSet, labels: [Double],
    readout: FoldingLayer?
  ) {
    let (points, grid) = (set.points, set.grid)
    let view = View(fitting: [points, set.circles], x: x, y: y, size: panelSize)
    svg.beginGroup([("class", "panel")])
    svg.text(set.title, x: x + panelSize / 2, y: y - 8, size: 13, anchor: "middle", bold: true)
    svg.rect(x: x, y: y, width: panelSize, height: panelSize, fill: "#fcfcfc", stroke: "#999")
    drawRanges(&svg, view)
    let clip = svg.clipRectangle(x: x, y: y, width: panelSize, height: panelSize)
    svg.beginGroup([("clip-path", clip)])
    let length = samplesPerLine
    for line in 0..<(grid.rows / length) {
      let colour = line < gridValues.count ? gridColours.horizontal : gridColours.vertical
      let samples = (0..<length).map { s in
        view.pixel(grid[line * length + s, 0], grid[line * length + s, 1])
      }
      svg.polyline(samples, stroke: colour, width: 0.8, className: "grid")
    }
    if view.minX < 0 && view.maxX > 0 {
      svg.line(
        from: view.pixel(0, view.minY), to: view.pixel(0, view.maxY), stroke: "#555",
        className: "axis")
    }
    if view.minY < 0 && view.maxY > 0 {
      svg.line(
        from: view.pixel(view.minX, 0), to: view.pixel(view.maxX, 0), stroke: "#555",
        className: "axis")
    }
    for (circle, colour) in [colours.inner, colours.outer].enumerated() {
      let samples = (0..<samplesPerCircle).map { s in
        let row = circle * samplesPerCircle + s
        return view.pixel(set.circles[row, 0], set.circles[row, 1])
      }
      svg.polyline(samples, stroke: colour, width: 1.2, className: "circle")
    }
    if let readout { drawReadout(&svg, readout, view: view) }
    for i in 0..<points.rows {
      svg.circle(
        center: view.pixel(points[i, 0], points[i, 1]), radius: 2.8,
        fill: labels[i] < 0 ? colours.inner : colours.outer, className: "point")
    }
    svg.endGroup()
    let label = { (value: Double) in String(format: "%.2g", value) }
    svg.text(label(view.minX), x: x, y: y + panelSize + 12, size: 9, fill: "#777")
    svg.text(
      label(view.maxX), x: x + panelSize, y: y + panelSize + 12, size: 9, anchor: "end",
      fill: "#777")
    svg.text(label(view.minY), x: x - 3, y: y + panelSize, size: 9, anchor: "end", fill: "#777")
    svg.text(label(view.maxY), x: x - 3, y: y + 8, size: 9, anchor: "end", fill: "#777")
    svg.endGroup()
  }

  /// The read-out's line u₁ a₁ + u₂ a₂ + c = 0, where its score changes sign.
  static func drawReadout(_ svg: inout SVG, _ readout: FoldingLayer, view: View) {
    let (u1, u2, c) = (readout.weights[0, 0], readout.weights[0, 1], readout.bias[0, 0])
    let ends: ((Double, Double), (Double, Double))
    if abs(u2) >= abs(u1) {
      guard u2 != 0 else { return }
      ends = ((view.minX, -(u1 * view.minX + c) / u2), (view.maxX, -(u1 * view.maxX + c) / u2))
    } else {
      ends = ((-(u2 * view.minY + c) / u1, view.minY), (-(u2 * view.maxY + c) / u1, view.maxY))
    }
    svg.line(
      from: view.pixel(ends.0.0, ends.0.1), to: view.pixel(ends.1.0, ends.1.1), stroke: "#222",
      width: 1.5, dashed: true, className: "readout")
  }

  static func drawLegend(_ svg: inout SVG, x: Double, y: Double, showReadout: Bool) {
    var lineY = y + 10
    svg.text("legend", x: x, y: lineY, size: 13, bold: true)
    let entries: [(String, String, Bool)] =
      [
        (colours.inner, "inner circle, class -1", true),
        (colours.outer, "outer circle, class +1", true),
        (colours.inner, "the inner circle itself", false),
        (colours.outer, "the outer circle itself", false),
        (gridColours.horizontal, "grid lines y = const", false),
        (gridColours.vertical, "grid lines x = const", false),
      ] + (showReadout ? [("#222", "read-out: score s = 0", false)] : [])
    for (colour, text, isPoint) in entries {
      lineY += 22
      if isPoint {
        svg.circle(center: (x + 8, lineY - 4), radius: 4, fill: colour)
      } else {
        svg.line(
          from: (x, lineY - 4), to: (x + 16, lineY - 4), stroke: colour, width: 2,
          dashed: colour == "#222")
      }
      svg.text(text, x: x + 24, y: lineY, size: 12)
    }
    svg.text("Each panel is fitted to its points", x: x, y: lineY + 28, size: 11, fill: "#666")
    svg.text("and labels its ranges at its edges;", x: x, y: lineY + 42, size: 11, fill: "#666")
    svg.text("dark lines: the axes, where shown.", x: x, y: lineY + 56, size: 11, fill: "#666")
  }
}

/// The part of the plane a panel shows: a square around its points, with a margin.
struct View {
  let minX: Double
  let maxX: Double
  let minY: Double
  let maxY: Double
  let x: Double
  let y: Double
  let size: Double

  init(fitting sets: [Matrix], x: Double, y: Double, size: Double) {
    var (lowX, highX) = (Double.infinity, -Double.infinity)
    var (lowY, highY) = (Double.infinity, -Double.infinity)
    for points in sets {
      for i in 0..<points.rows where points[i, 0].isFinite && points[i, 1].isFinite {
        lowX = min(lowX, points[i, 0])
        highX = max(highX, points[i, 0])
        lowY = min(lowY, points[i, 1])
        highY = max(highY, points[i, 1])
      }
    }
    if lowX > highX { (lowX, highX, lowY, highY) = (0, 0, 0, 0) }
    // A set that collapsed to a point still gets a small square around it.
    let half = max(0.05, max(highX - lowX, highY - lowY) / 2 * 1.15)
    let (centreX, centreY) = ((lowX + highX) / 2, (lowY + highY) / 2)
    (minX, maxX, minY, maxY) = (centreX - half, centreX + half, centreY - half, centreY + half)
    (self.x, self.y, self.size) = (x, y, size)
  }

  /// Where a point of the plane lands in the picture (y grows upwards in the plane).
  func pixel(_ px: Double, _ py: Double) -> (Double, Double) {
    (x + (px - minX) / (maxX - minX) * size, y + (maxY - py) / (maxY - minY) * size)
  }
}
