import LectureKit

/// A dropout mask for a batch of `columns` examples with `rows` units each: 1 where a unit is
/// kept, 0 where it is dropped. `p` is the probability of DROPPING a unit, so every entry is 0
/// with probability p and 1 with probability 1 - p, independently of every other entry.
///
/// ```
/// mask[i, j] = 0 with probability p,  1 with probability 1 - p
/// ```
/// Column j is the mask of example j: the notes draw the dropped units "anew for each training
/// data point", so no two examples of a batch share a mask. One uniform draw u in [0, 1) per
/// entry, kept when u >= p, does it.
///
/// Lecture: `004`, 4.1 "Dropout"; `002`, "Dropout: randomly set some of the hidden activations
/// to 0". [E6.6]
/// - Parameters:
///   - rows: the number of units of the layer.
///   - columns: the number of examples in the batch.
///   - p: the probability of dropping a unit (not of keeping it).
///   - generator: the source of randomness; a seeded one makes the mask reproducible.
/// - Precondition: 0 <= p < 1; `rows >= 0` and `columns >= 0`.
/// - Complexity: O(rows · columns) draws.
public func dropoutMask(
  rows: Int, columns: Int, p: Double, using generator: inout some RandomNumberGenerator
) -> Matrix {
  requireDropProbability(p)
  precondition(
    rows >= 0 && columns >= 0,
    "dropoutMask: a mask needs non-negative sizes, not \(rows) x \(columns)")
  // BEGIN EXERCISE dropoutMask
  var mask = Matrix(rows: rows, columns: columns)
  for i in 0..<rows {
    for j in 0..<columns {
      let u = Double.random(in: 0..<1, using: &generator)
      mask[i, j] = u >= p ? 1 : 0
    }
  }
  return mask
  // END EXERCISE
}
