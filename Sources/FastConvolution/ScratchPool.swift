import Foundation

/// Large scratch buffers kept from one call to the next, so that repeated transforms of one
/// size do not ask the system for fresh pages every time (on a 2048 × 2048 image each call
/// would otherwise touch 100 MB of new memory). At most `retained` bytes are kept.
final class ScratchPool: @unchecked Sendable {
  static let shared = ScratchPool()
  static let retained = 512 << 20

  private let lock = NSLock()
  private var kept: [(pointer: UnsafeMutablePointer<Double>, capacity: Int)] = []

  /// Runs `body` with a buffer of at least `capacity` doubles (uninitialized), then keeps the
  /// buffer for the next call when it fits in the pool.
  func withBuffer<Result>(
    capacity: Int, _ body: (UnsafeMutablePointer<Double>) -> Result
  ) -> Result {
    let buffer = take(capacity)
    defer { give(buffer) }
    return body(buffer.pointer)
  }

  private func take(_ capacity: Int) -> (pointer: UnsafeMutablePointer<Double>, capacity: Int) {
    lock.lock()
    defer { lock.unlock() }
    if let index = kept.indices.filter({ kept[$0].capacity >= capacity })
      .min(by: { kept[$0].capacity < kept[$1].capacity })
    {
      return kept.remove(at: index)
    }
    return (ScratchPool.allocate(capacity), capacity)
  }

  /// Memory aligned to 2 MB and, on Linux, marked for transparent huge pages: the transforms
  /// sweep their buffers with a stride of a row, and with 4 kB pages each row of a sweep would
  /// cost a miss in the address-translation cache.
  private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Double> {
    let bytes = capacity * MemoryLayout<Double>.stride
    var raw: UnsafeMutableRawPointer?
    guard posix_memalign(&raw, 1 << 21, bytes) == 0, let raw else {
      fatalError("out of memory: \(bytes) bytes for the FFT's buffers")
    }
    #if os(Linux)
      if bytes >= 32 << 20 { _ = madvise(raw, bytes, 14) }  // MADV_HUGEPAGE
    #endif
    return raw.bindMemory(to: Double.self, capacity: capacity)
  }

  private func give(_ buffer: (pointer: UnsafeMutablePointer<Double>, capacity: Int)) {
    lock.lock()
    defer { lock.unlock() }
    kept.append(buffer)
    // Keep the largest buffers that fit in the budget; free the others.
    kept.sort { $0.capacity > $1.capacity }
    var total = 0
    kept = kept.filter { buffer in
      let bytes = buffer.capacity * MemoryLayout<Double>.stride
      guard total + bytes <= ScratchPool.retained else {
        free(buffer.pointer)
        return false
      }
      total += bytes
      return true
    }
  }
}
