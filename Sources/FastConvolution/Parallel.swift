import Dispatch
import Foundation

/// How many threads the fast paths use: one, or every core of the machine when the work is
/// large enough to gain from it.
///
/// The work is split into parts that write disjoint memory and compute every entry exactly as
/// one thread would, so the result is the same, bit for bit, on any number of threads.
public enum Threads: Sendable, Hashable {
  /// One thread, the caller's.
  case one
  /// `count` threads.
  case count(Int)
  /// The machine's cores when the image is large enough (``automaticMinimum`` entries), else
  /// one.
  case automatic

  /// The images below this many entries run on one thread. At 256 x 256 two threads make the
  /// FFT 1.3 times as fast and the fast loop 1.7 to 1.9 times as fast with 9 x 9 and 31 x 31
  /// kernels (the 256 rows of `companion bench --size 256`'s growth tables, on two cores); an FFT
  /// with a side below 256 has too few slabs to share, and on small images starting threads
  /// costs more than the fast loop's few microseconds of work.
  public static let automaticMinimum = 256 * 256

  /// The number of threads for work on an image of `entries` entries.
  func resolved(entries: Int) -> Int {
    switch self {
    case .one: 1
    case .count(let n): max(1, n)
    case .automatic:
      entries >= Threads.automaticMinimum ? max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
    }
  }
}

/// Runs `body(part)` for every part in 0..<parts, spread over `threads` threads (in order on
/// one thread when `threads` is 1). `body` must write disjoint memory for different parts.
func forEachPart(_ parts: Int, threads: Int, _ body: (Int) -> Void) {
  guard threads > 1 && parts > 1 else {
    for part in 0..<parts { body(part) }
    return
  }
  withoutActuallyEscaping(body) { body in
    let shared = UncheckedSendable(body)
    DispatchQueue.concurrentPerform(iterations: min(threads, parts)) { worker in
      for part in Swift.stride(from: worker, to: parts, by: min(threads, parts)) {
        shared.value(part)
      }
    }
  }
}

/// A value handed to the threads of ``forEachPart(_:threads:_:)``.
private struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
