import LectureKit

extension ConvNet {
  /// Every parameter of the network in one column, in a fixed order: the kernels (filter by
  /// filter, input map by input map, each row by row), the filters' biases, the read-out's W
  /// row by row, and its b. Gradient checks and SGD steps work on this column.
  public var parameters: Matrix {
    if let mark = unwritten { return .placeholder(mark) }
    var values: [Double] = []
    for filter in conv.filters {
      for kernel in filter { values += kernel.elements }
    }
    values += conv.biases
    values += readout.weights.elements
    values += readout.biases.elements
    return Matrix(column: values)
  }

  /// This network with its parameters read from `column`, in the order of ``parameters``.
  ///
  /// - Precondition: `column` has the shape of ``parameters``.
  /// - Complexity: O(P) for the network's P parameters.
  public func with(parameters column: Matrix) -> ConvNet {
    if let mark = firstUnwritten(self, column) { return .placeholder(mark) }
    let count = parameters.rows
    precondition(
      column.shape == Shape(rows: count, columns: 1),
      "the network has \(count) parameters, so they must come as a \(count) x 1 column, "
        + "not a \(column.shape) matrix")
    var rest = column.elements[...]
    func next(_ shape: Shape) -> Matrix {
      let values = Array(rest.prefix(shape.rows * shape.columns))
      rest = rest.dropFirst(values.count)
      return Matrix(rows: shape.rows, columns: shape.columns, elements: values)
    }
    let filters = conv.filters.map { filter in filter.map { next($0.shape) } }
    let biases = next(Shape(rows: conv.biases.count, columns: 1)).elements
    let weights = next(readout.weights.shape)
    let readoutBiases = next(readout.biases.shape)
    return ConvNet(
      conv: ConvLayer(filters: filters, biases: biases, stride: conv.stride, padding: conv.padding),
      pool: pool, readout: DenseLayer(weights: weights, biases: readoutBiases))
  }
}

extension ConvNetGradients {
  /// The gradients in one column, in the order of ``ConvNet/parameters``.
  public var parameters: Matrix {
    if let mark = unwritten { return .placeholder(mark) }
    var values: [Double] = []
    for filter in conv.filters {
      for kernel in filter { values += kernel.elements }
    }
    values += conv.biases
    values += readoutWeights.elements
    values += readoutBiases.elements
    return Matrix(column: values)
  }
}
