import LectureKit
import Pooling

/// `companion pool max|average|lp FILE --size K [--stride S] [--padding P] [--ceil] [--norm P]
/// [--slide]`: pools the matrix in FILE with the Pooling chapter.
let poolCommand = Command(
  name: "pool", summary: "max, average or Lp-norm pooling of a matrix file",
  help: """
    usage: companion pool max|average|lp FILE --size K [--stride S] [--padding P] [--ceil]
                          [--norm P] [--slide]

    Pools the matrix in FILE (`-` for standard input) with K x K windows and prints the result.

      max         the largest entry of each window; padding never wins
      average     the mean of each window; padding counts as zeros (PyTorch's default)
      lp          the p-norm of each window, (sum of |x|^p)^(1/p); padding adds nothing

      --size K     the window's length (required)
      --stride S   the step between windows (default: K, so windows do not overlap)
      --padding P  cells added on every side, at most K / 2 (default: 0)
      --ceil       keep a last window that hangs over the edge (PyTorch's ceil_mode), as the
                   slide does when it pools a 7x7 map to 4x4; without it, such windows are dropped
      --norm P     p for lp, a number >= 1 such as 2 or 3/2 (default: 2)
      --slide      print two decimals, truncated, as the slides do

    FILE has one row per line; entries are separated by spaces, tabs or commas and are decimal
    numbers or fractions (-1/2); `#` starts a comment. The output has one row per line, entries
    separated by one space, each as Swift prints a Double (reading it back gives the same value).

    example: companion pool max map.txt --size 2 --ceil --slide

    """
) { arguments, input throws(UsageError) in
  let request = try PoolRequest(arguments)
  let matrix = try readMatrix(request.path, standardInput: input.read)
  let result = try request.pool(matrix)
  if let unwritten = result.unwritten { throw UsageError("\(unwritten)") }
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
    let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
    guard parsed.positional.count == 2 else {
      throw UsageError("pool takes a kind (\(kinds)) and one FILE: try `companion help pool`")
    }
    guard let kind = Kind(rawValue: parsed.positional[0]) else {
      throw UsageError("no pooling kind '\(parsed.positional[0])': the kinds are \(kinds)")
    }
    guard let size = try parsed.integer("--size") else {
      throw UsageError("pool needs --size K, the window's length")
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
      throw UsageError("\(problem) (--size \(size), --stride \(stride), --padding \(padding))")
    }
    for (option, value) in [("--size", size), ("--stride", stride), ("--padding", padding)]
    where value > largestSetting {
      throw UsageError("\(option) \(value) is too large: at most \(largestSetting)")
    }
  }

  /// The p of Lp pooling: 2 unless `--norm` says otherwise, and only for `lp`.
  static func norm(_ text: String?, for kind: Kind) throws(UsageError) -> Double {
    guard let text else { return 2 }
    guard kind == .lp else {
      throw UsageError("--norm is for lp pooling only, not for \(kind.rawValue)")
    }
    guard let p = parseEntry(text), p >= 1 else {
      throw UsageError("--norm takes a number >= 1 (such as 2 or 3/2), not '\(text)'")
    }
    return p
  }

  /// Pools `matrix`, once the window is known to fit inside it.
  func pool(_ matrix: Matrix) throws(UsageError) -> Matrix {
    let window = PoolWindow(size: size, stride: stride, padding: padding, rounding: rounding)
    if let problem = window.problem(pooling: matrix.shape) {
      throw UsageError(problem, file: path)
    }
    switch kind {
    case .max: return maxPool(matrix, window)
    case .average: return averagePool(matrix, window)
    case .lp: return lpPool(matrix, window, norm: norm)
    }
  }
}
