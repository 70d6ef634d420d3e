import Foundation
import LectureKit

/// How `companion bench` times a path: the best of repeated runs, as long as the runs take
/// less than `budget` seconds together and there are at most `maximumRuns` of them, but never
/// fewer than `minimumRuns`: the first run of a size pays for memory the later ones reuse.
struct TimingPolicy {
  var maximumRuns: Int
  var budget: Double
  var minimumRuns = 3

  /// Times `body`, or gives nil when it returns a stub's placeholder (an unwritten exercise).
  func bestSeconds(_ body: () -> Matrix) -> Double? {
    let clock = ContinuousClock()
    var (best, total, runs) = (Double.infinity, 0.0, 0)
    repeat {
      let start = clock.now
      let result = body()
      let elapsed = seconds(clock.now - start)
      guard !result.isPlaceholder else { return nil }
      keep(result)
      (best, total, runs) = (min(best, elapsed), total + elapsed, runs + 1)
    } while runs < min(minimumRuns, maximumRuns) || (runs < maximumRuns && total < budget)
    return best
  }
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// Somewhere to put each result, so that no run can be optimised away as unused.
private nonisolated(unsafe) var sink = 0.0

private func keep(_ result: Matrix) {
  sink += result.elements.first ?? 0
}

/// `n` random entries in [-1, 1], the same ones on every run.
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
  var generator = SeededGenerator(seed: seed)
  return Matrix.random(rows: rows, columns: columns, in: -1...1, using: &generator)
}

/// The process's peak memory while one correlation runs, from the kernel's own bookkeeping.
struct PeakMemory {
  /// VmRSS just before the correlation, with its input and kernel already made, in bytes.
  var before: Int
  /// VmHWM after it: the largest resident set since the reset, in bytes.
  var peak: Int
  /// Whether the high-water mark could be reset just before the run; if not, it is the peak
  /// since the process started.
  var wasReset: Bool

  /// Runs `body` and reads the high-water mark; nil where /proc/self/status does not exist.
  static func measure(_ body: () -> Matrix) -> PeakMemory? {
    // Writing 5 to clear_refs sets the high-water mark to the present resident set (Linux).
    let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs")
    let wasReset = (try? handle?.write(contentsOf: Data("5".utf8))) != nil
    try? handle?.close()
    guard let before = statusBytes("VmRSS") else { return nil }
    keep(body())
    guard let peak = statusBytes("VmHWM") else { return nil }
    return PeakMemory(before: before, peak: peak, wasReset: wasReset)
  }

  /// A `VmXXX:   1234 kB` line of /proc/self/status, in bytes.
  private static func statusBytes(_ field: String) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return nil
    }
    for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if words.count >= 2, let kilobytes = Int(words[1]) { return kilobytes * 1024 }
    }
    return nil
  }
}

/// "0.361 ms", "12.3 ms", "1234 ms": three significant digits or the whole milliseconds.
func formatTime(_ seconds: Double?) -> String {
  guard let seconds else { return "not written" }
  let milliseconds = seconds * 1000
  let digits = milliseconds >= 100 ? 0 : milliseconds >= 10 ? 1 : milliseconds >= 1 ? 2 : 3
  return String(format: "%.\(digits)f ms", milliseconds)
}

/// "6.45e9": a rate with three significant digits.
func formatRate(_ rate: Double?) -> String {
  guard let rate, rate.isFinite, rate > 0 else { return "-" }
  let exponent = Int(log10(rate).rounded(.down))
  return String(format: "%.2fe%d", rate / pow(10, Double(exponent)), exponent)
}

/// Megabytes (10⁶ bytes), one decimal.
func formatMegabytes(_ bytes: Int) -> String {
  String(format: "%.1f MB", Double(bytes) / 1e6)
}

/// `text` padded with spaces on the left to `width` characters.
func rightAligned(_ text: String, _ width: Int) -> String {
  String(repeating: " ", count: max(0, width - text.count)) + text
}
