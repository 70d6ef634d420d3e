#if PROBE_Convolution
  import Convolution
  import LectureKit

  /// Convolution (lecture `000`, "Fundamental concepts of convolution": discrete convolution,
  /// cross-correlation, stride and padding; `002`, padding, stride and the ReLU map; `004`,
  /// section 5.1, convolution as a matrix and through the FFT). Kernels and inputs are not
  /// square and kernels are not symmetric, so that a flip of one axis, a transpose or one
  /// axis's size used for the other shows; strides are 2 or 3 with padding that differs per
  /// side, and `same` padding comes with even kernels, where correlation and convolution put
  /// the extra zero on opposite sides.
  let convolutionProbes: [Probe] = [
    Probe("outputLength") { inputs in
      // Spans that the stride divides and spans it does not, with and without padding: the
      // + 1, both sides of the padding and the rounding down each show in one of them.
      var lengths: [Int] = []
      for (remainder, padding) in [(0, 1...2), (-1, 1...2), (0, 0...0), (-1, 0...0)] {
        let s = inputs.int(2...3)
        let p = inputs.int(padding)
        let k = inputs.int(1...5)
        let windows = inputs.int(1...6)
        // n + 2p - k = (windows - 1) · s + r, with r = 0 or s - 1.
        let r = remainder == 0 ? 0 : s - 1
        var n = k - 2 * p + (windows - 1) * s + r
        while n < 1 { n += s }
        lengths.append(outputLength(n, kernel: k, stride: s, padding: p))
        lengths += [n, k, s, p]
      }
      // Stride 1 with padding: each padded cell is one more position, on each side.
      let p = inputs.int(1...2)
      let k1 = inputs.int(1...5)
      let n1 = max(1, k1 - 2 * p) + inputs.int(0...6)
      lengths.append(outputLength(n1, kernel: k1, stride: 1, padding: p))
      lengths += [n1, k1, p]
      let n = inputs.int(3...20)
      let k = inputs.int(1...3)
      lengths.append(outputLength(n, kernel: k))
      return numbers(lengths)
    },
    Probe("rotate180") { inputs in
      let rows = inputs.int(2...4)
      let kernel = inputs.matrix(rows, rows + inputs.int(1...2))
      let square = inputs.int(2...3)
      return numbers(rotate180(kernel), rotate180(inputs.matrix(square, square)))
    },
    Probe("zeroPad") { inputs in
      let input = inputs.matrix(inputs.int(2...3), inputs.int(4...5))
      // Four different margins: each must go on its own side.
      let margins = Margins(
        top: inputs.int(1...2), bottom: inputs.int(0...3), left: inputs.int(3...4),
        right: inputs.int(0...2))
      let other = Margins(
        top: inputs.int(2...3), bottom: 0, left: inputs.int(0...1), right: inputs.int(1...2))
      return numbers(zeroPad(input, margins), zeroPad(input, other), zeroPad(input, .zero))
    },
    Probe("correlate2D") { inputs in
      let (input, kernel, stride, padding) = stridedCase(&inputs)
      let even = inputs.matrix(2, inputs.pick([3, 4]))
      let image = inputs.matrix(inputs.int(4...5), inputs.int(5...6))
      return numbers(
        correlate(input, with: kernel, stride: stride, padding: padding),
        correlate(input, with: kernel, stride: stride),
        correlate(image, with: even, padding: .same),
        correlate(image, with: kernel, padding: .full))
    },
    Probe("convolve2D") { inputs in
      let (input, kernel, stride, padding) = stridedCase(&inputs)
      let even = inputs.matrix(2, inputs.pick([3, 4]))
      let image = inputs.matrix(inputs.int(4...5), inputs.int(5...6))
      return numbers(
        convolve(input, with: kernel, stride: stride, padding: padding),
        convolve(input, with: kernel, stride: stride),
        convolve(image, with: even, padding: .same),
        convolve(image, with: kernel, padding: .full))
    },
    Probe("correlate1D") { inputs in
      let (x, w, stride, padding) = sequenceCase(&inputs)
      let even = (0..<inputs.pick([2, 4])).map { _ in inputs.double(-1...1) }
      return numbers(
        correlate(x, with: w, stride: stride, padding: padding),
        correlate(x, with: w, stride: stride),
        correlate(x, with: even, padding: .same),
        correlate(x, with: w, padding: .full))
    },
    Probe("convolve1D") { inputs in
      let (x, w, stride, padding) = sequenceCase(&inputs)
      let even = (0..<inputs.pick([2, 4])).map { _ in inputs.double(-1...1) }
      return numbers(
        convolve(x, with: w, stride: stride, padding: padding),
        convolve(x, with: w, stride: stride),
        convolve(x, with: even, padding: .same),
        convolve(x, with: w, padding: .full))
    },
    Probe("fftConvolve1D") { inputs in
      let x = (0..<inputs.int(3...7)).map { _ in inputs.double(-1...1) }
      let w = (0..<inputs.int(2...5)).map { _ in inputs.double(-1...1) }
      let short = (0..<inputs.int(1...2)).map { _ in inputs.double(-1...1) }
      return numbers(fftConvolve(x, with: w), fftConvolve(w, with: x), fftConvolve(short, with: w))
    },
    Probe("fftConvolve2D") { inputs in
      let rows = inputs.int(3...4)
      let input = inputs.matrix(rows, rows + inputs.int(1...2))
      let kernelRows = inputs.int(2...3)
      let kernel = inputs.matrix(kernelRows, kernelRows + 1)
      let tall = inputs.matrix(3, 2)
      return numbers(fftConvolve(input, with: kernel), fftConvolve(input, with: tall))
    },
    Probe("correlationMatrix") { inputs in
      let (input, kernel, stride, padding) = stridedCase(&inputs)
      let even = inputs.matrix(2, inputs.pick([3, 4]))
      let shape = Shape(rows: inputs.int(3...4), columns: inputs.int(4...5))
      return numbers(
        correlationMatrix(of: kernel, inputShape: input.shape, stride: stride, padding: padding),
        correlationMatrix(of: kernel, inputShape: input.shape, stride: stride),
        correlationMatrix(of: even, inputShape: shape, padding: .same))
    },
    Probe("relu") { inputs in
      // Whole numbers give exact zeros and ones.
      numbers(relu(inputs.wholeMatrix(3, 5)), relu(inputs.matrix(4, 3, in: -3...3)))
    },
    Probe("correlationInputGradient") { inputs in
      let (input, kernel, stride, padding) = stridedCase(&inputs)
      let even = inputs.matrix(2, inputs.pick([3, 4]))
      let shape = Shape(rows: inputs.int(3...4), columns: inputs.int(4...5))
      var results: [Matrix] = []
      for (kernel, shape, stride, padding) in [
        (kernel, input.shape, stride, padding), (kernel, input.shape, 1, Padding.valid),
        (even, shape, 1, .same), (kernel, shape, 1, .full),
      ] {
        let output = outputShape(shape, kernel.shape, stride, padding)
        let upstream = inputs.matrix(output.rows, output.columns)
        results.append(
          correlationInputGradient(
            upstream, kernel: kernel, inputShape: shape, stride: stride, padding: padding))
      }
      return numbers(results)
    },
    Probe("correlationKernelGradient") { inputs in
      let (input, kernel, stride, padding) = stridedCase(&inputs)
      let even = inputs.matrix(2, inputs.pick([3, 4]))
      let image = inputs.matrix(inputs.int(3...4), inputs.int(4...5))
      var results: [Matrix] = []
      for (input, kernel, stride, padding) in [
        (input, kernel.shape, stride, padding), (input, kernel.shape, 1, Padding.valid),
        (image, even.shape, 1, .same), (image, kernel.shape, 1, .full),
      ] {
        let output = outputShape(input.shape, kernel, stride, padding)
        let upstream = inputs.matrix(output.rows, output.columns)
        results.append(
          correlationKernelGradient(
            upstream, input: input, kernelShape: kernel, stride: stride, padding: padding))
      }
      return numbers(results)
    },
  ]

  /// A random non-square input and a non-square kernel (columns one more than rows, so that
  /// windows overlap at stride 2), a stride of 2 or 3, and explicit padding with a margin of its
  /// own on each side.
  private func stridedCase(_ inputs: inout ProbeInputs) -> (
    input: Matrix, kernel: Matrix, stride: Int, padding: Padding
  ) {
    let rows = inputs.int(4...6)
    let input = inputs.matrix(rows, rows + inputs.int(1...2))
    let kernelRows = inputs.int(2...3)
    let kernel = inputs.matrix(kernelRows, kernelRows + 1)
    let stride = inputs.int(2...3)
    let padding = Padding.explicit(
      top: inputs.int(1...2), bottom: inputs.int(0...1), left: inputs.int(0...1),
      right: inputs.int(1...2))
    return (input, kernel, stride, padding)
  }

  /// A random sequence and an odd kernel, a stride of 2 or 3, and padding with a different
  /// number of zeros before and after.
  private func sequenceCase(_ inputs: inout ProbeInputs) -> (
    x: [Double], w: [Double], stride: Int, padding: Padding
  ) {
    let x = (0..<inputs.int(7...10)).map { _ in inputs.double(-1...1) }
    let w = (0..<inputs.pick([3, 5])).map { _ in inputs.double(-1...1) }
    let stride = inputs.int(2...3)
    let before = inputs.int(0...2)
    let padding = Padding.explicit(top: 0, bottom: 0, left: before, right: before + 1)
    return (x, w, stride, padding)
  }

  /// The shape of the correlation's output (LectureKit's count, not the chapter's).
  private func outputShape(_ input: Shape, _ kernel: Shape, _ stride: Int, _ padding: Padding)
    -> Shape
  {
    windowOutputShape(
      input: input, kernel: kernel, stride: stride,
      margins: padding.margins(forKernel: kernel))
  }
#endif
