import LectureKit

/// The small image and kernel of the tests whose expected values come from scipy.signal: shapes
/// that catch what a square or symmetric example hides.
public enum TestImages {
  /// The first twenty digits of π, 4 x 5: not square, and no symmetry to hide a missing flip
  /// or a transpose.
  public static let piDigits: Matrix = [
    [3, 1, 4, 1, 5], [9, 2, 6, 5, 3], [5, 8, 9, 7, 9], [3, 2, 3, 8, 4],
  ]

  /// A 2 x 3 kernel: an even number of rows and an odd number of columns, not the same turned
  /// by 180 degrees.
  public static let unevenKernel: Matrix = [[1, 0, -1], [2, 1, 0]]
}
