import Convolution
import LectureKit

/// The forward pass of a convolution layer with several input maps: output map o is the sum,
/// over all input maps, of the cross-correlation of input map c with kernel c of filter o,
/// plus the filter's bias.
///
/// ```
/// y_o[i, j] = b_o + Σ_c Σ_k Σ_l w_oc[k, l] · x̃_c[i·s + k, j·s + l]
///           = b_o + Σ_c correlate(x_c, with: w_oc, stride: s, padding: p)[i, j]
/// ```
/// Every output location looks at the same place in every input map: the second-level neuron
/// "considers the corresponding locations from the outputs of all the first-level neurons".
/// With one input map and one filter it is ``correlate(_:with:stride:padding:)`` plus a bias.
///
/// Lecture: `001`, "Deep Convolutional Neural Network XX" (jointly scanning multiple pictures);
/// `004`, section 5.2, and section 5, f(Σ_ij w_ij x_(i+p, j+q) + b).
/// - Parameter input: the C_in input maps, all of one shape.
/// - Returns: C_out maps, one per filter.
/// - Precondition: as many input maps as the layer's filters have kernels, all of one shape,
///   and the kernels fit inside the padded maps.
/// - Complexity: O(C_out · C_in · (h̃ · w̃ + h' · w' · kh · kw)) for input maps padded to
///   h̃ × w̃, output maps of h' × w' and kh × kw kernels.
public func convLayerForward(_ input: [Matrix], _ layer: ConvLayer) -> [Matrix] {
  if let mark = firstUnwritten(input, layer) {
    return .placeholder(mark, count: layer.outputChannels)
  }
  if let mark = refusal(mapsProblem(input, count: layer.inputChannels, "input")) {
    return .placeholder(mark, count: layer.outputChannels)
  }
  // BEGIN EXERCISE convLayerForward stub: return .unwritten("convLayerForward", in: #filePath, count: layer.outputChannels)
  var output: [Matrix] = []
  for o in 0..<layer.outputChannels {
    var y = correlate(
      input[0], with: layer.filters[o][0], stride: layer.stride, padding: layer.padding)
    for c in 1..<layer.inputChannels {
      y += correlate(
        input[c], with: layer.filters[o][c], stride: layer.stride, padding: layer.padding)
    }
    output.append(y.map { $0 + layer.biases[o] })
  }
  return output
  // END EXERCISE
}

/// What is wrong with `maps`, unless they are `count` maps of one shape with at least one
/// entry: the rule of every function that takes maps.
func mapsProblem(_ maps: [Matrix], count: Int, _ role: String) -> String? {
  guard maps.count == count, count >= 1 else {
    return "the layer expects \(count) \(role) maps, but there are \(maps.count)"
  }
  let shape = maps[0].shape
  guard shape.rows >= 1 && shape.columns >= 1 else {
    return "the \(role) maps need an entry, but are \(shape)"
  }
  for (c, map) in maps.enumerated() where map.shape != shape {
    return "\(role) map \(c) is \(map.shape), but \(role) map 0 is \(shape)"
  }
  return nil
}
