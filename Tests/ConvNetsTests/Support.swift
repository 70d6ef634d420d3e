import ConvNets
import LectureKit
import TestSupport
import Testing

/// Expects `computed` to be as many maps as `expected`, each agreeing with its counterpart.
/// Never traps: a placeholder, a wrong count or a wrong map each record one issue.
@discardableResult
func expectMaps(
  _ computed: [Matrix], equal expected: [Matrix], tolerance: Double = 1e-12, _ context: String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = context.isEmpty ? "" : context + said(": ", "：")
  guard expectWritten(computed, context, sourceLocation: sourceLocation) else { return false }
  guard computed.count == expected.count else {
    fail(
      prefix
        + said(
          "expected \(expected.count) maps, computed \(computed.count)",
          "应为 \(expected.count) 张特征图，算出 \(computed.count) 张"),
      sourceLocation: sourceLocation)
    return false
  }
  var allAgree = true
  for (index, (map, wanted)) in zip(computed, expected).enumerated() {
    allAgree =
      expectMatrix(
        map, equals: wanted, tolerance: tolerance, prefix + said("map \(index)", "特征图 \(index)"),
        sourceLocation: sourceLocation) && allAgree
  }
  return allAgree
}

/// Expects maps as ``expectMaps(_:equal:tolerance:_:sourceLocation:)`` does; when they
/// disagree and are what a known mistake gives (every map within 1e-9), the one failure starts
/// with its diagnosis, in English and in Chinese as a ``KnownMistake``'s.
@discardableResult
func expectMaps(
  _ computed: [Matrix], equal expected: [Matrix], unlike mistakes: [(String, zh: String, [Matrix])],
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let failures = capturingFailures { _ = expectMaps(computed, equal: expected, context) }
  guard let first = failures.first else { return true }
  let matching = mistakes.filter { _, _, maps in
    maps.count == computed.count
      && zip(maps, computed).allSatisfy { $0.isApproximatelyEqual(to: $1, absoluteTolerance: 1e-9) }
  }.map { said($0.0, $0.zh) }
  let named = KnownMistake.naming(matching).map { $0 + "\n" } ?? ""
  fail(named + first, sourceLocation: sourceLocation)
  return false
}

/// Expects analytic gradients of some maps to match numerical ones: the norm-wise relative
/// error of all their entries together below `bound`.
@discardableResult
func expectMapGradients(
  _ analytic: [Matrix], match numeric: [Matrix], below bound: Double = 1e-7,
  _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  let prefix = context.isEmpty ? "" : context + said(": ", "：")
  guard expectWritten(analytic, context, sourceLocation: sourceLocation) else { return false }
  guard analytic.count == numeric.count,
    zip(analytic, numeric).allSatisfy({ $0.shape == $1.shape })
  else {
    fail(
      prefix
        + said(
          "expected maps of shapes \(numeric.map(\.shape)), computed \(analytic.map(\.shape))",
          "特征图的形状应为 \(numeric.map(\.shape))，算出 \(analytic.map(\.shape))"),
      sourceLocation: sourceLocation)
    return false
  }
  return expectGradient(
    stacked(analytic), matches: stacked(numeric), below: bound, context,
    sourceLocation: sourceLocation)
}

/// The entries of all maps in one column (the tests' own, so that they do not lean on the
/// `flatten` exercise).
func stacked(_ maps: [Matrix]) -> Matrix {
  Matrix(column: maps.flatMap(\.elements))
}

/// The numerical gradient of `f` with respect to each of `maps`, the others held fixed.
func numericalGradients(of f: ([Matrix]) -> Double, at maps: [Matrix]) -> [Matrix] {
  maps.indices.map { index in
    numericalGradient(
      of: { probe in
        var varied = maps
        varied[index] = probe
        return f(varied)
      }, at: maps[index])
  }
}

/// `count` random maps of one shape, entries uniform in -1...1.
func randomMaps(
  _ count: Int, _ shape: Shape, using generator: inout SeededGenerator
) -> [Matrix] {
  (0..<count).map { _ in
    Matrix.random(rows: shape.rows, columns: shape.columns, using: &generator)
  }
}

/// Σ_o ⟨g_o, y_o⟩: a loss whose gradient with respect to output map o is g_o.
func pairing(_ maps: [Matrix], _ upstream: [Matrix]) -> Double {
  guard maps.count == upstream.count, !maps.isPlaceholder else { return .nan }
  var total = 0.0
  for (y, g) in zip(maps, upstream) {
    guard y.shape == g.shape else { return .nan }
    total += y.hadamard(g).sum()
  }
  return total
}
