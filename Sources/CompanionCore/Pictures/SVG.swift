import Foundation

/// A small SVG writer: elements are appended in drawing order, attribute values and text are
/// escaped, numbers are written with at most two decimals. The document is well-formed XML
/// (`<?xml ...?>`, one `<svg>` root) with no dependencies.
struct SVG {
  /// The picture's size in pixels.
  let width: Double
  let height: Double
  /// The picture's title: the root's `<title>`, which browsers show on hover.
  let title: String
  private var body: [String] = []
  private var openGroups = 0
  private var clipCount = 0

  init(width: Double, height: Double, title: String) {
    self.width = width
    self.height = height
    self.title = title
  }

  /// One element with the given attributes, empty or with text content.
  mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
    let attributeText = attributes.map { " \($0.0)=\"\(escapedXML($0.1))\"" }.joined()
    let indent = String(repeating: "  ", count: openGroups + 1)
    if let text {
      body.append("\(indent)<\(name)\(attributeText)>\(escapedXML(text))</\(name)>")
    } else {
      body.append("\(indent)<\(name)\(attributeText)/>")
    }
  }

  /// Opens a `<g>` group; ``endGroup()`` closes it.
  mutating func beginGroup(_ attributes: [(String, String)] = []) {
    let attributeText = attributes.map { " \($0.0)=\"\(escapedXML($0.1))\"" }.joined()
    body.append(String(repeating: "  ", count: openGroups + 1) + "<g\(attributeText)>")
    openGroups += 1
  }

  mutating func endGroup() {
    guard openGroups > 0 else { return }
    openGroups -= 1
    body.append(String(repeating: "  ", count: openGroups + 1) + "</g>")
  }

  /// Defines a rectangular clip path and returns the value for a `clip-path` attribute.
  mutating func clipRectangle(x: Double, y: Double, width: Double, height: Double) -> String {
    clipCount += 1
    let id = "clip\(clipCount)"
    let indent = String(repeating: "  ", count: openGroups + 1)
    body.append(
      "\(indent)<defs><clipPath id=\"\(id)\"><rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" "
        + "width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\"/></clipPath></defs>")
    return "url(#\(id))"
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
    className: String? = nil
  ) {
    var attributes = [
      ("x", svgNumber(x)), ("y", svgNumber(y)), ("width", svgNumber(width)),
      ("height", svgNumber(height)), ("fill", fill),
    ]
    if let stroke { attributes.append(("stroke", stroke)) }
    if let className { attributes.insert(("class", className), at: 0) }
    element("rect", attributes)
  }

  mutating func line(
    from start: (Double, Double), to end: (Double, Double), stroke: String,
    width: Double = 1, dashed: Bool = false, className: String? = nil
  ) {
    var attributes = [
      ("x1", svgNumber(start.0)), ("y1", svgNumber(start.1)), ("x2", svgNumber(end.0)),
      ("y2", svgNumber(end.1)), ("stroke", stroke), ("stroke-width", svgNumber(width)),
    ]
    if dashed { attributes.append(("stroke-dasharray", "5 3")) }
    if let className { attributes.insert(("class", className), at: 0) }
    element("line", attributes)
  }

  /// A line through `points`; a point that lies on the straight line between the points kept
  /// before and after it (within a tenth of a pixel) is left out, which changes nothing visible.
  mutating func polyline(
    _ points: [(Double, Double)], stroke: String, width: Double = 1, className: String? = nil
  ) {
    let list = straightened(points).map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(
      separator: " ")
    var attributes = [
      ("points", list), ("fill", "none"), ("stroke", stroke), ("stroke-width", svgNumber(width)),
      ("stroke-linejoin", "round"),
    ]
    if let className { attributes.insert(("class", className), at: 0) }
    element("polyline", attributes)
  }

  mutating func circle(
    center: (Double, Double), radius: Double, fill: String, className: String? = nil
  ) {
    var attributes = [
      ("cx", svgNumber(center.0)), ("cy", svgNumber(center.1)), ("r", svgNumber(radius)),
      ("fill", fill), ("stroke", "white"), ("stroke-width", "0.5"),
    ]
    if let className { attributes.insert(("class", className), at: 0) }
    element("circle", attributes)
  }

  /// Text whose anchor point is (x, y): `anchor` is start, middle or end.
  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
    fill: String = "#222", bold: Bool = false, className: String? = nil
  ) {
    var attributes = [
      ("x", svgNumber(x)), ("y", svgNumber(y)), ("font-size", svgNumber(size)),
      ("text-anchor", anchor), ("fill", fill),
    ]
    if bold { attributes.append(("font-weight", "bold")) }
    if let className { attributes.insert(("class", className), at: 0) }
    element("text", attributes, text: content)
  }

  /// The whole document.
  var document: String {
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(svgNumber(width))\" "
        + "height=\"\(svgNumber(height))\" viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" "
        + "font-family=\"Helvetica, Arial, sans-serif\">",
      "  <title>\(escapedXML(title))</title>",
      "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
    ]
    lines += body
    lines += Array(repeating: "</g>", count: openGroups)
    lines.append("</svg>")
    return lines.joined(separator: "\n") + "\n"
  }
}

/// `points` without those that lie within 0.1 of the segment from the last point kept to the
/// next point: the same line, drawn with fewer points.
func straightened(_ points: [(Double, Double)]) -> [(Double, Double)] {
  guard points.count > 2 else { return points }
  var kept = [points[0]]
  for index in 1..<(points.count - 1) {
    let (a, b, c) = (kept[kept.count - 1], points[index], points[index + 1])
    let (dx, dy) = (c.0 - a.0, c.1 - a.1)
    let length = (dx * dx + dy * dy).squareRoot()
    let distance =
      length == 0
      ? ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).squareRoot()
      : abs(dx * (b.1 - a.1) - dy * (b.0 - a.0)) / length
    // Keep b where the line bends, and where it turns back along itself (a fold).
    let between = (b.0 - a.0) * (c.0 - b.0) + (b.1 - a.1) * (c.1 - b.1) >= 0
    if distance > 0.1 || !between || !distance.isFinite { kept.append(b) }
  }
  kept.append(points[points.count - 1])
  return kept
}

/// Text with the five characters XML reserves replaced by their entities.
func escapedXML(_ text: String) -> String {
  var escaped = ""
  for character in text {
    switch character {
    case "&": escaped += "&amp;"
    case "<": escaped += "&lt;"
    case ">": escaped += "&gt;"
    case "\"": escaped += "&quot;"
    case "'": escaped += "&apos;"
    default: escaped.append(character)
    }
  }
  return escaped
}

/// A coordinate for SVG: at most two decimals, no exponent, no "-0"; non-finite values and
/// values beyond ±1e6 are clamped (a picture never needs them, and SVG has no "nan").
func svgNumber(_ value: Double) -> String {
  let clamped = value.isNaN ? 0 : min(1e6, max(-1e6, value))
  let hundredths = Int((clamped * 100).rounded())
  if hundredths == 0 { return "0" }
  let sign = hundredths < 0 ? "-" : ""
  let magnitude = hundredths.magnitude
  let fraction = magnitude % 100
  if fraction == 0 { return "\(sign)\(magnitude / 100)" }
  let digits =
    fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
  return "\(sign)\(magnitude / 100).\(digits)"
}
