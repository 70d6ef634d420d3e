import Convolution
import LectureKit

/// A worked example of the lecture that the tool computes live with the chapter modules.
struct Example: Sendable {
  /// The name `companion show NAME` takes.
  let name: String
  /// The ids of EXAMPLES.md it covers.
  let ids: String
  /// One line saying what it shows, in the current language (``Language/current``).
  var summary: String { summaryText() }
  private let summaryText: @Sendable () -> String
  /// Computes the example and returns what to print.
  let render: @Sendable () -> String

  /// The summary is computed each time it is read, so that each run gets its own language.
  init(
    name: String, ids: String, summary: @autoclosure @escaping @Sendable () -> String,
    render: @escaping @Sendable () -> String
  ) {
    self.name = name
    self.ids = ids
    self.summaryText = summary
    self.render = render
  }
}

/// The lecture's examples, in the order of the tour.
let examples: [Example] = [
  Example(
    name: "x-filter", ids: "E1.1-E1.4", summary: tr("tour.xFilterSummary"),
    render: renderXFilter),
  Example(
    name: "relu", ids: "E1.5", summary: tr("tour.reluSummary"),
    render: renderReLU),
  Example(
    name: "four-by-four", ids: "E3", summary: tr("tour.fourByFourSummary"),
    render: renderFourByFour),
  Example(
    name: "pooling", ids: "E2.1-E2.4", summary: tr("tour.poolingSummary"),
    render: renderPooling),
  Example(
    name: "motif-letters", ids: "E6.11", summary: tr("tour.motifLettersSummary"),
    render: renderMotifLetters),
  Example(
    name: "class-example", ids: "E6.2 E6.4", summary: tr("tour.classExampleSummary"),
    render: renderClassExample),
  dropoutExample,
  Example(
    name: "convnet", ids: "E2.1-E2.3", summary: tr("tour.convNetSummary"),
    render: renderConvNet),
]

private func renderXFilter() -> String {
  var text = tr("tour.xImage") + "\n"
  text += indent(tourMatrix(Lecture.xImage))
  for example in Lecture.xFilters {
    text += "\n\n" + tourFilterLabel(example, .filter, id: example.id)
    text += "\n" + indent(tourMatrix(example.filter))
    text += "\n" + tr("tour.filterMap") + "\n"
    text += indent(tourSlideMatrix(correlate(Lecture.xImage, with: example.filter) / 9))
  }
  return text
}

private func renderReLU() -> String {
  let map = correlate(Lecture.xImage, with: Lecture.diagonalFilter) / 9
  return tr("tour.reluHeading") + "\n" + indent(tourSlideMatrix(relu(map)))
}

private func renderFourByFour() -> String {
  var text = tr("tour.fourByFourImage") + "\n" + indent(tourMatrix(Lecture.fourByFourImage))
  text += "\n" + tr("tour.fourByFourFilter") + "\n" + indent(tourMatrix(Lecture.fourByFourFilter))
  text += "\n" + tr("tour.fourByFourValid") + "\n"
  text +=
    tr("tour.fourByFourCorrelate") + "\n"
    + indent(tourMatrix(correlate(Lecture.fourByFourImage, with: Lecture.fourByFourFilter)))
  text += "\n" + tr("tour.fourByFourConvolve") + "\n"
  text += indent(tourMatrix(convolve(Lecture.fourByFourImage, with: Lecture.fourByFourFilter)))
  return text
}

func indent(_ text: String) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    .joined(separator: "\n")
}

/// What the tool calls one of the slide's three filters, in the current language: above the
/// filter itself, above its map max-pooled, and above that pooled map in the network.
enum FilterLabel {
  case filter, pooledMap, convNet
}

/// The label `label` of the filter `example`, its id `id` in it (the pooled map's is E2.x).
/// A filter the tool does not know keeps the name the Convolution chapter gives it.
func tourFilterLabel(_ example: FilterExample, _ label: FilterLabel, id: String) -> String {
  switch (example.name, label) {
  case ("diagonal", .filter): tr("tour.diagonalFilter", ["id": id])
  case ("diagonal", .pooledMap): tr("tour.diagonalPooled", ["id": id])
  case ("diagonal", .convNet): tr("tour.diagonalConvNet")
  case ("centre-X", .filter): tr("tour.centreXFilter", ["id": id])
  case ("centre-X", .pooledMap): tr("tour.centreXPooled", ["id": id])
  case ("centre-X", .convNet): tr("tour.centreXConvNet")
  case ("anti-diagonal", .filter): tr("tour.antiDiagonalFilter", ["id": id])
  case ("anti-diagonal", .pooledMap): tr("tour.antiDiagonalPooled", ["id": id])
  case ("anti-diagonal", .convNet): tr("tour.antiDiagonalConvNet")
  case (_, .filter): tr("tour.filterHeading", ["name": example.name, "id": id])
  case (_, .pooledMap): tr("tour.pooledMapHeading", ["name": example.name, "id": id])
  case (_, .convNet): tr("tour.convNetMap", ["name": example.name])
  }
}

/// What a stub's mark says, in the current language: which exercise is not written yet, or
/// which function refused its input (the rule it broke, as its chapter words it); in
/// parentheses when `parenthesized`.
func tourMark(_ mark: Unwritten, parenthesized: Bool = false) -> String {
  if let problem = mark.problem {
    if mark.name.isEmpty { return parenthesized ? "(\(problem))" : problem }
    return parenthesized
      ? tr("tour.cannotComputeNote", ["name": mark.name, "problem": problem])
      : tr("tour.cannotCompute", ["name": mark.name, "problem": problem])
  }
  return parenthesized
    ? tr("tour.notWrittenNote", ["name": mark.name, "file": mark.file])
    : tr("input.unwritten", ["name": mark.name, "file": mark.file])
}

/// A matrix with its columns aligned (`alignedDescription`), or what its stub's mark says.
func tourMatrix(_ matrix: Matrix) -> String {
  if let mark = matrix.unwritten { return tr("tour.placeholder", ["mark": tourMark(mark)]) }
  return matrix.alignedDescription
}

/// A matrix as the slide prints it (`alignedSlideDescription`), or what its stub's mark says.
func tourSlideMatrix(_ matrix: Matrix) -> String {
  if let mark = matrix.unwritten { return tr("tour.placeholder", ["mark": tourMark(mark)]) }
  return matrix.alignedSlideDescription
}
