import LectureKit

/// How pooling windows are laid along one axis of a map: the window's length, the step from
/// one window to the next, and the padding added at both ends.
///
/// ```
/// window i covers positions  i·stride - padding  ..<  i·stride - padding + size
/// ```
/// (positions below 0 or from the input's length on are padding). The stride defaults to the
/// window's length, as in PyTorch, so that windows tile the map without overlapping: the
/// slide's "2*2, Stride 2".
///
/// Lecture: `002`, "Max-pooling" and "Again, Padding problem!".
/// - Precondition: `size >= 1`, `stride >= 1`, and `0 <= padding <= size / 2` (PyTorch's rule).
public struct PoolAxis: Sendable, Hashable, CustomStringConvertible {
  /// The window's length along this axis.
  public let size: Int
  /// The distance between the starts of two neighbouring windows.
  public let stride: Int
  /// The cells added before the first and after the last position.
  public let padding: Int

  public init(size: Int, stride: Int? = nil, padding: Int = 0) {
    let stride = stride ?? size
    if let problem = PoolAxis.problem(size: size, stride: stride, padding: padding) {
      preconditionFailure(problem)
    }
    self.size = size
    self.stride = stride
    self.padding = padding
  }

  /// What makes these settings invalid, in one sentence; nil when they are valid. The chapter
  /// stops on it, `companion pool` reports it as a usage error.
  public static func problem(size: Int, stride: Int, padding: Int) -> String? {
    if size < 1 { return "a pooling window needs a length of at least 1, but it is \(size)" }
    if stride < 1 { return "the pooling stride must be at least 1, but it is \(stride)" }
    guard padding >= 0 && padding <= size / 2 else {
      return "the padding must lie between 0 and half the window (\(size) / 2 = \(size / 2)), "
        + "but it is \(padding)"
    }
    return nil
  }

  /// "window 2, stride 2, padding 0".
  public var description: String { "window \(size), stride \(stride), padding \(padding)" }
}

/// How the output length is rounded when the windows do not tile the padded input exactly.
///
/// `floor` drops a last window that would hang over the end; `ceil` keeps it, as the slide
/// does when it pools a 7 × 7 map to 4 × 4 (PyTorch's `ceil_mode=True`).
public enum Rounding: String, Sendable, Hashable, CaseIterable {
  case floor
  case ceil
}

/// The windows of a 2D pooling layer: one ``PoolAxis`` for the rows, one for the columns, and
/// the rounding of the output size.
public struct PoolWindow: Sendable, Hashable, CustomStringConvertible {
  /// How windows are laid down the rows (the window's height, vertical stride and padding).
  public let rows: PoolAxis
  /// How windows are laid along the columns (width, horizontal stride and padding).
  public let columns: PoolAxis
  /// Whether a last, partial window is dropped (`floor`) or kept (`ceil`).
  public let rounding: Rounding

  public init(rows: PoolAxis, columns: PoolAxis, rounding: Rounding = .floor) {
    self.rows = rows
    self.columns = columns
    self.rounding = rounding
  }

  /// A square window: the same size, stride and padding along both axes.
  public init(size: Int, stride: Int? = nil, padding: Int = 0, rounding: Rounding = .floor) {
    let axis = PoolAxis(size: size, stride: stride, padding: padding)
    self.init(rows: axis, columns: axis, rounding: rounding)
  }

  /// "2 x 2 window, stride 2 x 2, padding 0 x 0, ceil mode".
  public var description: String {
    "\(rows.size) x \(columns.size) window, stride \(rows.stride) x \(columns.stride), "
      + "padding \(rows.padding) x \(columns.padding), \(rounding) mode"
  }
}

extension PoolWindow {
  /// What stops this window from pooling an input of `shape`, in one sentence; nil when it
  /// can: the input has an entry, and the window fits inside the padded input along both axes.
  public func problem(pooling shape: Shape) -> String? {
    if shape.rows < 1 || shape.columns < 1 {
      return "pooling needs an input with at least one entry, but it is \(shape)"
    }
    guard
      rows.size <= shape.rows + 2 * rows.padding
        && columns.size <= shape.columns + 2 * columns.padding
    else {
      return "a \(rows.size) x \(columns.size) window does not fit inside a \(shape) input "
        + "padded by \(rows.padding) x \(columns.padding)"
    }
    return nil
  }
}

/// Stops with ``PoolWindow/problem(pooling:)``'s sentence unless `window` can pool `input`.
func checkFits(_ window: PoolWindow, _ input: Matrix) {
  if let problem = window.problem(pooling: input.shape) { preconditionFailure(problem) }
}

/// Stops with a message unless `upstream` can be the gradient of `input` pooled by `window`:
/// it has an entry, and none of its windows starts past the input, so each window holds at
/// least one input cell. (The exact shape is the ``pooledShape(_:by:)`` exercise; this check
/// does not rely on it, so a smaller upstream gradient gets past it.)
func checkUpstream(_ upstream: Matrix, _ window: PoolWindow, _ input: Matrix) {
  precondition(
    upstream.rows >= 1 && upstream.columns >= 1,
    "the upstream gradient needs an entry per window, but it is \(upstream.shape)")
  let lastTop = (upstream.rows - 1) * window.rows.stride - window.rows.padding
  let lastLeft = (upstream.columns - 1) * window.columns.stride - window.columns.padding
  precondition(
    lastTop < input.rows && lastLeft < input.columns,
    "a \(upstream.shape) upstream gradient has more windows than a \(input.shape) input "
      + "pooled by a \(window): its last window would start at (\(lastTop), \(lastLeft))")
}
