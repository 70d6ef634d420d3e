import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What a test needs to know of an SVG file: whether it parses as XML, its root, and per panel
/// (`<g class="panel">`) how many elements of each class it holds and its texts.
struct SVGSummary {
  struct Panel {
    /// "rect.cell" → 81, "circle.point" → 12, ...
    var counts: [String: Int] = [:]
    /// The texts of the panel in order; the first is its title.
    var texts: [String] = []
    /// The texts of class "value" (the numbers in the cells).
    var values: [String] = []
  }

  var root = ""
  var panels: [Panel] = []
  var parseError: String?
  /// Every element outside the panels, by "name.class" (or the name alone).
  var outside: [String: Int] = [:]

  init(_ text: String) {
    let reader = Reader()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = reader
    if !parser.parse() {
      parseError = parser.parserError.map { "\($0)" } ?? "the XML parser failed"
    }
    root = reader.root ?? ""
    panels = reader.panels
    outside = reader.outside
  }

  /// The sum over all panels of one count.
  func total(_ key: String) -> Int { panels.reduce(0) { $0 + ($1.counts[key] ?? 0) } }
}

private final class Reader: NSObject, XMLParserDelegate {
  var root: String?
  var panels: [SVGSummary.Panel] = []
  var outside: [String: Int] = [:]
  /// For each open `<g>`: whether it opened a panel.
  private var groups: [Bool] = []
  private var inPanel = false
  private var text: String?
  private var textClass: String?

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if root == nil { root = name }
    let className = attributes["class"]
    let key = className.map { "\(name).\($0)" } ?? name
    if name == "g" {
      let opensPanel = className == "panel"
      groups.append(opensPanel)
      if opensPanel {
        panels.append(SVGSummary.Panel())
        inPanel = true
        return
      }
    }
    if inPanel {
      panels[panels.count - 1].counts[key, default: 0] += 1
    } else {
      outside[key, default: 0] += 1
    }
    if name == "text" {
      text = ""
      textClass = className
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text? += string
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if name == "g", let opened = groups.popLast(), opened { inPanel = false }
    if name == "text", let content = text {
      if inPanel {
        panels[panels.count - 1].texts.append(content)
        if textClass == "value" { panels[panels.count - 1].values.append(content) }
      }
      text = nil
    }
  }
}
