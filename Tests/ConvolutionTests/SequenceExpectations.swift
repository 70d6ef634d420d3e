import LectureKit
import TestSupport
import Testing

/// Expects a sequence to have as many entries as `expected` and to agree with it entry by entry
/// to `tolerance` (absolute). Never traps: a stub's empty array fails on its count.
@discardableResult
func expectSequence(
  _ computed: [Double], equals expected: [Double], tolerance: Double = 1e-12,
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = context.isEmpty ? "" : "\(context): "
  guard computed.count == expected.count else {
    let note = computed.isEmpty ? " (none: is the exercise written yet?)" : ""
    fail(
      "\(prefix)expected \(expected.count) entries, computed \(computed.count)\(note)\n"
        + "expected \(expected)\ncomputed \(computed)",
      sourceLocation: sourceLocation)
    return false
  }
  for (index, (value, wanted)) in zip(computed, expected).enumerated()
  where !value.isApproximatelyEqual(to: wanted, absoluteTolerance: tolerance) {
    fail(
      "\(prefix)entry \(index): expected \(wanted), computed \(value) (tolerance \(tolerance))\n"
        + "expected \(expected)\ncomputed \(computed)",
      sourceLocation: sourceLocation)
    return false
  }
  return true
}
