import LectureKit
import Pooling
import Testing

/// The preconditions of the Pooling chapter. They sit outside the exercise bodies, so they
/// hold on both tracks; each bad call stops the process with a message.
@Suite("Pooling: bad calls stop with a message")
struct PoolingContractTests {
  @Test("a window larger than the padded input")
  func windowTooLarge() async {
    await #expect(processExitsWith: .failure) {
      _ = maxPool(Matrix(rows: 2, columns: 5), PoolWindow(size: 3))
    }
    await #expect(processExitsWith: .failure) {
      _ = averagePool(Matrix(rows: 2, columns: 2), PoolWindow(size: 5, padding: 1))
    }
    await #expect(processExitsWith: .failure) {
      _ = lpPool(Matrix(rows: 4, columns: 1), PoolWindow(size: 2), norm: 2)
    }
    await #expect(processExitsWith: .failure) {
      _ = maxPoolBackward(
        Matrix(rows: 1, columns: 1), PoolWindow(size: 2), upstream: Matrix(rows: 1, columns: 1))
    }
    await #expect(processExitsWith: .failure) {
      _ = pooledLength(2, along: PoolAxis(size: 5, padding: 1), rounding: .ceil)
    }
  }

  @Test("an empty input")
  func emptyInput() async {
    await #expect(processExitsWith: .failure) {
      _ = maxPool(Matrix(rows: 0, columns: 0), PoolWindow(size: 2, padding: 1))
    }
    await #expect(processExitsWith: .failure) {
      _ = pooledLength(0, along: PoolAxis(size: 2, padding: 1), rounding: .floor)
    }
  }

  @Test("a stride below 1")
  func strideTooSmall() async {
    await #expect(processExitsWith: .failure) { _ = PoolAxis(size: 2, stride: 0) }
    await #expect(processExitsWith: .failure) { _ = PoolWindow(size: 2, stride: -1) }
  }

  @Test("padding more than half the window, or negative")
  func paddingOutOfRange() async {
    await #expect(processExitsWith: .failure) { _ = PoolAxis(size: 2, padding: 2) }
    await #expect(processExitsWith: .failure) { _ = PoolWindow(size: 3, padding: 2) }
    await #expect(processExitsWith: .failure) { _ = PoolAxis(size: 2, padding: -1) }
  }

  @Test("a window of length 0")
  func emptyWindow() async {
    await #expect(processExitsWith: .failure) { _ = PoolAxis(size: 0) }
  }

  @Test("Lp pooling with p below 1 or not finite")
  func normOutOfRange() async {
    await #expect(processExitsWith: .failure) {
      _ = lpPool(Matrix(rows: 2, columns: 2), PoolWindow(size: 2), norm: 0.5)
    }
    await #expect(processExitsWith: .failure) {
      _ = lpPool(Matrix(rows: 2, columns: 2), PoolWindow(size: 2), norm: .infinity)
    }
    await #expect(processExitsWith: .failure) {
      _ = lpPoolBackward(
        Matrix(rows: 2, columns: 2), PoolWindow(size: 2), norm: 0,
        upstream: Matrix(rows: 1, columns: 1))
    }
  }

  @Test("an upstream gradient with more windows than the input has, or none")
  func upstreamTooLarge() async {
    // A 3x3 input pooled 2x2 at stride 2 has 2x2 windows in ceil mode; a third row of windows
    // would start at row 4.
    await #expect(processExitsWith: .failure) {
      _ = maxPoolBackward(
        Matrix(rows: 3, columns: 3), PoolWindow(size: 2, rounding: .ceil),
        upstream: Matrix(rows: 3, columns: 2))
    }
    await #expect(processExitsWith: .failure) {
      _ = averagePoolBackward(
        Matrix(rows: 3, columns: 3), PoolWindow(size: 2), upstream: Matrix(rows: 1, columns: 0))
    }
    await #expect(processExitsWith: .failure) {
      _ = lpPoolBackward(
        Matrix(rows: 3, columns: 3), PoolWindow(size: 2), norm: 2,
        upstream: Matrix(rows: 2, columns: 3))
    }
  }

  @Test("sound calls do not stop")
  func soundCalls() {
    // The same shapes as above, but within the rules.
    _ = PoolAxis(size: 2, stride: 1, padding: 1)
    _ = PoolWindow(size: 3, padding: 1)
    _ = maxPool(Matrix(rows: 2, columns: 2), PoolWindow(size: 3, padding: 1))
    _ = lpPool(Matrix(rows: 2, columns: 2), PoolWindow(size: 2), norm: 1)
    _ = maxPoolBackward(
      Matrix(rows: 3, columns: 3), PoolWindow(size: 2, rounding: .ceil),
      upstream: Matrix(rows: 2, columns: 2))
  }
}
