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
    precondition(size >= 1, "a pooling window needs a length of at least 1, but it is \(size)")
    precondition(stride >= 1, "the pooling stride must be at least 1, but it is \(stride)")
    precondition(
      padding >= 0 && padding <= size / 2,
      "the padding must lie between 0 and half the window (\(size) / 2 = \(size / 2)), "
        + "but it is \(padding)")
    self.size = size
    self.stride = stride
    self.padding = padding
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

/// Stops with a message unless `window` can pool `input`: the input has an entry, and the
/// window fits inside the padded input along both axes.
func checkFits(_ window: PoolWindow, _ input: Matrix) {
  precondition(
    input.rows >= 1 && input.columns >= 1,
    "pooling needs an input with at least one entry, but it is \(input.shape)")
  precondition(
    window.rows.size <= input.rows + 2 * window.rows.padding
      && window.columns.size <= input.columns + 2 * window.columns.padding,
    "a \(window.rows.size) x \(window.columns.size) window does not fit inside a "
      + "\(input.shape) input padded by \(window.rows.padding) x \(window.columns.padding)")
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
