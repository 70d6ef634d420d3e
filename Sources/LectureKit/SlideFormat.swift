/// Numbers as the lecture's slides print them: two decimals, truncated toward zero.
///
/// ```
/// 7/9 → 0.77    5/9 → 0.55    1 → 1.00    -1/9 → -0.11    -0.001 → 0.00
/// ```
/// The slides truncate rather than round (7/9 = 0.777... prints 0.77). A value that truncates to
/// zero prints `0.00`, never `-0.00`. A decimal typed by a person prints as typed: 0.29 is stored
/// as 0.28999999999999998, so a value within a few units of rounding of a whole number of
/// hundredths counts as that number.
public func slideFormat(_ value: Double) -> String {
  guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
  let scaled = value * 100
  guard scaled.magnitude < 1e15 else { return "\(value)" }
  let nearest = scaled.rounded()
  let isTypedDecimal = (scaled - nearest).magnitude <= 1e-9 * max(1, scaled.magnitude)
  let hundredths = Int64(isTypedDecimal ? nearest : scaled.rounded(.towardZero))
  if hundredths == 0 { return "0.00" }
  let magnitude = hundredths.magnitude
  let fraction = magnitude % 100
  return (hundredths < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "")
    + "\(fraction)"
}

extension Matrix: CustomStringConvertible {
  /// One row per line, entries separated by one space, each entry as Swift prints a `Double`
  /// (reading it back gives the same value).
  public var description: String {
    if let unwritten { return "(placeholder: \(unwritten))" }
    return rowArrays.map { row in row.map { "\($0)" }.joined(separator: " ") }
      .joined(separator: "\n")
  }

  /// One row per line, entries separated by one space, each entry in the slides' format
  /// (see ``slideFormat(_:)``).
  public var slideDescription: String {
    if let unwritten { return "(placeholder: \(unwritten))" }
    return rowArrays.map { row in row.map(slideFormat).joined(separator: " ") }
      .joined(separator: "\n")
  }
}

extension Matrix {
  /// The entries in the slides' format (``slideFormat(_:)``), the digits exactly as the slide
  /// prints them, with the columns right-aligned: for reading, in the tour.
  public var alignedSlideDescription: String {
    if let unwritten { return "(placeholder: \(unwritten))" }
    let cells = rowArrays.map { $0.map(slideFormat) }
    let width = cells.flatMap { $0 }.map(\.count).max() ?? 0
    return cells.map { row in
      row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: " ")
    }.joined(separator: "\n")
  }

  /// One row per line with the columns right-aligned; whole numbers print without a decimal
  /// point (`-1`, not `-1.0`), others as Swift prints a `Double`. For reading, not parsing.
  public var alignedDescription: String {
    if let unwritten { return "(placeholder: \(unwritten))" }
    let cells = rowArrays.map { row in
      row.map { value in
        value == value.rounded() && value.magnitude < 1e15 ? "\(Int64(value))" : "\(value)"
      }
    }
    let width = cells.flatMap { $0 }.map(\.count).max() ?? 0
    return cells.map { row in
      row.map { String(repeating: " ", count: width - $0.count) + $0 }.joined(separator: " ")
    }.joined(separator: "\n")
  }
}
