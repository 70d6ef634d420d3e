import Convolution
import LectureKit
import Testing

/// The preconditions of the Convolution chapter. They sit outside the exercise bodies, so they
/// hold on both tracks; each bad call stops the process with a message.
@Suite("Convolution: bad calls stop with a message")
struct ConvolutionContractTests {
  @Test("a kernel larger than the input")
  func kernelTooLarge() async {
    await #expect(processExitsWith: .failure) {
      _ = correlate(Matrix(rows: 2, columns: 2), with: Matrix(rows: 3, columns: 1))
    }
    await #expect(processExitsWith: .failure) {
      _ = convolve(Matrix(rows: 2, columns: 2), with: Matrix(rows: 1, columns: 3))
    }
  }

  @Test("an empty kernel")
  func emptyKernel() async {
    await #expect(processExitsWith: .failure) {
      _ = correlate(Matrix(rows: 2, columns: 2), with: Matrix(rows: 0, columns: 0))
    }
  }

  @Test("ragged rows and a mismatched product in the shared Matrix")
  func matrix() async {
    await #expect(processExitsWith: .failure) { _ = Matrix([[1, 2], [3]]) }
    await #expect(processExitsWith: .failure) {
      _ = Matrix(rows: 2, columns: 3) * Matrix(rows: 2, columns: 3)
    }
  }
}
