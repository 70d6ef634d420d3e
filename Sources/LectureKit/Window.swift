import Foundation

// The geometry of a window sliding over an input: the padding around the input, the margins it
// makes, what makes a window invalid, and how many positions the window takes. One rule for
// the chapters (a precondition) and the tool (a usage error).

/// How many zeros surround the input before the kernel slides over it.
///
/// ```
/// .valid                       no zeros: only positions where the whole kernel lies on the input
/// .same                        k - 1 zeros per axis, split so the output has the input's size
/// .full                        k - 1 zeros on every side: every position where the kernel
///                              overlaps the input at all
/// .explicit(p)                 p zeros on every side
/// .explicit(top:bottom:left:right:)   an amount per side
/// ```
/// For an even kernel, `same` cannot split k - 1 zeros evenly. It follows scipy.signal:
/// `correlate2d(x, w, mode='same')` puts (k - 2) / 2 zeros before and k / 2 after,
/// `convolve2d(x, w, mode='same')` the other way round (k / 2 before, (k - 2) / 2 after). So
/// convolution is correlation with the kernel turned by 180 degrees in every mode except `same`
/// with an even kernel.
///
/// Lecture: `000`, "Regular twists": padding; `002`, "What about the edges of an image?",
/// "Padding".
public enum Padding: Sendable, Hashable, Codable {
  /// No padding.
  case valid
  /// The output has the input's size (at stride 1).
  case same
  /// Every position where the kernel overlaps the input.
  case full
  /// Zeros above, below, left and right of the input.
  case explicit(top: Int, bottom: Int, left: Int, right: Int)

  /// `p` zeros on every side.
  public static func explicit(_ p: Int) -> Padding {
    .explicit(top: p, bottom: p, left: p, right: p)
  }

  /// The zeros this padding puts on each side of the input for a kernel of the given shape.
  ///
  /// - Parameter flipped: true for convolution, whose `same` margins mirror correlation's for an
  ///   even kernel (scipy's `convolve2d` and `correlate2d`).
  public func margins(forKernel kernel: Shape, flipped: Bool = false) -> Margins {
    switch self {
    case .valid:
      return .zero
    case .full:
      return Margins(
        top: kernel.rows - 1, bottom: kernel.rows - 1, left: kernel.columns - 1,
        right: kernel.columns - 1)
    case .same:
      let (top, bottom) = Padding.sameSplit(kernel.rows, flipped: flipped)
      let (left, right) = Padding.sameSplit(kernel.columns, flipped: flipped)
      return Margins(top: top, bottom: bottom, left: left, right: right)
    case .explicit(let top, let bottom, let left, let right):
      return Margins(top: top, bottom: bottom, left: left, right: right)
    }
  }

  /// k - 1 zeros split into before and after: (k - 1) / 2 and k / 2, or mirrored.
  private static func sameSplit(_ k: Int, flipped: Bool) -> (before: Int, after: Int) {
    flipped ? (k / 2, (k - 1) / 2) : ((k - 1) / 2, k / 2)
  }
}

/// The number of zeros on each side of a padded input.
public struct Margins: Sendable, Hashable, Codable, CustomStringConvertible {
  public var top: Int
  public var bottom: Int
  public var left: Int
  public var right: Int

  public init(top: Int, bottom: Int, left: Int, right: Int) {
    self.top = top
    self.bottom = bottom
    self.left = left
    self.right = right
  }

  /// No zeros anywhere.
  public static let zero = Margins(top: 0, bottom: 0, left: 0, right: 0)

  /// The shape of a `shape` input with these margins around it.
  public func padded(_ shape: Shape) -> Shape {
    Shape(rows: top + shape.rows + bottom, columns: left + shape.columns + right)
  }

  public var description: String {
    "top \(top), bottom \(bottom), left \(left), right \(right)"
  }
}

/// What makes a window sliding over an input invalid, in one sentence; nil when it is valid.
/// The chapters stop with this sentence (a precondition); the tool prints it as a usage error.
///
/// The kernel needs an entry; the stride is at least 1; no margin is negative; `same` and `full`
/// are for stride 1 only; and the kernel fits inside the padded input.
public func windowProblem(input: Shape, kernel: Shape, stride: Int, padding: Padding) -> String? {
  let margins = padding.margins(forKernel: kernel)
  let padded = margins.padded(input)
  if kernel.rows < 1 || kernel.columns < 1 {
    return "the kernel must have at least one entry, but is \(kernel)"
  }
  if stride < 1 { return "the stride must be at least 1, but is \(stride)" }
  if min(margins.top, margins.bottom, margins.left, margins.right) < 0 {
    return "padding must not be negative, but is \(padding)"
  }
  if stride != 1 && (padding == .same || padding == .full) {
    return "padding \(padding) is defined for stride 1 only, but the stride is \(stride)"
  }
  if kernel.rows > padded.rows || kernel.columns > padded.columns {
    return "a \(kernel) kernel does not fit inside a \(input) input padded to \(padded)"
  }
  return nil
}

/// Stops with ``windowProblem(input:kernel:stride:padding:)``'s sentence when the window is
/// invalid: the precondition of every sliding-window function (through `fatalError`, whose
/// message survives the optimisation LectureKit is built with).
public func checkWindow(input: Shape, kernel: Shape, stride: Int, padding: Padding) {
  if let problem = windowProblem(input: input, kernel: kernel, stride: stride, padding: padding) {
    fatalError(problem)
  }
}

/// The output shape of a window sliding over a padded input, counted position by position
/// along each axis. (The closed form of that count is the Convolution chapter's `outputLength`
/// exercise.)
/// - Complexity: O((rows + columns) / stride).
public func windowOutputShape(input: Shape, kernel: Shape, stride: Int, margins: Margins) -> Shape {
  let padded = margins.padded(input)
  return Shape(
    rows: positions(padded.rows, window: kernel.rows, stride: stride),
    columns: positions(padded.columns, window: kernel.columns, stride: stride))
}

/// How many times a window fits along `length`, its start stepping by `stride` from 0.
private func positions(_ length: Int, window: Int, stride: Int) -> Int {
  var count = 0
  var start = 0
  while start + window <= length {
    count += 1
    start += stride
  }
  return count
}
