import LectureKit

/// The trainable parameters of a layer that takes an input of shape `input`.
///
/// ```
/// convolution   Σ_o (C_o · k · k + 1)   C_o: the input maps filter o reads (all C_in of
///                                       them unless the connections are partial)
/// max pool      0
/// subsampling   2 · C_in                a coefficient and a bias per map
/// dense         (C_in · h · w + 1) · units
/// fixed RBF     0
/// ```
/// A convolution layer's count does not depend on the size of its input maps, a dense
/// layer's grows with it: that is the lecture's "Dense vs conv layers". So a 28 × 28 image
/// and 3 filters of 5 × 5 need 3 · (25 + 1) = 78 parameters, a dense layer to the same
/// 3 · 24 · 24 units (784 + 1) · 1728 = 1,356,480.
///
/// Lecture: `002`, "How many parameters?" and "Dense vs conv layers"; `004`, section 5 (one
/// shared set of weights per feature map) [E4.4].
/// - Precondition: the layer fits the input (``NetworkLayer/fits(_:)``).
/// - Complexity: O(filters) for a convolution; O(1) for the other layers.
public func layerParameterCount(_ layer: NetworkLayer, input: VolumeShape) -> Int {
  precondition(layer.fits(input), "a \(layer) layer cannot take a \(input) input")
  // BEGIN EXERCISE layerParameterCount
  switch layer {
  case .convolution(let filters, let k, _, _, let inputMapsPerFilter):
    let maps = inputMapsPerFilter ?? Array(repeating: input.channels, count: filters)
    var count = 0
    for mapsOfFilter in maps { count += mapsOfFilter * k * k + 1 }
    return count
  case .maxPool, .fixedRBF:
    return 0
  case .subsampling:
    return 2 * input.channels
  case .dense(let units):
    return (input.count + 1) * units
  }
  // END EXERCISE
}

/// The parameters of each layer, from the first to the last, each layer taking the shape
/// the one before gives (``outputShapes(of:input:)``). The list stops where the shapes do.
///
/// - Complexity: O(n + f) for n layers with f filters in all.
public func parameterCounts(of layers: [NetworkLayer], input: VolumeShape) -> [Int] {
  let inputs = [input] + outputShapes(of: layers, input: input).dropLast()
  var counts: [Int] = []
  for (layer, shape) in zip(layers, inputs) {
    guard layer.fits(shape) else { break }
    counts.append(layerParameterCount(layer, input: shape))
  }
  return counts
}
