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
    // A product of shapes that do not fit: a stop for the reference, a failing result that
    // says so on a student's exercises (see LectureKit's `refusal`).
    if Track.compiled == .exercises {
      #expect((Matrix(rows: 2, columns: 3) * Matrix(rows: 2, columns: 3)).unwritten?.problem != nil)
    } else {
      await #expect(processExitsWith: .failure) {
        _ = Matrix(rows: 2, columns: 3) * Matrix(rows: 2, columns: 3)
      }
    }
  }

  @Test("a kernel larger than the padded input: 2D, 1D, the matrix form")
  func kernelLargerThanPadded() async {
    await #expect(processExitsWith: .failure) {
      _ = correlate(
        Matrix(rows: 2, columns: 2), with: Matrix(rows: 5, columns: 1), padding: .explicit(1))
    }
    await #expect(processExitsWith: .failure) {
      _ = convolve(
        Matrix(rows: 2, columns: 2), with: Matrix(rows: 1, columns: 4),
        padding: .explicit(top: 0, bottom: 0, left: 1, right: 0))
    }
    await #expect(processExitsWith: .failure) { _ = correlate([1, 2], with: [1, 2, 3]) }
    await #expect(processExitsWith: .failure) {
      _ = convolve([1, 2], with: [1, 2, 3, 4, 5], padding: .explicit(1))
    }
    await #expect(processExitsWith: .failure) {
      _ = correlationMatrix(of: Matrix(rows: 3, columns: 3), inputShape: Shape(rows: 2, columns: 2))
    }
    await #expect(processExitsWith: .failure) { _ = outputLength(4, kernel: 7, padding: 1) }
  }

  @Test("a stride below 1", arguments: [0, -1])
  func badStride(_ stride: Int) async {
    await #expect(processExitsWith: .failure) { [stride] in
      _ = correlate(Matrix(rows: 3, columns: 3), with: Matrix(rows: 2, columns: 2), stride: stride)
    }
    await #expect(processExitsWith: .failure) { [stride] in
      _ = convolve([1, 2, 3], with: [1], stride: stride)
    }
    await #expect(processExitsWith: .failure) { [stride] in
      _ = outputLength(5, kernel: 2, stride: stride)
    }
  }

  @Test(
    "negative padding",
    arguments: [Padding.explicit(-1), .explicit(top: 0, bottom: 0, left: 0, right: -2)])
  func negativePadding(_ padding: Padding) async {
    await #expect(processExitsWith: .failure) { [padding] in
      _ = correlate(
        Matrix(rows: 4, columns: 4), with: Matrix(rows: 1, columns: 1), padding: padding)
    }
    await #expect(processExitsWith: .failure) { [padding] in
      _ = correlate([1, 2, 3, 4], with: [1], padding: padding)
    }
  }

  @Test("negative margins for zeroPad and outputLength")
  func negativeMargins() async {
    await #expect(processExitsWith: .failure) {
      _ = zeroPad(Matrix(rows: 2, columns: 2), Margins(top: -1, bottom: 0, left: 0, right: 0))
    }
    await #expect(processExitsWith: .failure) { _ = outputLength(5, kernel: 2, padding: -1) }
  }

  @Test("same and full padding at a stride other than 1", arguments: [Padding.same, .full])
  func sameOrFullWithStride(_ padding: Padding) async {
    await #expect(processExitsWith: .failure) { [padding] in
      _ = correlate(
        Matrix(rows: 4, columns: 4), with: Matrix(rows: 3, columns: 3), stride: 2, padding: padding)
    }
    await #expect(processExitsWith: .failure) { [padding] in
      _ = convolve([1, 2, 3, 4], with: [1, 1], stride: 2, padding: padding)
    }
  }

  @Test("an upstream gradient that is not shaped like the output")
  func badUpstream() async {
    await #expect(processExitsWith: .failure) {
      _ = correlationInputGradient(
        Matrix(rows: 3, columns: 3), kernel: Matrix(rows: 2, columns: 2),
        inputShape: Shape(rows: 3, columns: 3))
    }
    await #expect(processExitsWith: .failure) {
      _ = correlationKernelGradient(
        Matrix(rows: 2, columns: 1), input: Matrix(rows: 3, columns: 3),
        kernelShape: Shape(rows: 2, columns: 2))
    }
  }

  @Test("FFT convolution of an empty input; circular convolution of different lengths")
  func fftMisuse() async {
    await #expect(processExitsWith: .failure) { _ = fftConvolve([], with: [1]) }
    await #expect(processExitsWith: .failure) {
      _ = fftConvolve(Matrix(rows: 0, columns: 0), with: Matrix(rows: 1, columns: 1))
    }
    await #expect(processExitsWith: .failure) { _ = circularConvolution([1, 2, 3], [1, 2]) }
    await #expect(processExitsWith: .failure) {
      _ = circularConvolution(Matrix(rows: 2, columns: 2), Matrix(rows: 2, columns: 3))
    }
  }
}

/// The padding rule is given code (Padding.swift): checked here, on both tracks.
@Suite("Convolution: the margins of each padding")
struct PaddingMarginsTests {
  @Test(
    "same splits k - 1 zeros as scipy: (k - 1) / 2 before for correlation, k / 2 for convolution")
  func same() {
    let even = Shape(rows: 4, columns: 2)
    #expect(
      Padding.same.margins(forKernel: even) == Margins(top: 1, bottom: 2, left: 0, right: 1))
    #expect(
      Padding.same.margins(forKernel: even, flipped: true)
        == Margins(top: 2, bottom: 1, left: 1, right: 0))
    let odd = Shape(rows: 3, columns: 5)
    #expect(Padding.same.margins(forKernel: odd) == Margins(top: 1, bottom: 1, left: 2, right: 2))
    #expect(
      Padding.same.margins(forKernel: odd, flipped: true)
        == Margins(top: 1, bottom: 1, left: 2, right: 2))
  }

  @Test("valid adds nothing, full k - 1 on every side, explicit what it says")
  func others() {
    let kernel = Shape(rows: 2, columns: 3)
    #expect(Padding.valid.margins(forKernel: kernel) == .zero)
    #expect(
      Padding.full.margins(forKernel: kernel) == Margins(top: 1, bottom: 1, left: 2, right: 2))
    #expect(
      Padding.explicit(2).margins(forKernel: kernel)
        == Margins(top: 2, bottom: 2, left: 2, right: 2))
    #expect(
      Padding.explicit(top: 1, bottom: 2, left: 3, right: 4).margins(
        forKernel: kernel, flipped: true)
        == Margins(top: 1, bottom: 2, left: 3, right: 4))
    #expect(
      Margins(top: 1, bottom: 2, left: 3, right: 4).padded(Shape(rows: 5, columns: 6))
        == Shape(rows: 8, columns: 13))
  }
}
