import Convolution
import LectureKit

/// The gradient of a loss ℓ with respect to the input maps of ``convLayerForward(_:_:)``, given
/// `upstream`, the gradients ∂ℓ/∂y_o with respect to its output maps.
///
/// ```
/// y_o = b_o + Σ_c correlate(x_c, with: w_oc)
/// ∂ℓ/∂x_c = Σ_o correlationInputGradient(∂ℓ/∂y_o, kernel: w_oc)
/// ```
/// Input map c fed every output map, through kernel c of each filter, so its gradient collects
/// a share from every output map: the backward pass of one correlation, summed over the filters.
/// It is what a layer below this one needs to carry on the backward pass.
///
/// Lecture: `004`, section 3 (δ is carried back through the weights and summed over the units
/// it fed) and section 5.2.
/// - Parameter inputShape: the shape of every input map.
/// - Returns: C_in maps of `inputShape`, one per input map.
/// - Precondition: one upstream map per filter, all of one shape: the shape of the forward
///   pass's output maps.
/// - Complexity: O(C_out · C_in · (h̃ · w̃ + h' · w' · kh · kw)) for input maps padded to
///   h̃ × w̃, upstream maps of h' × w' and kh × kw kernels.
public func convLayerInputGradient(
  _ upstream: [Matrix], _ layer: ConvLayer, inputShape: Shape
) -> [Matrix] {
  if let mark = firstUnwritten(upstream, layer) {
    return .placeholder(mark, count: layer.inputChannels)
  }
  if let mark = refusal(mapsProblem(upstream, count: layer.outputChannels, "upstream")) {
    return .placeholder(mark, count: layer.inputChannels)
  }
  // BEGIN EXERCISE convLayerInputGradient stub: return .unwritten("convLayerInputGradient", in: #filePath, count: layer.inputChannels)
  var gradient: [Matrix] = []
  for c in 0..<layer.inputChannels {
    var sum = Matrix(rows: inputShape.rows, columns: inputShape.columns)
    for o in 0..<layer.outputChannels {
      sum += correlationInputGradient(
        upstream[o], kernel: layer.filters[o][c], inputShape: inputShape, stride: layer.stride,
        padding: layer.padding)
    }
    gradient.append(sum)
  }
  return gradient
  // END EXERCISE
}

/// The gradient of a loss ℓ with respect to the filters and biases of
/// ``convLayerForward(_:_:)``, given `upstream`, the gradients ∂ℓ/∂y_o with respect to its
/// output maps.
///
/// ```
/// ∂ℓ/∂w_oc = correlationKernelGradient(∂ℓ/∂y_o, input: x_c)
///          = Σ_i Σ_j ∂ℓ/∂y_o[i, j] · x̃_c[i·s + k, j·s + l]     at entry (k, l)
/// ∂ℓ/∂b_o  = Σ_i Σ_j ∂ℓ/∂y_o[i, j]
/// ```
/// Kernel c of filter o only ever meets input map c and only ever feeds output map o; it is
/// shared by every position of that map, so its gradient sums over the positions (weight
/// sharing). The bias is added at every position of output map o: its gradient is the sum of
/// that map's upstream gradient.
///
/// Lecture: `004`, section 3 (∂ℓ/∂W = a δᵀ, ∂ℓ/∂b = δ) and section 5 (weight sharing); `000`,
/// the gradient of a shared weight is the sum of the gradients of its copies.
/// - Returns: a gradient laid out as the layer: a matrix per kernel, a number per bias.
/// - Precondition: as many input maps as the filters have kernels, all of one shape; one
///   upstream map per filter, all of one shape.
/// - Complexity: O(C_out · C_in · (h̃ · w̃ + h' · w' · kh · kw)) for input maps padded to
///   h̃ × w̃, upstream maps of h' × w' and kh × kw kernels.
public func convLayerParameterGradient(
  _ upstream: [Matrix], input: [Matrix], _ layer: ConvLayer
) -> ConvLayerGradient {
  if let mark = firstUnwritten(upstream, input, layer)
    ?? refusal(
      mapsProblem(upstream, count: layer.outputChannels, "upstream")
        ?? mapsProblem(input, count: layer.inputChannels, "input"))
  {
    return .placeholder(mark)
  }
  // BEGIN EXERCISE convLayerParameterGradient
  var filters: [[Matrix]] = []
  var biases: [Double] = []
  for o in 0..<layer.outputChannels {
    var kernels: [Matrix] = []
    for c in 0..<layer.inputChannels {
      kernels.append(
        correlationKernelGradient(
          upstream[o], input: input[c], kernelShape: layer.kernelShape, stride: layer.stride,
          padding: layer.padding))
    }
    filters.append(kernels)
    biases.append(upstream[o].sum())
  }
  return ConvLayerGradient(filters: filters, biases: biases)
  // END EXERCISE
}
