import Convolution
import FastConvolution
import Foundation
import LectureKit

/// `companion bench`: the plain loop, the fast loop and the FFT, timed on random images.

let benchCommand = Command(
  name: "bench", summary: "time the plain loop, the fast loop and the FFT",
  help: """
    usage: companion bench [--size N] [--paths LIST] [--growth-to N] [--quick]

    Times three ways of computing one cross-correlation (valid padding, stride 1) of a random
    N x N image with random k x k kernels, k = 3, 5, 9, 15, 31:
      plain loop   correlate(_:with:), the formula's loop (your exercise on the exercises track)
      fast loop    fastCorrelate(_:with:), the same sum streaming along rows
      FFT          fftCorrelate(_:with:), through the real 2D FFT
    It prints each time with the multiply-adds per second, the kernel size from which the FFT
    beats the fast loop, how the times grow with the image side (256 to 2048) beside the
    O(n² k²) and O(n² log n) predictions, for 9 x 9 and 31 x 31 kernels, with the fast loop
    and the FFT also on every core and the speed-up, and the peak memory of the fast loop on a
    2048 x 2048 image. Every other time is on one core. Build it for speed:
    `swift run -c release companion bench`.

      --size N        the image side of the first table, 3 to 4096 (default 512)
      --paths LIST    the paths to time, of plain, fast and fft (default all three): the
                      plain loop takes minutes on a 4096 x 4096 image
      --growth-to N   the largest side of the growth table, 256 to 4096 (default 2048)
      --quick         a smoke test: small images, one run per time (default side 16)

    """
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
      throw UsageError("bench takes no file or name, but was given '\(parsed.positional[0])'")
    }
    quick = parsed.flags.contains("--quick")
    let size = try parsed.integer("--size", default: quick ? 16 : 512)!
    guard (3...4096).contains(size) else {
      throw UsageError("--size takes an image side from 3 to 4096, not \(size)")
    }
    self.size = size
    if let list = parsed.values["--paths"] {
      var chosen: Set<BenchPath> = []
      for word in list.split(separator: ",", omittingEmptySubsequences: false) {
        guard let path = BenchPath(rawValue: String(word)) else {
          throw UsageError("--paths takes plain, fast and fft, separated by commas, not '\(list)'")
        }
        chosen.insert(path)
      }
      paths = BenchPath.allCases.filter(chosen.contains)
    } else {
      paths = BenchPath.allCases
    }
    let growthTo = try parsed.integer("--growth-to", default: 2048)!
    guard (256...4096).contains(growthTo) else {
      throw UsageError("--growth-to takes a side from 256 to 4096, not \(growthTo)")
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
