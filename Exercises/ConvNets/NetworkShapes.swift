import Convolution
import LectureKit
import Pooling

/// The shape of what flows between two layers: `channels` maps of `rows` × `columns` (a fully
/// connected layer's units count as that many maps of 1 × 1).
public struct VolumeShape: Sendable, Equatable, CustomStringConvertible, Placeholding {
  public let channels: Int
  public let rows: Int
  public let columns: Int
  /// Set when this shape stands for the result of an unwritten exercise.
  public let unwritten: Unwritten?

  public init(channels: Int, rows: Int, columns: Int) {
    self.channels = channels
    self.rows = rows
    self.columns = columns
    self.unwritten = nil
  }

  private init(mark: Unwritten) {
    (channels, rows, columns, unwritten) = (0, 0, 0, mark)
  }

  /// No sizes, and the mark: it equals no shape.
  public static func placeholder(_ mark: Unwritten) -> VolumeShape { VolumeShape(mark: mark) }

  /// The number of units: channels · rows · columns.
  public var count: Int { channels * rows * columns }

  /// Whether every size is at least 1 (a placeholder's are not).
  public var isValid: Bool { unwritten == nil && min(channels, rows, columns) >= 1 }

  /// "6 x 28 x 28".
  public var description: String {
    unwritten.map { "(placeholder: \($0))" } ?? "\(channels) x \(rows) x \(columns)"
  }

  public static func == (lhs: VolumeShape, rhs: VolumeShape) -> Bool {
    lhs.unwritten == nil && rhs.unwritten == nil && lhs.channels == rhs.channels
      && lhs.rows == rhs.rows && lhs.columns == rhs.columns
  }
}

/// One layer of a network, as far as shapes and parameters go.
public enum NetworkLayer: Sendable, Equatable, CustomStringConvertible {
  /// `filters` output maps from `kernel` × `kernel` kernels. Each filter reads every input
  /// map, or, when `inputMapsPerFilter` is given, filter o reads that many of them (LeNet-5's
  /// C3 connects each of its maps to 3, 4 or 6 of the 6 maps below).
  case convolution(
    filters: Int, kernel: Int, stride: Int = 1, padding: Int = 0, inputMapsPerFilter: [Int]? = nil)
  /// Max pooling of every map by the same windows; no parameters.
  case maxPool(PoolWindow)
  /// LeNet-5's subsampling: every window's average, times a trainable coefficient, plus a
  /// trainable bias, one coefficient and one bias per map.
  case subsampling(PoolWindow)
  /// `units` units connected to every unit of the input volume, each with a bias.
  case dense(units: Int)
  /// LeNet-5's output layer: one Euclidean radial basis function unit per class, its
  /// parameters fixed by hand, not trained.
  case fixedRBF(units: Int)

  public var description: String {
    switch self {
    case .convolution(let filters, let k, let s, let p, let maps):
      let partial = maps.map { " reading \($0.reduce(0, +)) maps in all" } ?? ""
      return "conv \(filters) x \(k)x\(k), stride \(s), padding \(p)\(partial)"
    case .maxPool(let window): return "max pool \(window.rows.size)x\(window.columns.size)"
    case .subsampling(let window):
      return "subsampling \(window.rows.size)x\(window.columns.size)"
    case .dense(let units): return "dense \(units)"
    case .fixedRBF(let units): return "fixed RBF \(units)"
    }
  }

  /// Whether the layer can take an input of `shape`: the shape is valid, the kernel or the
  /// window fits inside the padded input, and with partial connections every filter reads
  /// between one and all of the input maps.
  ///
  /// - Complexity: O(filters) for a partially connected convolution; O(1) for the others.
  public func fits(_ shape: VolumeShape) -> Bool {
    guard shape.isValid else { return false }
    switch self {
    case .convolution(let filters, let k, let s, let p, let maps):
      let connections = maps.map {
        $0.count == filters && $0.allSatisfy { 1...shape.channels ~= $0 }
      }
      return filters >= 1 && k >= 1 && s >= 1 && p >= 0 && connections != false
        && k <= shape.rows + 2 * p && k <= shape.columns + 2 * p
    case .maxPool(let window), .subsampling(let window):
      return window.rows.size <= shape.rows + 2 * window.rows.padding
        && window.columns.size <= shape.columns + 2 * window.columns.padding
    case .dense(let units), .fixedRBF(let units):
      return units >= 1
    }
  }
}

/// The shape a layer gives an input of shape `input`.
///
/// ```
/// convolution   filters maps of floor((n + 2p - k) / s) + 1 per axis   (outputLength)
/// max pool,     the same number of maps, each pooled                   (pooledShape)
///   subsampling
/// dense, RBF    units × 1 × 1
/// ```
/// Lecture: `002`, "Let us calculate that" [E4.2]; `004`, section 5.2: a 28 × 28 input and 3
/// feature maps from 5 × 5 patches give 3 × 24 × 24 units [E4.4].
/// - Precondition: the layer fits the input (``NetworkLayer/fits(_:)``).
/// - Complexity: O(filters) for a partially connected convolution; O(1) for the others.
public func layerOutputShape(_ layer: NetworkLayer, input: VolumeShape) -> VolumeShape {
  if let mark = firstUnwritten(input) { return .placeholder(mark) }
  precondition(layer.fits(input), "a \(layer) layer cannot take a \(input) input")
  // BEGIN EXERCISE layerOutputShape
  return .unwritten("layerOutputShape", in: #filePath)
  // END EXERCISE
}

/// The shapes after each layer, from the first to the last (``layerOutputShape(_:input:)``
/// layer by layer). The list stops early at a shape the next layer cannot take.
///
/// - Complexity: O(n + f) for n layers with f filters in all.
public func outputShapes(of layers: [NetworkLayer], input: VolumeShape) -> [VolumeShape] {
  var shapes: [VolumeShape] = []
  var shape = input
  for layer in layers {
    guard layer.fits(shape) else { break }
    shape = layerOutputShape(layer, input: shape)
    shapes.append(shape)
  }
  return shapes
}
