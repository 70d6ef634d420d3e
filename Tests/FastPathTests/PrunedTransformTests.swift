import Foundation
import LectureKit
import Testing

@testable import FastConvolution

/// The pruned stages of ``BatchedFFT``: a transform told that only its first rows can be nonzero
/// gives the same numbers as the full transform of the same zero-padded input.
@Suite("The batched FFT with its leading rows only nonzero")
struct PrunedTransformTests {
  @Test(
    "pruned and full transforms agree, forward and inverse, for radices 2, 3, 4 and 5",
    arguments: [2, 3, 4, 5, 8, 12, 16, 30, 45, 64, 100, 120, 256])
  func agree(length: Int) {
    let fft = BatchedFFT(length: length)
    let batch = 6
    var generator = SeededGenerator(seed: UInt64(length))
    for nonzero in Set([1, 2, 3, length / 5, length / 4, length / 2, length]) where nonzero >= 1 {
      for inverse in [false, true] {
        let values = (0..<(2 * length * batch)).map { index in
          index % (length * batch) < nonzero * batch
            ? Double.random(in: -1...1, using: &generator) : 0
        }
        let full = transformed(fft, values, batch: batch, inverse: inverse, nonzero: nil)
        let pruned = transformed(fft, values, batch: batch, inverse: inverse, nonzero: nonzero)
        let difference = zip(full, pruned).map { abs($0 - $1) }.max() ?? 0
        #expect(difference < 1e-12, "length \(length), nonzero \(nonzero), inverse \(inverse)")
      }
    }
  }

  /// The transform of `values` (the real parts, then the imaginary parts, each length × batch).
  private func transformed(
    _ fft: BatchedFFT, _ values: [Double], batch: Int, inverse: Bool, nonzero: Int?
  ) -> [Double] {
    var values = values
    let count = fft.length * batch
    values.withUnsafeMutableBufferPointer { buffer in
      let data = SplitComplex(real: buffer.baseAddress!, imaginary: buffer.baseAddress! + count)
      fft.transform(data, batch: batch, inverse: inverse, nonzero: nonzero)
    }
    return values
  }
}
