import Convolution
import LectureKit

/// `companion correlate`, and what it shares with `companion convolve` (ConvolveCommand.swift):
/// the Convolution chapter's two operations on matrix files.

let correlateCommand = slidingCommand(
  name: "correlate", summary: tr("summary.correlate"),
  description: tr("help.correlateDescription")
) { image, kernel, stride, padding in
  correlate(image, with: kernel, stride: stride, padding: padding)
}

/// The largest padded image the tool builds, in entries.
private let largestPaddedImage = 10_000_000

/// The summary and the description are read each time, in the run's language.
func slidingCommand(
  name: String, summary: @autoclosure @escaping @Sendable () -> String,
  description: @autoclosure @escaping @Sendable () -> String,
  operation: @escaping @Sendable (Matrix, Matrix, Int, Padding) -> Matrix
) -> Command {
  Command(
    name: name, summary: summary(),
    help: tr("help.sliding", ["name": name, "description": description()])
  ) { arguments, input throws(UsageError) in
    let request = try SlidingRequest(name: name, arguments: arguments, input: input)
    let result = operation(request.image, request.kernel, request.stride, request.padding)
    if let unwritten = result.unwritten { throw unwrittenError(unwritten) }
    let output = request.mean ? result / Double(request.kernel.count) : result
    return (request.slide ? output.slideDescription : output.description) + "\n"
  }
}

/// The checked arguments of `correlate` or `convolve`: everything the library's preconditions
/// ask for is checked here first, so that a mistake is a message and never a trap.
private struct SlidingRequest {
  var image: Matrix
  var kernel: Matrix
  var stride: Int
  var padding: Padding
  var mean: Bool
  var slide: Bool

  init(name: String, arguments: [String], input: Input) throws(UsageError) {
    let parsed = try ParsedArguments(
      arguments, valued: ["--stride", "--padding"], flags: ["--mean", "--slide"])
    guard parsed.positional.count == 2 else {
      throw UsageError(
        parsed.positional.count == 1
          ? tr("input.slidingOneFile", ["command": name])
          : tr(
            "input.slidingFiles",
            ["command": name, "count": "\(parsed.positional.count)"]))
    }
    guard parsed.positional != ["-", "-"] else {
      throw UsageError(tr("input.oneStandardInput"))
    }
    stride = try parsed.integer("--stride", default: 1) ?? 1
    guard stride >= 1 else {
      throw UsageError(tr("input.strideAtLeastOne", ["stride": "\(stride)"]))
    }
    padding = try Self.padding(parsed.values["--padding"] ?? "valid")
    if stride != 1 && (padding == .same || padding == .full) {
      throw UsageError(
        tr("input.paddingStrideOne", ["padding": "\(padding)", "stride": "\(stride)"]))
    }
    mean = parsed.flags.contains("--mean")
    slide = parsed.flags.contains("--slide")
    image = try readMatrix(parsed.positional[0], standardInput: input.read)
    kernel = try readMatrix(parsed.positional[1], standardInput: input.read)
    try checkSizes()
  }

  /// `valid`, `same`, `full`, or a number of zeros for every side.
  private static func padding(_ text: String) throws(UsageError) -> Padding {
    switch text {
    case "valid": return .valid
    case "same": return .same
    case "full": return .full
    default:
      guard let zeros = Int(text), zeros >= 0, zeros <= 100_000 else {
        throw UsageError(tr("input.paddingValue", ["value": text]))
      }
      return .explicit(zeros)
    }
  }

  /// The window rule the chapter's functions stop on (LectureKit's `windowProblem`), as a
  /// usage error; and the padded image is not absurdly large.
  private func checkSizes() throws(UsageError) {
    let padded = padding.margins(forKernel: kernel.shape).padded(image.shape)
    if let problem = windowProblem(
      input: image.shape, kernel: kernel.shape, stride: stride, padding: padding)
    {
      // The stride and the padding are checked above and a matrix file has an entry: what is
      // left is a kernel larger than the padded image, said in the run's language.
      if kernel.shape.rows > padded.rows || kernel.shape.columns > padded.columns {
        throw UsageError(
          tr(
            "input.kernelDoesNotFit",
            ["kernel": "\(kernel.shape)", "input": "\(image.shape)", "padded": "\(padded)"]))
      }
      throw UsageError(tr("input.windowProblem", ["problem": problem]))
    }
    guard padded.rows * padded.columns <= largestPaddedImage else {
      throw UsageError(
        tr("input.paddedTooLarge", ["shape": "\(padded)", "limit": "\(largestPaddedImage)"]))
    }
  }
}

/// The error for a result that an unwritten exercise left a placeholder in: which exercise to
/// write, and where. A mark that stands for a refused input keeps the chapter's own sentence.
func unwrittenError(_ mark: Unwritten) -> UsageError {
  guard mark.problem == nil else { return UsageError("\(mark)") }
  return UsageError(tr("input.unwritten", ["name": mark.name, "file": mark.file]))
}
