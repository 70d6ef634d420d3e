import Foundation

/// Large scratch buffers kept from one call to the next, so that repeated transforms of one
/// size do not ask the system for fresh pages every time (on a 2048 × 2048 image each call
/// would otherwise touch 100 MB of new memory). At most `retained` bytes are kept.
final class ScratchPool: @unchecked Sendable {
  static let shared = ScratchPool()
  static let retained = 512 << 20

  private let lock = NSLock()
  private var free: [(pointer: UnsafeMutablePointer<Double>, capacity: Int)] = []

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
    if let index = free.indices.filter({ free[$0].capacity >= capacity })
      .min(by: { free[$0].capacity < free[$1].capacity })
    {
      return free.remove(at: index)
    }
    return (UnsafeMutablePointer<Double>.allocate(capacity: capacity), capacity)
  }

  private func give(_ buffer: (pointer: UnsafeMutablePointer<Double>, capacity: Int)) {
    lock.lock()
    defer { lock.unlock() }
    free.append(buffer)
    // Keep the largest buffers that fit in the budget; free the others.
    free.sort { $0.capacity > $1.capacity }
    var kept = 0
    free = free.filter { buffer in
      let bytes = buffer.capacity * MemoryLayout<Double>.stride
      guard kept + bytes <= ScratchPool.retained else {
        buffer.pointer.deallocate()
        return false
      }
      kept += bytes
      return true
    }
  }
}
