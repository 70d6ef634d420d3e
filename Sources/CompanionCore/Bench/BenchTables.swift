import Convolution
import FastConvolution
import Foundation
import LectureKit

/// The tables of `companion bench`.
extension Bench {
  /// The time of each path for one image and kernel; nil for an unwritten plain loop.
  private func times(
    _ x: Matrix, _ w: Matrix, _ paths: [BenchPath], _ policy: TimingPolicy
  ) -> [BenchPath: Double] {
    var times: [BenchPath: Double] = [:]
    for path in paths { times[path] = policy.bestSeconds { path.correlate(x, w) } }
    return times
  }

  /// The largest difference between the paths' results, to show that they compute one thing.
  private func largestDifference(_ x: Matrix, _ w: Matrix) -> Double {
    let results = options.paths.map { $0.correlate(x, w) }.filter { !$0.isPlaceholder }
    var largest = 0.0
    for result in results.dropFirst() {
      for (a, b) in zip(result.elements, results[0].elements) { largest = max(largest, abs(a - b)) }
    }
    return largest
  }

  /// Time and multiply-adds per second of each path, for each kernel side.
  func kernelTable() -> String {
    let n = options.size
    let x = randomMatrix(n, n, seed: 1)
    var lines = [
      "Image \(n) x \(n):",
      "kernel   outputs   " + options.paths.map { rightAligned($0.name, 21) }.joined()
        + "   FFT size",
      "                 "
        + String(
          repeating: rightAligned("time", 11) + rightAligned("MAC/s", 10),
          count: options.paths.count),
    ]
    var difference = 0.0
    var fftBeatsPlain: Int?
    for k in options.kernels {
      let w = randomMatrix(k, k, seed: UInt64(k))
      let measured = times(x, w, options.paths, options.timing)
      let work = Bench.multiplyAdds(side: n, kernel: k)
      let cells = options.paths.map { path in
        rightAligned(formatTime(measured[path]), 11)
          + rightAligned(formatRate(measured[path].map { work / $0 }), 10)
      }
      let size = Bench.fftSide(side: n, kernel: k).map { "\($0.rows) x \($0.columns)" } ?? "-"
      lines.append(
        rightAligned("\(k) x \(k)", 7) + rightAligned("\((n - k + 1) * (n - k + 1))", 10)
          + cells.joined() + "   " + size)
      difference = max(difference, largestDifference(x, w))
      if fftBeatsPlain == nil, let plain = measured[.plain], let fft = measured[.fft], fft < plain {
        fftBeatsPlain = k
      }
    }
    if options.kernels.count < (options.quick ? 2 : 5) {
      lines.append("(kernels larger than the image are left out)")
    }
    if options.paths.count > 1 {
      lines.append("Largest difference between the paths' results: \(formatRate(difference)).")
    }
    if let k = fftBeatsPlain {
      lines.append("The FFT beats the plain loop from the \(k) x \(k) kernel of this table on.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The smallest odd kernel side from which the FFT is faster than the fast loop.
  func crossover() -> String {
    guard options.paths.contains(.fast) && options.paths.contains(.fft) else { return "" }
    let n = options.size
    let x = randomMatrix(n, n, seed: 1)
    var ratios: [(k: Int, ratio: Double)] = []
    for k in options.crossoverKernels {
      let w = randomMatrix(k, k, seed: UInt64(k))
      let measured = times(x, w, [.fast, .fft], options.crossoverTiming)
      ratios.append((k, measured[.fast]! / measured[.fft]!))
    }
    let last = options.crossoverKernels.last ?? 3
    let losing = ratios.last { $0.ratio <= 1 }?.k
    let verdict =
      switch losing {
      case nil: "the FFT is faster than the fast loop for every odd k from 3 to \(last)"
      case last: "the fast loop is faster than the FFT up to k = \(last), the largest timed"
      case let k?: "the FFT beats the fast loop from k = \(k + 2) on (odd k from 3 to \(last))"
      }
    let list = ratios.map { "\($0.k): \(String(format: "%.2f", $0.ratio))" }
    return """
      Crossover on the \(n) x \(n) image: \(verdict).
      Fast loop time / FFT time, by kernel side: \(list.joined(separator: ", ")).

      """
  }
}
