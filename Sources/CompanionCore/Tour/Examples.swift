import Convolution
import LectureKit

/// A worked example of the lecture that the tool computes live with the chapter modules.
struct Example: Sendable {
  /// The name `companion show NAME` takes.
  let name: String
  /// The ids of EXAMPLES.md it covers.
  let ids: String
  /// One line saying what it shows.
  let summary: String
  /// Computes the example and returns what to print.
  let render: @Sendable () -> String
}

/// The lecture's examples, in the order of the tour.
let examples: [Example] = [
  Example(
    name: "x-filter", ids: "E1.1-E1.4",
    summary: "the 9x9 X and its three filters: three 7x7 maps, as the slide prints them",
    render: renderXFilter),
  Example(
    name: "relu", ids: "E1.5",
    summary: "the diagonal map after a ReLU: negatives become 0",
    render: renderReLU),
  Example(
    name: "four-by-four", ids: "E3",
    summary: "the 4x4 convolution exercise: a 4x4 image, a 3x3 filter, a 2x2 answer",
    render: renderFourByFour),
  Example(
    name: "pooling", ids: "E2.1-E2.4",
    summary:
      "the three 7x7 maps max-pooled 2x2 at stride 2: three 4x4 maps, as the slide prints them",
    render: renderPooling),
  Example(
    name: "motif-letters", ids: "E6.11",
    summary:
      "C or D: endpoint and corner templates, thresholded and counted, wherever the letter stands",
    render: renderMotifLetters),
  Example(
    name: "class-example", ids: "E6.2 E6.4",
    summary: "backprop by hand: a sigmoid hidden layer, a linear output, the squared loss",
    render: renderClassExample),
  dropoutExample,
  Example(
    name: "convnet", ids: "E2.1-E2.3",
    summary: "conv -> ReLU -> pool -> fully connected: the X through the lecture's filters, "
      + "then a network trained on shifted letters",
    render: renderConvNet),
]

private func renderXFilter() -> String {
  var text = "The 9x9 X (1 = stroke, -1 = background):\n"
  text += indent(Lecture.xImage.alignedDescription)
  for example in Lecture.xFilters {
    text += "\n\n\(example.name) filter [\(example.id)]:\n"
    text += indent(example.filter.alignedDescription)
    text += "\nits map, correlate(x, filter) / 9, as the slide prints it:\n"
    text += indent((correlate(Lecture.xImage, with: example.filter) / 9).alignedSlideDescription)
  }
  return text
}

private func renderReLU() -> String {
  let map = correlate(Lecture.xImage, with: Lecture.diagonalFilter) / 9
  return "relu(diagonal map) [E1.5]:\n" + indent(relu(map).alignedSlideDescription)
}

private func renderFourByFour() -> String {
  var text = "image:\n" + indent(Lecture.fourByFourImage.alignedDescription)
  text +=
    "\nfilter (every row -1/2, 1, -1/2):\n" + indent(Lecture.fourByFourFilter.alignedDescription)
  text += "\nvalid, stride 1, no division:\n"
  text +=
    "correlate [E3]:\n"
    + indent(correlate(Lecture.fourByFourImage, with: Lecture.fourByFourFilter).alignedDescription)
  text += "\nconvolve (the filter is symmetric, so the same):\n"
  text += indent(
    convolve(Lecture.fourByFourImage, with: Lecture.fourByFourFilter).alignedDescription)
  return text
}

func indent(_ text: String) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    .joined(separator: "\n")
}
