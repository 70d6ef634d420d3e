import Convolution
import FastConvolution
import Foundation
import LectureKit

/// `companion bench`: the plain loop, the fast loop and the FFT, timed on random images.

let benchCommand = Command(
  name: "bench", summary: tr("summary.bench"), help: tr("help.bench")
) { arguments, _ throws(UsageError) in
  Bench(try BenchOptions(arguments)).report()
}

/// What to measure.
struct BenchOptions {
  var size: Int
  var quick: Bool
  /// The paths timed, in the order of ``BenchPath/allCases``.
  var paths: [BenchPath]
  /// The largest side of the growth table.
  var growthTo: Int

  init(_ arguments: [String]) throws(UsageError) {
    let parsed = try ParsedArguments(
      arguments, valued: ["--size", "--paths", "--growth-to"], flags: ["--quick"])
    guard parsed.positional.isEmpty else {
      throw UsageError(tr("input.benchArguments", ["argument": parsed.positional[0]]))
    }
    quick = parsed.flags.contains("--quick")
    let size = try parsed.integer("--size", default: quick ? 16 : 512)!
    guard (3...4096).contains(size) else {
      throw UsageError(tr("input.benchSize", ["size": "\(size)"]))
    }
    self.size = size
    if let list = parsed.values["--paths"] {
      var chosen: Set<BenchPath> = []
      for word in list.split(separator: ",", omittingEmptySubsequences: false) {
        guard let path = BenchPath(rawValue: String(word)) else {
          throw UsageError(tr("input.benchPaths", ["list": list]))
        }
        chosen.insert(path)
      }
      paths = BenchPath.allCases.filter(chosen.contains)
    } else {
      paths = BenchPath.allCases
    }
    let growthTo = try parsed.integer("--growth-to", default: 2048)!
    guard (256...4096).contains(growthTo) else {
      throw UsageError(tr("input.benchGrowth", ["side": "\(growthTo)"]))
    }
    self.growthTo = growthTo
  }

  /// The kernel sides of the first table that fit the image.
  var kernels: [Int] { (quick ? [3, 5] : [3, 5, 9, 15, 31]).filter { $0 <= size } }
  /// The odd kernel sides timed to find where the FFT overtakes the fast loop.
  var crossoverKernels: [Int] {
    Array(Swift.stride(from: 3, through: min(quick ? 7 : 31, size), by: 2))
  }
  /// The image sides of the growth table, with its kernel side.
  var sides: [Int] {
    quick ? [16, 32] : Array(sequence(first: 256) { $0 * 2 }.prefix { $0 <= growthTo })
  }
  var growthKernels: [Int] { quick ? [3] : [9, 31] }
  /// The image side of the peak-memory run.
  var memorySide: Int { quick ? 32 : 2048 }

  var timing: TimingPolicy {
    quick ? TimingPolicy(maximumRuns: 1, budget: 0) : TimingPolicy(maximumRuns: 30, budget: 0.25)
  }
  var crossoverTiming: TimingPolicy {
    quick ? TimingPolicy(maximumRuns: 1, budget: 0) : TimingPolicy(maximumRuns: 20, budget: 0.1)
  }
}

/// The three paths, which compute one and the same correlation.
enum BenchPath: String, CaseIterable {
  case plain, fast, fft

  var name: String {
    switch self {
    case .plain: "plain loop"
    case .fast: "fast loop"
    case .fft: "FFT"
    }
  }

  /// The correlation on `threads` threads (the plain loop has one).
  func correlate(_ x: Matrix, _ w: Matrix, threads: Threads = .one) -> Matrix {
    switch self {
    case .plain: Convolution.correlate(x, with: w)
    case .fast: fastCorrelate(x, with: w, threads: threads)
    case .fft: fftCorrelate(x, with: w, threads: threads)
    }
  }
}

/// One run of `companion bench`.
struct Bench {
  let options: BenchOptions

  init(_ options: BenchOptions) { self.options = options }

  func report() -> String {
    // First, while the process holds nothing else: the peak memory of one fast loop.
    let memory = memoryRun()
    let growth = options.growthKernels.map { growthTable(kernel: $0) }
    let sections = [header(), kernelTable(), crossover()] + growth + [memoryReport(memory)]
    return sections.joined(separator: "\n") + "\n"
  }

  private func header() -> String {
    #if DEBUG
      let build = "a debug build: times are many times slower; use `swift run -c release`"
    #else
      let build = "a release build"
    #endif
    return """
      companion bench: valid cross-correlation, stride 1, random entries in [-1, 1];
      \(build).
      \(trackLine())
      Times: the best of repeated runs, at least three (ContinuousClock). MAC/s: multiply-adds per second,
      counting output entries · k², the direct sum's work, for every path (the FFT's own count
      differs: it is the time of the same result that the rate compares).

      """
  }

  /// The number of multiply-adds of the direct sum: outputs · k².
  static func multiplyAdds(side n: Int, kernel k: Int) -> Double {
    Double((n - k + 1) * (n - k + 1) * k * k)
  }

  /// The FFT's side for a valid correlation, as `fftCorrelate` picks it.
  static func fftSide(side n: Int, kernel k: Int) -> Shape? {
    fftCorrelationSize(
      input: Shape(rows: n, columns: n), kernel: Shape(rows: k, columns: k))
  }
}
