import LectureKit

/// The kernel turned by 180 degrees: entry (k, l) of a kh × kw kernel moves to
/// (kh - 1 - k, kw - 1 - l).
///
/// ```
/// rotate180(w)[k, l] = w[kh - 1 - k, kw - 1 - l]
/// ```
/// Flipping both axes is what turns cross-correlation into convolution (lecture `000`,
/// "Discrete convolution"). It is not the transpose: the transpose swaps the axes instead.
/// - Complexity: O(kh · kw).
public func rotate180(_ kernel: Matrix) -> Matrix {
  // BEGIN EXERCISE rotate180
  return .unwritten("rotate180", in: #filePath)
  // END EXERCISE
}
