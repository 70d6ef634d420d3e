#if PROBE_WeightSharing
  import LectureKit
  import WeightSharing

  /// Weight sharing (lectures `000` and `001`, "Parameter transformations", "Weight sharing",
  /// "Hypernetworks" and "Motif detection"; `004`, section 5). The probes take non-square
  /// Jacobians, kernels, inputs and templates (a transpose or a swapped axis changes the
  /// numbers), strides above 1, a tie under max pooling between windows that differ, and a
  /// motif found with its score exactly at the threshold.
  let weightSharingProbes: [Probe] = [
    Probe("hypernetworkGradientU") { inputs in
      var results: [Double] = []
      for n in [2, inputs.int(3...4)] {
        results += numbers(
          hypernetworkGradientU(
            inputs.matrix(n, 1), target: inputs.double(-2...2), parameters: inputs.matrix(n, n)))
      }
      return results
    },
    Probe("hypernetworkGradientX") { inputs in
      var results: [Double] = []
      for n in [2, inputs.int(3...4)] {
        results += numbers(
          hypernetworkGradientX(
            inputs.matrix(n, 1), target: inputs.double(-2...2), parameters: inputs.matrix(n, n)))
      }
      return results
    },
    Probe("detectMotif") { inputs in
      // It calls sharedCorrelation on the framed image, as the lecture's detector does.
      let template = randomTemplate(&inputs)
      let image = plantedImage(&inputs, template)
      let lecture = inputs.pick(MotifTemplate.endpoints + MotifTemplate.corners)
      return numbers(
        detectMotif(image, template: template), detectMotif(image, template: lecture),
        detectMotif(plantedImage(&inputs, lecture), template: lecture))
    },
    Probe("nonlinearJacobian") { inputs in
      numbers(nonlinearJacobian(inputs.matrix(2, 1)), nonlinearJacobian(inputs.matrix(2, 1)))
    },
    Probe("updateThroughTransformation") { inputs in
      // A square Jacobian first (a missing transpose keeps the shapes), then a 3 x 2 one.
      var results: [Double] = []
      for (weights, parameters) in [(3, 3), (3, 2)] {
        results += numbers(
          updateThroughTransformation(
            inputs.matrix(parameters, 1), jacobian: inputs.matrix(weights, parameters),
            costGradient: inputs.matrix(weights, 1), learningRate: inputs.double(0.05...0.5)))
      }
      return results
    },
    Probe("firstOrderWeightUpdate") { inputs in
      var results: [Double] = []
      for (weights, parameters) in [(3, 3), (3, 2)] {
        results += numbers(
          firstOrderWeightUpdate(
            inputs.matrix(weights, 1), jacobian: inputs.matrix(weights, parameters),
            costGradient: inputs.matrix(weights, 1), learningRate: inputs.double(0.05...0.5)))
      }
      return results
    },
    Probe("motifScores") { inputs in
      let n = inputs.int(6...9)
      let m = inputs.int(2...4)
      return numbers(
        motifScores(inputs.matrix(n, 1), detector: inputs.matrix(m, 1)),
        motifScores(inputs.wholeMatrix(n, 1), detector: inputs.wholeMatrix(m, 1)),
        motifScores(inputs.matrix(m, 1), detector: inputs.matrix(m, 1)))
    },
    Probe("detectorGradient") { inputs in
      // It calls motifScores, as the pooled output does. First a tie under max between two
      // windows that hold the same numbers in opposite orders: the first must win.
      let m = inputs.int(2...3)
      let first = inputs.pick([3.0, 5.0])
      let motif = [first] + (1..<(m - 1)).map { _ in Double(inputs.int(3...5)) } + [8 - first]
      func filler(_ count: Int) -> [Double] { (0..<count).map { _ in Double(inputs.int(-2...2)) } }
      let tied = Matrix(
        column: filler(inputs.int(0...2)) + motif + filler(m) + motif.reversed()
          + filler(inputs.int(0...2)))
      // A weight that keeps every sum exact: the tie stays a tie in floating point.
      let even = Matrix(rows: m, columns: 1, repeating: inputs.pick([0.5, 1, 2]))
      var results = numbers(detectorGradient(tied, detector: even, pooling: .max))
      let n = inputs.int(6...8)
      let sequence = inputs.matrix(n, 1)
      let detector = inputs.matrix(inputs.int(2...3), 1)
      let whole = inputs.wholeMatrix(n, 1)
      for pooling in ScorePooling.allCases {
        results += numbers(
          detectorGradient(sequence, detector: detector, pooling: pooling),
          detectorGradient(whole, detector: even, pooling: pooling))
      }
      return results
    },
    Probe("sharingMatrix") { inputs in
      // Fewer parameters in the pattern than the count says, and a pattern longer than the
      // count: neither the largest entry nor the pattern's length gives the columns.
      let parameterCount = inputs.int(3...4)
      let pattern = (0..<inputs.int(5...6)).map { _ in inputs.int(0...(parameterCount - 2)) }
      let short = (0..<2).map { _ in inputs.int(0...2) }
      return numbers(
        sharingMatrix(pattern: pattern, parameterCount: parameterCount),
        sharingMatrix(pattern: short, parameterCount: 3))
    },
    Probe("twoUnitGradient") { inputs in
      numbers(
        twoUnitGradient(
          inputs.matrix(2, 1, in: -2...2), target: inputs.double(-1...1),
          weights: inputs.matrix(4, 1, in: -2...2)),
        twoUnitGradient(
          inputs.matrix(2, 1), target: inputs.double(-1...1), weights: inputs.matrix(4, 1)))
    },
    Probe("sharedCorrelation") { inputs in
      // A kernel of two rows and three columns or the other way round, on an input of more
      // columns than rows, at stride 1 and at stride 2 or 3.
      let rows = inputs.int(5...7)
      let input = inputs.matrix(rows, rows + inputs.int(1...2))
      let tall = inputs.pick([true, false])
      let kernel = inputs.matrix(tall ? 3 : 2, tall ? 2 : 3)
      return numbers(
        sharedCorrelation(input, with: kernel),
        sharedCorrelation(input, with: kernel, stride: inputs.int(2...3)),
        sharedCorrelation(inputs.wholeMatrix(4, 4), with: inputs.wholeMatrix(2, 2), stride: 2))
    },
    Probe("tiedWeightMatrix") { inputs in
      // More input columns than rows and more output columns than rows.
      let rows = inputs.int(4...5)
      let columns = rows + inputs.int(1...2)
      let kernel = inputs.matrix(inputs.int(2...3), 2)
      return numbers(
        tiedWeightMatrix(kernel: kernel, inputRows: rows, inputColumns: columns),
        tiedWeightMatrix(kernel: kernel, inputRows: rows, inputColumns: columns, stride: 2),
        tiedWeightMatrix(kernel: inputs.matrix(2, 3), inputRows: 5, inputColumns: 4, stride: 3))
    },
    Probe("tiedKernelGradient") { inputs in
      var results: [Double] = []
      for stride in [1, 2] {
        let (rows, columns) = (inputs.int(4...5), inputs.int(5...6))
        let (kernelRows, kernelColumns) = (inputs.int(2...3), 2)
        let outputs =
          ((rows - kernelRows) / stride + 1) * ((columns - kernelColumns) / stride + 1)
        results += numbers(
          tiedKernelGradient(
            inputs.matrix(outputs, rows * columns), kernelRows: kernelRows,
            kernelColumns: kernelColumns, inputRows: rows, inputColumns: columns, stride: stride))
      }
      return results
    },
    Probe("untiedWeightCount") { inputs in
      // A stride above 1 that divides n - k exactly, then random sizes and strides.
      let stride = inputs.int(2...3)
      let patch = inputs.int(2...4)
      var results = numbers(
        untiedWeightCount(
          inputSize: patch + stride * inputs.int(1...4), patchSize: patch, stride: stride))
      for _ in 0..<3 {
        let size = inputs.int(5...14)
        results += numbers(
          untiedWeightCount(
            inputSize: size, patchSize: inputs.int(1...5), stride: inputs.int(1...3)))
      }
      return results
    },
  ]

  /// A template of 1 x 3 or 3 x 5 cells, or the other way round (never square), with at least
  /// one `+` and one `-`.
  private func randomTemplate(_ inputs: inout ProbeInputs) -> MotifTemplate {
    let short = inputs.pick([1, 3])
    let long = short + 2
    let (rows, columns) = inputs.pick([true, false]) ? (short, long) : (long, short)
    var cells = (0..<(rows * columns)).map { _ in inputs.pick(["+", "-", "."]) }
    let plus = inputs.int(0...(cells.count - 1))
    cells[plus] = "+"
    cells[(plus + 1 + inputs.int(0...(cells.count - 2))) % cells.count] = "-"
    let text = (0..<rows).map { i in cells[(i * columns)..<((i + 1) * columns)].joined() }
    return MotifTemplate("probe", text)
  }

  /// A random 0/1 image with the template's motif drawn exactly once in its left half (its
  /// score is the threshold) and drawn with one background pixel lit in its right half (its
  /// score is one below).
  private func plantedImage(_ inputs: inout ProbeInputs, _ template: MotifTemplate) -> Matrix {
    let kernel = template.kernel
    let rows = kernel.rows + inputs.int(1...2)
    let half = kernel.columns + inputs.int(0...1)
    var image = inputs.wholeMatrix(rows, 2 * half + 1, in: 0...1)
    let lit = kernel.elements.indices.filter { kernel.elements[$0] == -1 }
    let spoiled = lit.isEmpty ? nil : inputs.pick(lit)
    for (left, spoil) in [(0, nil), (half + 1, spoiled)] {
      let top = inputs.int(0...(rows - kernel.rows))
      let start = left + inputs.int(0...(half - kernel.columns))
      for k in 0..<kernel.rows {
        for l in 0..<kernel.columns where kernel[k, l] != 0 {
          image[top + k, start + l] = kernel[k, l] == 1 || k * kernel.columns + l == spoil ? 1 : 0
        }
      }
    }
    return image
  }
#endif
