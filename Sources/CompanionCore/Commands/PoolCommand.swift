import LectureKit
import Pooling

/// `companion pool max|average|lp FILE --size K [--stride S] [--padding P] [--ceil] [--norm P]
/// [--slide]`: pools the matrix in FILE with the Pooling chapter.
let poolCommand = Command(
  name: "pool", summary: tr("summary.pool"), help: tr("help.pool")
) { arguments, input throws(UsageError) in
  let request = try PoolRequest(arguments)
  let matrix = try readMatrix(request.path, standardInput: input.read)
  let result = try request.pool(matrix)
  if let unwritten = result.unwritten { throw unwrittenError(unwritten) }
  return (request.slide ? result.slideDescription : result.description) + "\n"
}

/// The largest window, stride or padding the tool takes: beyond any matrix a text file holds,
/// and far from the integer limits.
private let largestSetting = 1_000_000

/// What one `companion pool` asks for, checked before any pooling happens.
private struct PoolRequest {
  enum Kind: String, CaseIterable {
    case max
    case average
    case lp
  }

  let kind: Kind
  let path: String
  let size: Int
  let stride: Int
  let padding: Int
  let rounding: Rounding
  let norm: Double
  let slide: Bool

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try ParsedArguments(
      arguments, valued: ["--size", "--stride", "--padding", "--norm"],
      flags: ["--ceil", "--slide"])
    // The texts name the kinds: max, average, lp.
    guard parsed.positional.count == 2 else { throw UsageError(tr("input.poolArguments")) }
    guard let kind = Kind(rawValue: parsed.positional[0]) else {
      throw UsageError(tr("input.poolKind", ["kind": parsed.positional[0]]))
    }
    guard let size = try parsed.integer("--size") else {
      throw UsageError(tr("input.poolNeedsSize"))
    }
    let stride = try parsed.integer("--stride", default: size) ?? size
    let padding = try parsed.integer("--padding", default: 0) ?? 0
    try Self.check(size: size, stride: stride, padding: padding)
    self.kind = kind
    self.path = parsed.positional[1]
    self.size = size
    self.stride = stride
    self.padding = padding
    self.rounding = parsed.flags.contains("--ceil") ? .ceil : .floor
    self.norm = try Self.norm(parsed.values["--norm"], for: kind)
    self.slide = parsed.flags.contains("--slide")
  }

  /// The rule the chapter's ``PoolAxis`` stops on, as a usage error; and no setting is absurd.
  static func check(size: Int, stride: Int, padding: Int) throws(UsageError) {
    if let problem = PoolAxis.problem(size: size, stride: stride, padding: padding) {
      // The chapter's rules, in its order, said in the run's language.
      let sentence =
        if size < 1 {
          tr("input.poolSizeAtLeastOne", ["size": "\(size)"])
        } else if stride < 1 {
          tr("input.poolStrideAtLeastOne", ["stride": "\(stride)"])
        } else if padding < 0 || padding > size / 2 {
          tr(
            "input.poolPaddingRange",
            ["size": "\(size)", "half": "\(size / 2)", "padding": "\(padding)"])
        } else {
          problem
        }
      throw UsageError(
        tr(
          "input.poolSettings",
          [
            "problem": sentence, "size": "\(size)", "stride": "\(stride)",
            "padding": "\(padding)",
          ]))
    }
    for (option, value) in [("--size", size), ("--stride", stride), ("--padding", padding)]
    where value > largestSetting {
      throw UsageError(
        tr("input.tooLarge", ["option": option, "value": "\(value)", "limit": "\(largestSetting)"]))
    }
  }

  /// The p of Lp pooling: 2 unless `--norm` says otherwise, and only for `lp`.
  static func norm(_ text: String?, for kind: Kind) throws(UsageError) -> Double {
    guard let text else { return 2 }
    guard kind == .lp else {
      throw UsageError(tr("input.normForLpOnly", ["kind": kind.rawValue]))
    }
    guard let p = parseEntry(text), p >= 1 else {
      throw UsageError(tr("input.normValue", ["value": text]))
    }
    return p
  }

  /// Pools `matrix`, once the window is known to fit inside it.
  func pool(_ matrix: Matrix) throws(UsageError) -> Matrix {
    let window = PoolWindow(size: size, stride: stride, padding: padding, rounding: rounding)
    if let problem = window.problem(pooling: matrix.shape) {
      // A matrix file has an entry: what is left is a window larger than the padded matrix.
      let fits =
        size <= matrix.shape.rows + 2 * padding && size <= matrix.shape.columns + 2 * padding
      guard !fits, matrix.shape.rows >= 1, matrix.shape.columns >= 1 else {
        throw UsageError(problem, file: path)
      }
      throw UsageError(
        tr(
          "input.poolWindowDoesNotFit",
          [
            "rows": "\(size)", "columns": "\(size)", "shape": "\(matrix.shape)",
            "rowPadding": "\(padding)", "columnPadding": "\(padding)",
          ]), file: path)
    }
    switch kind {
    case .max: return maxPool(matrix, window)
    case .average: return averagePool(matrix, window)
    case .lp: return lpPool(matrix, window, norm: norm)
    }
  }
}
