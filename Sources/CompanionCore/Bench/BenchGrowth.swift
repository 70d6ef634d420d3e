import Convolution
import FastConvolution
import Foundation
import LectureKit

/// The growth table and the peak memory of `companion bench`.
extension Bench {
  /// The time of each path as the image side grows, beside what the first side predicts; the
  /// fast loop and the FFT also on every core, with the speed-up. The plain loop is left out
  /// for kernels larger than 9 x 9: it would take minutes.
  func growthTable(kernel k: Int) -> String {
    let w = randomMatrix(k, k, seed: UInt64(k))
    let paths = options.paths.filter { $0 != .plain || k <= 9 }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let parallel = paths.filter { $0 != .plain }
    var first: (work: [BenchPath: Double], time: [BenchPath: Double])?
    var lines = [
      "Growth with the image side n, \(k) x \(k) kernel: measured on one core, and predicted from",
      "the first row by outputs · k² for the loops (O(n² k²)) and by N1·N2·log(N1·N2) for the FFT",
      "(O(n² log n), N1 x N2 its size); then on all \(cores) cores, and the speed-up:",
      "  side" + paths.map { rightAligned($0.name, 22) }.joined()
        + parallel.map { rightAligned("\($0.name), \(cores) cores", 24) }.joined() + "   FFT size",
      "      "
        + String(
          repeating: rightAligned("measured", 12) + rightAligned("predicted", 10),
          count: paths.count)
        + String(
          repeating: rightAligned("time", 14) + rightAligned("speed-up", 10), count: parallel.count),
    ]
    for n in options.sides where n >= k {
      let x = randomMatrix(n, n, seed: UInt64(n))
      let size = Bench.fftSide(side: n, kernel: k)!
      let points = Double(size.rows * size.columns)
      let loops = Bench.multiplyAdds(side: n, kernel: k)
      let work: [BenchPath: Double] = [.plain: loops, .fast: loops, .fft: points * log2(points)]
      var time: [BenchPath: Double] = [:]
      for path in paths {
        time[path] = options.timing.bestSeconds { path.correlate(x, w) }
      }
      let base = first ?? (work, time)
      first = base
      let cells = paths.map { path in
        let predicted = base.time[path].map { $0 * work[path]! / base.work[path]! }
        return rightAligned(formatTime(time[path]), 12) + rightAligned(formatTime(predicted), 10)
      }
      let parallelCells = parallel.map { path in
        let all = options.timing.bestSeconds { path.correlate(x, w, threads: .count(cores)) }
        var speedUp = "-"
        if let one = time[path], let all { speedUp = String(format: "%.2f", one / all) }
        return rightAligned(formatTime(all), 14) + rightAligned(speedUp, 10)
      }
      lines.append(
        rightAligned("\(n)", 6) + cells.joined() + parallelCells.joined()
          + "   \(size.rows) x \(size.columns)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The peak memory of one fast loop on the memory run's image, 9 × 9 kernel.
  func memoryRun() -> PeakMemory? {
    guard options.paths.contains(.fast) else { return nil }
    let n = options.memorySide
    let x = randomMatrix(n, n, seed: UInt64(n))
    let w = randomMatrix(9, 9, seed: 9)
    return PeakMemory.measure { fastCorrelate(x, with: w) }
  }

  func memoryReport(_ memory: PeakMemory?) -> String {
    guard options.paths.contains(.fast) else { return "" }
    let n = options.memorySide
    let input = n * n * 8
    let output = (n - 8) * (n - 8) * 8
    let limit = 3 * (input + output) + 20_000_000
    // The goal is for 2048 x 2048, where the runtime's own memory is small beside the image's.
    let goal =
      options.quick
      ? ""
      : "; goal: below 3 x (input + output) + 20 MB = \(formatMegabytes(limit)): "
        + (memory.map { $0.peak < limit } == true ? "met" : "missed")
    guard let memory else {
      return "Peak memory: not measured (this system has no /proc/self/status).\n"
    }
    let before = formatMegabytes(memory.before)
    let reset =
      memory.wasReset
      ? """
      before it, once the image and the kernel were made, it was reset to the resident set of
      that moment by writing 5 to /proc/self/clear_refs (\(before): the runtime and the image).
      """
      : """
      it could not be reset (writing to /proc/self/clear_refs failed), so it is the peak since
      the process began (\(before) were resident just before the run).
      """
    return """
      Peak memory of the fast loop on a \(n) x \(n) image, 9 x 9 kernel: \(formatMegabytes(memory.peak)).
      How: VmHWM in /proc/self/status, the largest resident set of the whole process, read after
      the run, which comes before all the others;
      \(reset)
      Input \(formatMegabytes(input)) + output \(formatMegabytes(output))\(goal).

      """
  }
}
