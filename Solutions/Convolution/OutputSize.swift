import LectureKit

/// How many outputs a kernel of length `k` gives on an input of length `n`, moved `s` entries at
/// a time over the input with `p` zeros added on each end.
///
/// ```
/// outputLength = floor((n + 2p - k) / s) + 1
/// ```
/// The padded input has n + 2p entries; the kernel's first entry can sit at 0, s, 2s, ... as
/// long as the whole kernel still fits, that is at most n + 2p - k. The notes write
/// (n - (k - 1)) / s, which is right only when s divides n - k + 1: for n = 101, k = 5, s = 2
/// it gives 48.5, but there are 49 windows. The same rule holds for each axis of an image.
///
/// Lecture: `000`, "Regular twists" (stride table) [E4.1]; `002`, "Let us calculate that"
/// [E4.2]; `004`, section 5 [E4.3, E4.4].
/// - Precondition: `k >= 1`, `s >= 1`, `p >= 0`, and the kernel fits: `k <= n + 2p`.
public func outputLength(_ n: Int, kernel k: Int, stride s: Int = 1, padding p: Int = 0) -> Int {
  precondition(k >= 1, "the kernel must have at least one entry, but has \(k)")
  precondition(s >= 1, "the stride must be at least 1, but is \(s)")
  precondition(p >= 0, "padding must not be negative, but is \(p)")
  precondition(
    k <= n + 2 * p, "a kernel of \(k) does not fit inside \(n) entries padded by \(p) per side")
  // BEGIN EXERCISE outputLength
  return (n + 2 * p - k) / s + 1
  // END EXERCISE
}
