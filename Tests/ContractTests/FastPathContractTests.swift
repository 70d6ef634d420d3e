import Convolution
import FastConvolution
import LectureKit
import Testing

/// The preconditions of the fast paths: the same as the plain loop's, and the FFT's sizes.
@Suite("Fast paths: bad calls stop with a message")
struct FastPathContractTests {
  @Test("the fast loop and the FFT take the plain loop's preconditions")
  func slidingWindow() async {
    await #expect(processExitsWith: .failure) {
      _ = fastCorrelate(Matrix(rows: 2, columns: 2), with: Matrix(rows: 3, columns: 1))
    }
    await #expect(processExitsWith: .failure) {
      _ = fftCorrelate(Matrix(rows: 2, columns: 2), with: Matrix(rows: 1, columns: 3))
    }
    await #expect(processExitsWith: .failure) {
      _ = fastCorrelate(Matrix(rows: 3, columns: 3), with: [[1]], stride: 0)
    }
    await #expect(processExitsWith: .failure) {
      _ = fftCorrelate(Matrix(rows: 3, columns: 3), with: [[1]], stride: 2, padding: .same)
    }
    await #expect(processExitsWith: .failure) {
      _ = fftCorrelationSize(
        input: Shape(rows: 2, columns: 2), kernel: Shape(rows: 0, columns: 0))
    }
  }

  @Test("the real 2D FFT takes even rows and factors 2, 3 and 5 only, and inputs that fit")
  func realFFT() async {
    await #expect(processExitsWith: .failure) { _ = RealFFT2D(rows: 3, columns: 4) }
    await #expect(processExitsWith: .failure) { _ = RealFFT2D(rows: 14, columns: 4) }
    await #expect(processExitsWith: .failure) { _ = RealFFT2D(rows: 4, columns: 0) }
    await #expect(processExitsWith: .failure) {
      _ = RealFFT2D(rows: 4, columns: 4).circularCorrelation(
        of: Matrix(rows: 5, columns: 1), with: [[1]], firstRow: 0, firstColumn: 0, stride: 1,
        outputRows: 1, outputColumns: 1)
    }
  }
}
