import LectureKit

/// The number of pooling windows along an axis of length `n`.
///
/// ```
/// floor:  ⌊(n + 2p - k) / s⌋ + 1
/// ceil:   ⌈(n + 2p - k) / s⌉ + 1, minus one if the last window would start at or after
///         n + p in padded coordinates (in the right padding, covering no input at all)
/// ```
/// for a window of length k, stride s and padding p. Floor mode keeps only windows that lie
/// wholly inside the padded input. Ceil mode also keeps a last window that hangs over the end,
/// as long as it starts inside the input or the left padding: PyTorch's `ceil_mode=True`. So a
/// 7-long map pooled with window 2, stride 2 gives 3 in floor mode and 4 in ceil mode (the
/// slide's 7 × 7 → 4 × 4), and a 3-long one with window 2, stride 2, padding 1 gives 2 in both
/// modes: the third ceil window would start at position 3, past the input.
///
/// Lecture: `002`, "Max-pooling" ("Again, Padding problem!") and "Let us calculate that"
/// (300 × 400 → 150 × 200). [E2.4, E4.2]
/// - Precondition: `n >= 1` and the window fits inside the padded axis, `k <= n + 2p`.
public func pooledLength(_ n: Int, along axis: PoolAxis, rounding: Rounding) -> Int {
  precondition(n >= 1, "pooling needs an axis with at least one entry, but its length is \(n)")
  precondition(
    axis.size <= n + 2 * axis.padding,
    "a window of length \(axis.size) does not fit inside \(n) entries padded by \(axis.padding)")
  // BEGIN EXERCISE pooledLength
  return .unwritten("pooledLength", in: #filePath)
  // END EXERCISE
}

/// The shape of `input` pooled by `window`: ``pooledLength(_:along:rounding:)`` down the rows
/// and along the columns.
public func pooledShape(_ input: Shape, by window: PoolWindow) -> Shape {
  Shape(
    rows: pooledLength(input.rows, along: window.rows, rounding: window.rounding),
    columns: pooledLength(input.columns, along: window.columns, rounding: window.rounding))
}
