import Convolution
import LectureKit

/// `companion correlate`, and what it shares with `companion convolve` (ConvolveCommand.swift):
/// the Convolution chapter's two operations on matrix files.

let correlateCommand = slidingCommand(
  name: "correlate", summary: "cross-correlate an image file with a kernel file",
  description: """
    Slides KERNEL over IMAGE without flipping it (what deep-learning libraries call
    convolution) and prints the sum of the products at each position:
      y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + k, j·s + l]
    """
) { image, kernel, stride, padding in
  correlate(image, with: kernel, stride: stride, padding: padding)
}

/// The largest padded image the tool builds, in entries.
private let largestPaddedImage = 10_000_000

func slidingCommand(
  name: String, summary: String, description: String,
  operation: @escaping @Sendable (Matrix, Matrix, Int, Padding) -> Matrix
) -> Command {
  Command(
    name: name, summary: summary,
    help: """
      usage: companion \(name) IMAGE KERNEL [--stride S] [--padding P|valid|same|full]
                       [--mean] [--slide]

      \(description)

      IMAGE and KERNEL are text files, or `-` for standard input (one of the two at most):
      one row per line, entries separated by spaces, tabs or commas, each a decimal number or
      a fraction such as -1/2; `#` starts a comment. Examples/ holds the lecture's matrices.

        --stride S     move the kernel S entries at a time (default 1)
        --padding P    P zeros on every side of the image (default 0, the same as `valid`);
                       `same` keeps the image's size, `full` keeps every position where the
                       kernel overlaps the image; both take stride 1 only
        --mean         divide each output by the number of kernel entries, as the slides do
        --slide        print two decimals, truncated, as the slides do

      example: companion \(name) Examples/x.txt Examples/diagonal.txt --mean --slide

      """
  ) { arguments, input throws(UsageError) in
    let request = try SlidingRequest(name: name, arguments: arguments, input: input)
    let result = operation(request.image, request.kernel, request.stride, request.padding)
    if let unwritten = result.unwritten { throw UsageError("\(unwritten)") }
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
        "\(name) takes an image file and a kernel file, but got "
          + "\(counted(parsed.positional.count, "file name", "file names")): "
          + "try `companion help \(name)`")
    }
    guard parsed.positional != ["-", "-"] else {
      throw UsageError("only one of IMAGE and KERNEL can be `-` (standard input)")
    }
    stride = try parsed.integer("--stride", default: 1) ?? 1
    guard stride >= 1 else { throw UsageError("--stride must be at least 1, not \(stride)") }
    padding = try Self.padding(parsed.values["--padding"] ?? "valid")
    if stride != 1 && (padding == .same || padding == .full) {
      throw UsageError("--padding \(padding) takes stride 1 only, but --stride is \(stride)")
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
        throw UsageError(
          "--padding takes valid, same, full or a number of zeros from 0 to 100000, not '\(text)'")
      }
      return .explicit(zeros)
    }
  }

  /// The window rule the chapter's functions stop on (LectureKit's `windowProblem`), as a
  /// usage error; and the padded image is not absurdly large.
  private func checkSizes() throws(UsageError) {
    if let problem = windowProblem(
      input: image.shape, kernel: kernel.shape, stride: stride, padding: padding)
    {
      throw UsageError("\(problem): use a smaller kernel or more --padding")
    }
    let padded = padding.margins(forKernel: kernel.shape).padded(image.shape)
    guard padded.rows * padded.columns <= largestPaddedImage else {
      throw UsageError(
        "the padded image would be \(padded), more than \(largestPaddedImage) entries")
    }
  }
}
