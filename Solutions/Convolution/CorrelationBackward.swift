import LectureKit

/// The gradient of a loss ℓ with respect to the input of `correlate(x, with: w, stride: s,
/// padding: padding)`, given the gradient `upstream` = ∂ℓ/∂y with respect to its output.
///
/// ```
/// y[i, j] = Σ_k Σ_l w[k, l] · x̃[i·s + k, j·s + l]
/// ∂ℓ/∂x̃[a, b] = Σ_i Σ_j Σ_k Σ_l upstream[i, j] · w[k, l] · [a = i·s + k] · [b = j·s + l]
/// ∂ℓ/∂x[p, q] = ∂ℓ/∂x̃[p + top, q + left]
/// ```
/// Each output sends its gradient back to the pixels its window covered, weighted by the kernel
/// entry that lay on each; the padding's zeros are not inputs, so their share is dropped. At
/// stride 1 with valid padding this is the full convolution of the upstream gradient with the
/// kernel: ∂ℓ/∂x = convolve(upstream, with: w, padding: .full). In matrix form it is Mᵀ times the
/// flattened upstream gradient (``correlationMatrix(of:inputShape:stride:padding:)``).
///
/// Lecture: `004`, section 3 (backpropagation: δ carried back through the transposed weights)
/// and section 5.1 (convolution as a matrix).
/// - Precondition: as for ``correlate(_:with:stride:padding:)``, and `upstream` has the shape of
///   the correlation's output.
/// - Complexity: O(padded input entries + upstream entries · kh · kw).
public func correlationInputGradient(
  _ upstream: Matrix, kernel: Matrix, inputShape: Shape, stride: Int = 1,
  padding: Padding = .valid
) -> Matrix {
  if let mark = firstUnwritten(upstream, kernel) { return .placeholder(mark) }
  let margins = padding.margins(forKernel: kernel.shape)
  checkUpstream(upstream, input: inputShape, kernel: kernel.shape, stride, padding, margins)
  // BEGIN EXERCISE correlationInputGradient
  var paddedGradient = Matrix(
    rows: margins.top + inputShape.rows + margins.bottom,
    columns: margins.left + inputShape.columns + margins.right)
  for i in 0..<upstream.rows {
    for j in 0..<upstream.columns {
      for k in 0..<kernel.rows {
        for l in 0..<kernel.columns {
          paddedGradient[i * stride + k, j * stride + l] += upstream[i, j] * kernel[k, l]
        }
      }
    }
  }
  var gradient = Matrix(rows: inputShape.rows, columns: inputShape.columns)
  for p in 0..<inputShape.rows {
    for q in 0..<inputShape.columns {
      gradient[p, q] = paddedGradient[p + margins.top, q + margins.left]
    }
  }
  return gradient
  // END EXERCISE
}

/// The gradient of a loss ℓ with respect to the kernel of `correlate(x, with: w, stride: s,
/// padding: padding)`, given the gradient `upstream` = ∂ℓ/∂y with respect to its output.
///
/// ```
/// ∂ℓ/∂w[k, l] = Σ_i Σ_j upstream[i, j] · x̃[i·s + k, j·s + l]
/// ```
/// The kernel is shared by every window (weight sharing), so its gradient is the sum over the
/// windows of the upstream gradient times the pixels the entry lay on. At stride 1 this is the
/// valid correlation of the padded input with the upstream gradient:
/// ∂ℓ/∂w = correlate(x̃, with: upstream).
///
/// Lecture: `004`, section 3 (∂ℓ/∂W = a δᵀ) and section 5 (weight sharing); `000`, "weight
/// sharing": the gradient of a shared weight is the sum of the gradients of its copies.
/// - Precondition: as for ``correlate(_:with:stride:padding:)``, and `upstream` has the shape of
///   the correlation's output.
/// - Complexity: O(padded input entries + upstream entries · kh · kw).
public func correlationKernelGradient(
  _ upstream: Matrix, input: Matrix, kernelShape: Shape, stride: Int = 1,
  padding: Padding = .valid
) -> Matrix {
  if let mark = firstUnwritten(upstream, input) { return .placeholder(mark) }
  let margins = padding.margins(forKernel: kernelShape)
  checkUpstream(upstream, input: input.shape, kernel: kernelShape, stride, padding, margins)
  let x = paddedInput(input, margins)
  if let mark = firstUnwritten(x) { return .placeholder(mark) }
  // BEGIN EXERCISE correlationKernelGradient
  var gradient = Matrix(rows: kernelShape.rows, columns: kernelShape.columns)
  for k in 0..<kernelShape.rows {
    for l in 0..<kernelShape.columns {
      var sum = 0.0
      for i in 0..<upstream.rows {
        for j in 0..<upstream.columns {
          sum += upstream[i, j] * x[i * stride + k, j * stride + l]
        }
      }
      gradient[k, l] = sum
    }
  }
  return gradient
  // END EXERCISE
}

/// The preconditions of the backward pass: those of the forward pass, and an upstream gradient
/// shaped like its output.
private func checkUpstream(
  _ upstream: Matrix, input: Shape, kernel: Shape, _ stride: Int, _ padding: Padding,
  _ margins: Margins
) {
  checkWindow(input: input, kernel: kernel, stride: stride, padding: padding)
  let output = windowOutputShape(input: input, kernel: kernel, stride: stride, margins: margins)
  precondition(
    upstream.shape == output,
    "the upstream gradient is \(upstream.shape), but the correlation of a \(input) input with a "
      + "\(kernel) kernel (stride \(stride), padding \(padding)) has a \(output) output")
}
