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
  let prefix = context.isEmpty ? "" : context + said(": ", "：")
  let both = said(
    "expected \(expected)\ncomputed \(computed)", "应为 \(expected)\n算出 \(computed)")
  guard computed.count == expected.count else {
    let note =
      computed.isEmpty
      ? said(" (none: is the exercise written yet?)", "（一个也没有：练习写完了吗？）") : ""
    fail(
      prefix
        + said(
          "expected \(expected.count) entries, computed \(computed.count)\(note)\n",
          "应有 \(expected.count) 个元素，算出 \(computed.count) 个\(note)\n") + both,
      sourceLocation: sourceLocation)
    return false
  }
  for (index, (value, wanted)) in zip(computed, expected).enumerated()
  where !value.isApproximatelyEqual(to: wanted, absoluteTolerance: tolerance) {
    fail(
      prefix
        + said(
          "entry \(index): expected \(wanted), computed \(value) (tolerance \(tolerance))\n",
          "元素 \(index)：应为 \(wanted)，算出 \(value)（容差 \(tolerance)）\n") + both,
      sourceLocation: sourceLocation)
    return false
  }
  return true
}

extension KnownMistake {
  /// The mistake that computes the sequence `values` on the test's input.
  init(_ diagnosis: String, zh chineseDiagnosis: String, sequence values: [Double]) {
    self.init(diagnosis, zh: chineseDiagnosis, Matrix([values]))
  }
}

/// Expects a sequence as ``expectSequence(_:equals:tolerance:_:sourceLocation:)`` does; when it
/// differs and is what a known mistake computes, the failure starts with the diagnosis
/// ("probably: ...").
@discardableResult
func expectSequence(
  _ computed: [Double], equals expected: [Double], unlike mistakes: [KnownMistake],
  tolerance: Double = 1e-12, _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let failures = capturingFailures {
    _ = expectSequence(computed, equals: expected, tolerance: tolerance, context)
  }
  guard let failure = failures.first else { return true }
  let named =
    computed.isEmpty
    ? nil : KnownMistake.diagnosis(of: Matrix([computed]), among: mistakes)
  fail((named.map { $0 + "\n" } ?? "") + failure, sourceLocation: sourceLocation)
  return false
}

extension KnownMistake {
  /// The window of output (i, j) placed at (i, j) instead of (i * stride, j * stride): what
  /// that computes is `value`. Said the same way by every test of the chapter.
  static func strideIgnored(_ value: Matrix) -> KnownMistake {
    KnownMistake(
      "the stride is ignored: the window of output (i, j) starts at (i * stride, j * stride)",
      zh: "忽略了步幅：输出 (i, j) 的窗口从 (i * stride, j * stride) 开始", value)
  }
}
