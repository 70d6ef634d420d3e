import Convolution
import LectureKit

/// A convolution layer with several input and several output maps: `C_out` filters, each a
/// stack of `C_in` kernels of one shape (one kernel per input map), and a bias per filter.
///
/// ```
/// filters[o][c]   the kh × kw kernel that filter o lays on input map c     (C_out × C_in kernels)
/// biases[o]       the bias of filter o                                      (C_out numbers)
/// ```
/// A filter is C_in × kh × kw: a first-level filter on a grey image has C_in = 1; a filter of
/// the second level scans all the maps of the first level at once. The layer has
/// C_out · (C_in · kh · kw + 1) parameters, however large its input.
///
/// Lecture: `001`, "Deep Convolutional Neural Network" (the second-level neurons "are jointly
/// scanning multiple pictures"); `004`, section 5.2 (several feature maps in one layer).
/// - Precondition: at least one filter; every filter has a kernel per input map, at least one;
///   all kernels have one shape with at least one entry; one bias per filter; `stride >= 1`.
public struct ConvLayer: Sendable, Equatable, Placeholding {
  /// `filters[o][c]`: the kernel filter o lays on input map c.
  public let filters: [[Matrix]]
  /// `biases[o]`: the bias of filter o.
  public let biases: [Double]
  /// How far each filter moves between two outputs.
  public let stride: Int
  /// The zeros around every input map.
  public let padding: Padding

  /// A layer from its filters, their biases, the stride and the padding.
  ///
  /// - Complexity: O(C_out · C_in): every kernel's shape is checked.
  public init(filters: [[Matrix]], biases: [Double], stride: Int = 1, padding: Padding = .valid) {
    if !filters.joined().contains(where: \.isPlaceholder) {
      checkLayer(filters: filters, biases: biases, stride: stride)
    }
    self.filters = filters
    self.biases = biases
    self.stride = stride
    self.padding = padding
  }

  /// A layer of `outputChannels` filters with kernels drawn from a normal distribution of
  /// standard deviation sqrt(2 / (C_in · k · k)) (He initialization) and zero biases.
  ///
  /// - Complexity: O(C_out · C_in · k · k) draws.
  public static func random(
    inputChannels: Int, outputChannels: Int, kernel k: Int, stride: Int = 1,
    padding: Padding = .valid, using generator: inout some RandomNumberGenerator
  ) -> ConvLayer {
    precondition(
      inputChannels >= 1 && outputChannels >= 1 && k >= 1,
      "a layer needs at least one input map, one filter and a kernel of size 1, not "
        + "\(inputChannels) input maps, \(outputChannels) filters, kernel \(k)")
    let deviation = (2 / Double(inputChannels * k * k)).squareRoot()
    let filters = (0..<outputChannels).map { _ in
      (0..<inputChannels).map { _ in
        Matrix.gaussian(rows: k, columns: k, standardDeviation: deviation, using: &generator)
      }
    }
    return ConvLayer(
      filters: filters, biases: Array(repeating: 0, count: outputChannels), stride: stride,
      padding: padding)
  }

  public static func placeholder(_ mark: Unwritten) -> ConvLayer {
    ConvLayer(filters: [[.placeholder(mark)]], biases: [.nan])
  }

  /// C_in: the maps each filter reads.
  public var inputChannels: Int { filters[0].count }
  /// C_out: the filters, one output map each.
  public var outputChannels: Int { filters.count }
  /// The shape of every kernel.
  public var kernelShape: Shape { filters[0][0].shape }
}

/// The gradient of a loss with respect to the parameters of a ``ConvLayer``: one matrix per
/// kernel and one number per bias, laid out as the layer's own.
public struct ConvLayerGradient: Sendable, Equatable, Placeholding {
  /// `filters[o][c]` = ∂ℓ/∂(kernel c of filter o).
  public let filters: [[Matrix]]
  /// `biases[o]` = ∂ℓ/∂b_o.
  public let biases: [Double]

  public init(filters: [[Matrix]], biases: [Double]) {
    self.filters = filters
    self.biases = biases
  }

  public static func placeholder(_ mark: Unwritten) -> ConvLayerGradient {
    ConvLayerGradient(filters: [[.placeholder(mark)]], biases: [.nan])
  }
}

private func checkLayer(filters: [[Matrix]], biases: [Double], stride: Int) {
  precondition(!filters.isEmpty, "a convolution layer needs at least one filter")
  let channels = filters[0].count
  precondition(channels >= 1, "a filter needs a kernel for at least one input map")
  let shape = filters[0][0].shape
  precondition(
    shape.rows >= 1 && shape.columns >= 1, "a kernel needs at least one entry, but is \(shape)")
  for (o, filter) in filters.enumerated() {
    precondition(
      filter.count == channels,
      "filter \(o) has \(filter.count) kernels, but filter 0 has \(channels): every filter "
        + "needs one kernel per input map")
    for (c, kernel) in filter.enumerated() {
      precondition(
        kernel.shape == shape,
        "kernel \(c) of filter \(o) is \(kernel.shape), but the layer's kernels are \(shape)")
    }
  }
  precondition(
    biases.count == filters.count,
    "\(filters.count) filters need \(filters.count) biases, not \(biases.count)")
  precondition(stride >= 1, "the stride must be at least 1, but is \(stride)")
}
