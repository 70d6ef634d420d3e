import Folding
import Foundation
import LectureKit
import Testing

@testable import CompanionCore

/// `companion draw`: the pictures are well-formed SVG with the panels and cells they promise.
@Suite("companion draw: the package's pictures")
struct DrawCommandTests {
  @Test(
    "E1.1 E1.2 E1.3 E2.1 E2.2 E2.3 x-filter: 10 panels of shaded cells with the slide's numbers")
  func xFilter() {
    let outcome = runCompanion(["draw", "x-filter", "--out", "-"])
    #expect(outcome.status == 0)
    #expect(outcome.errors.isEmpty)
    let svg = SVGSummary(outcome.output)
    #expect(svg.parseError == nil, "not well-formed XML: \(svg.parseError ?? "")")
    #expect(svg.root == "svg")
    // The X; then for each filter: the filter, its 7x7 map and the map pooled to 4x4.
    let cells = svg.panels.map { $0.counts["rect.cell"] ?? 0 }
    #expect(cells == [81, 9, 49, 16, 9, 49, 16, 9, 49, 16])
    #expect(svg.total("rect.cell") == 303 && svg.total("text.value") == 303)
    guard svg.panels.count == 10 else { return }
    #expect(svg.panels[0].values == Lecture.xImage.elements.map { "\(Int($0))" })
    for (index, example) in Lecture.xFilters.enumerated() {
      let slideMap = example.mapSlide.flatMap { $0.split(separator: " ").map(String.init) }
      let slidePooled = example.pooledSlide.flatMap { $0.split(separator: " ").map(String.init) }
      #expect(svg.panels[1 + 3 * index].values.count == 9, "\(example) filter")
      #expect(svg.panels[2 + 3 * index].values == slideMap, "\(example) map")
      #expect(svg.panels[3 + 3 * index].values == slidePooled, "\(example) pooled")
    }
  }

  @Test("x-filter says where its maps come from on each track")
  func xFilterTrack() throws {
    let path = temporaryPath("x-filter.svg")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = runCompanion(["draw", "x-filter", "--out", path])
    #expect(outcome.status == 0)
    #expect(outcome.output.hasPrefix("wrote \(path): 10 panels"))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(SVGSummary(text).panels.count == 10)
    switch FoldingChapter.track {
    case .solutions:
      #expect(text.contains("reference implementation") && !text.contains("lecture's data"))
    case .exercises:
      #expect(outcome.output.contains("`correlate2D` in Exercises/Convolution/Correlation.swift"))
    }
  }

  @Test(
    "E6.12 folding: 9 panels with every point, the grid and both circles; or which exercise is missing"
  )
  func folding() {
    let outcome = runCompanion(["draw", "folding", "--out", "-"])
    switch FoldingChapter.track {
    case .solutions:
      #expect(outcome.status == 0)
      let svg = SVGSummary(outcome.output)
      #expect(svg.parseError == nil, "not well-formed XML: \(svg.parseError ?? "")")
      #expect(svg.panels.count == 9)
      let points = 2 * FoldingExperiment.pointsPerClass
      for panel in svg.panels {
        #expect(panel.counts["circle.point"] == points, "\(panel.texts.first ?? "")")
        #expect(panel.counts["polyline.grid"] == 26, "\(panel.texts.first ?? "")")
        #expect(panel.counts["polyline.circle"] == 2, "\(panel.texts.first ?? "")")
      }
      #expect(
        svg.panels.map { $0.texts.first ?? "" }.prefix(3) == [
          "x: the input", "z1 = W1 x + b1", "a1 = relu(z1)",
        ])
      // The read-out's line in the last panel only: width 2 shows the whole final set.
      #expect(svg.panels.map { $0.counts["line.readout"] ?? 0 } == [0, 0, 0, 0, 0, 0, 0, 0, 1])
    case .exercises:
      #expect(outcome.status == 2)
      #expect(outcome.output.isEmpty)
      #expect(
        outcome.errors
          == "companion: error: cannot draw the folding until the forward pass works: "
          + "`affineMap` in Exercises/Folding/AffineMap.swift is not written yet\n")
    }
  }

  @Test("E6.12 folding is the same for the same seed and width, and differs for another")
  func foldingSeeds() {
    guard FoldingChapter.track == .solutions else { return }
    let first = runCompanion(["draw", "folding", "--out", "-", "--seed", "2"]).output
    let again = runCompanion(["draw", "folding", "--out", "-", "--seed", "2"]).output
    let other = runCompanion(["draw", "folding", "--out", "-", "--seed", "3"]).output
    #expect(first == again)
    #expect(first != other)
    let wide = runCompanion(["draw", "folding", "--out", "-", "--width", "3"])
    #expect(wide.status == 0)
    let svg = SVGSummary(wide.output)
    #expect(svg.panels.count == 9)
    #expect(svg.panels.dropFirst().allSatisfy { $0.texts.first?.contains("(units ") == true })
    #expect(svg.total("line.readout") == 0)
  }

  @Test("the pictures in Guides/Pictures are what the tool draws now")
  func committedPictures() throws {
    guard FoldingChapter.track == .solutions else { return }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    func committed(_ name: String) throws -> String {
      try String(
        contentsOfFile: root.appendingPathComponent("Guides/Pictures/\(name)").path,
        encoding: .utf8)
    }
    let redraw = "swift run companion draw NAME --out Guides/Pictures/NAME.svg"
    // Plain arithmetic: the same to the byte on every machine.
    let xFilter = runCompanion(["draw", "x-filter", "--out", "-"]).output
    #expect(try committed("x-filter.svg") == xFilter, "x-filter.svg is stale: \(redraw)")
    // Trained through exp, log, sin and cos, whose last bits may differ between C libraries:
    // compare what the panels hold and say, not every coordinate.
    let folding = SVGSummary(runCompanion(["draw", "folding", "--out", "-"]).output)
    let stored = SVGSummary(try committed("folding.svg"))
    #expect(stored.panels.map(\.texts.first) == folding.panels.map(\.texts.first))
    #expect(stored.panels.map(\.counts) == folding.panels.map(\.counts))
    #expect(stored.outside == folding.outside, "folding.svg is stale: \(redraw)")
    let wide = SVGSummary(runCompanion(["draw", "folding", "--width", "8", "--out", "-"]).output)
    let storedWide = SVGSummary(try committed("folding-8.svg"))
    #expect(storedWide.panels.map(\.texts.first) == wide.panels.map(\.texts.first))
    #expect(storedWide.outside == wide.outside, "folding-8.svg is stale: \(redraw) --width 8")
  }

  @Test("E6.12 without --seed: a seed whose network separates, and how many of 20 do")
  func foldingDefaultSeed() {
    guard FoldingChapter.track == .solutions else { return }
    let path = temporaryPath("folding-8.svg")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let wide = runCompanion(["draw", "folding", "--width", "8", "--out", path])
    #expect(wide.output.contains("12 of the seeds 1 to 20 separate the circles at width 8"))
    #expect(wide.output.contains("seed 2;"))
    #expect(wide.output.contains("the perceptron separates the classes"))
    #expect(wide.output.contains("each shows the 2 of its 8 units that vary most"))
    let narrow = runCompanion(["draw", "folding", "--out", path])
    #expect(narrow.output.contains("none of the seeds 1 to 20 separates the circles at width 2"))
    let svg = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    #expect(svg.contains("labels its ranges"))
  }

  @Test("an unwritten chapter writes no file")
  func noFileOnError() {
    let path = temporaryPath("folding.svg")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = runCompanion(["draw", "folding", "--out", path])
    let written = FileManager.default.fileExists(atPath: path)
    switch FoldingChapter.track {
    case .solutions: #expect(outcome.status == 0 && written)
    case .exercises: #expect(outcome.status == 2 && !written)
    }
  }

  @Test(
    "mistakes print one line on stderr and exit with status 2",
    arguments: [
      ["draw"], ["draw", "folding"], ["draw", "nope", "--out", "-"],
      ["draw", "folding", "x-filter", "--out", "-"],
      ["draw", "folding", "--out", "-", "--width", "1"],
      ["draw", "folding", "--out", "-", "--width", "17"],
      ["draw", "folding", "--out", "-", "--seed", "-1"],
      ["draw", "folding", "--out", "-", "--seed", "x"],
      ["draw", "x-filter", "--out", "-", "--seed", "3"],
      ["draw", "x-filter", "--out", "/nonexistent-folder/x.svg"], ["draw", "x-filter", "--out"],
      ["draw", "x-filter", "--out", "-", "--colour", "red"],
    ])
  func mistakes(_ arguments: [String]) {
    let outcome = runCompanion(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors.hasPrefix("companion: error: "))
    #expect(outcome.errors.filter { $0 == "\n" }.count == 1)
  }

  @Test("help draw names both pictures")
  func help() {
    let outcome = runCompanion(["help", "draw"])
    #expect(outcome.status == 0)
    #expect(outcome.output.contains("folding") && outcome.output.contains("x-filter"))
  }

  private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "companion-draw-\(UUID().uuidString)-\(name)"
    ).path
  }
}

/// The SVG writer under the pictures.
@Suite("The SVG writer")
struct SVGWriterTests {
  @Test("numbers: at most two decimals, no exponent, no -0, nothing non-finite")
  func numbers() {
    let cases: [(Double, String)] = [
      (0, "0"), (-0.001, "0"), (1.5, "1.5"), (2, "2"), (-3.14159, "-3.14"), (0.05, "0.05"),
      (10.1, "10.1"), (1e300, "1000000"), (-.infinity, "-1000000"), (.nan, "0"),
    ]
    for (value, text) in cases { #expect(svgNumber(value) == text, "\(value)") }
  }

  @Test("a polyline keeps its bends and folds and drops the points in between")
  func straightening() {
    let line = (0...10).map { (Double($0), 2 * Double($0)) }
    #expect(straightened(line).map(\.0) == [0, 10])
    let bend = [(0.0, 0.0), (1, 0), (2, 0), (2, 1), (2, 2)]
    #expect(straightened(bend).map(\.0) == [0, 2, 2])
    // Out and back along the same line: the turning point stays.
    let fold = [(0.0, 0.0), (1, 0), (2, 0), (1, 0), (0, 0)]
    #expect(straightened(fold).map(\.0) == [0, 2, 0])
  }

  @Test("text and attributes are escaped, so any title parses")
  func escaping() {
    #expect(escapedXML("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;")
    var svg = SVG(width: 10, height: 10, title: "<&>")
    svg.beginGroup([("class", "panel"), ("data-note", "\"quoted\"")])
    svg.text("x < y & z", x: 1, y: 2, className: "value")
    svg.rect(x: 0, y: 0, width: 1, height: 1, fill: "#fff", className: "cell")
    svg.beginGroup()
    let parsed = SVGSummary(svg.document)
    #expect(parsed.parseError == nil)
    #expect(parsed.panels.first?.values == ["x < y & z"])
    #expect(parsed.panels.first?.counts["rect.cell"] == 1)
  }
}
