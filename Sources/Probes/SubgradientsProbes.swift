#if PROBE_Subgradients
  import Subgradients
  import LectureKit

  /// Subgradients (lecture `004`, section 2.2, "Learning the parameters": the subdifferential,
  /// the subgradient picked at a kink, the chain rule through one hidden ReLU layer with the
  /// hinge loss, and SGD with a subgradient). Every probe meets the kinks exactly: ReLU at 0,
  /// |v| at 0, the hinge at margin exactly 1, two lines where they cross, a hidden unit with
  /// z_j = 0; the conventions are the notes' (0 at a kink, the whole interval for ∂h).
  let subgradientsProbes: [Probe] = [
    Probe("reluSubdifferential") { inputs in
      numbers(kinkPoints(&inputs, kink: 0).flatMap { intervalNumbers(reluSubdifferential(at: $0)) })
    },
    Probe("absoluteValueSubdifferential") { inputs in
      numbers(
        kinkPoints(&inputs, kink: 0).flatMap {
          intervalNumbers(absoluteValueSubdifferential(at: $0))
        })
    },
    Probe("hingeSubdifferential") { inputs in
      // z = y is margin exactly 1; whole z from -2 to 2 meet it for both labels.
      var results: [Double] = []
      for y in [1.0, -1.0] {
        for z in kinkPoints(&inputs, kink: y) {
          results += [y, z] + intervalNumbers(hingeSubdifferential(at: z, label: y))
        }
      }
      return results
    },
    Probe("maxAffineSubdifferential") { inputs in
      // Two lines of different whole slopes that cross at a whole v, read at the crossing and
      // on either side, where the line with the smaller slope is sometimes the larger one.
      let slopes = (inputs.int(-3...3), inputs.int(1...3))
      let first = Double(slopes.0)
      let second = first + Double(slopes.1) * inputs.pick([1, -1])
      let crossing = Double(inputs.int(-2...2))
      let intercept = Double(inputs.int(-3...3))
      let lines = [
        AffineFunction(slope: first, intercept: intercept),
        AffineFunction(
          slope: second, intercept: first * crossing + intercept - second * crossing),
      ]
      var results: [Double] = []
      for v in [crossing, crossing - 1, crossing + 1, crossing + inputs.double(-3...3)] {
        results += [v] + intervalNumbers(maxAffineSubdifferential(lines[0], lines[1], at: v))
        results += intervalNumbers(maxAffineSubdifferential(lines[1], lines[0], at: v))
      }
      return results
    },
    Probe("reluSubgradient") { inputs in
      numbers(kinkPoints(&inputs, kink: 0).map(reluSubgradient))
    },
    Probe("hingeSubgradient") { inputs in
      var results: [Double] = []
      for y in [1.0, -1.0] {
        for z in kinkPoints(&inputs, kink: y) {
          results += [y, z, hingeSubgradient(z, label: y)]
        }
      }
      return results
    },
    Probe("shallowGradient") { inputs in
      // shallowGradient calls the network's given forward pass and may call reluSubgradient
      // and hingeSubgradient, as the reference does.
      let d = inputs.int(2...3)
      let m = inputs.int(4...5)
      let incoming = inputs.wholeMatrix(d, m)
      let x = inputs.wholeMatrix(d, 1)
      // The biases put the hidden units at chosen places: above 0, exactly at 0, below 0.
      let targets =
        [Double(inputs.int(1...2)), 0, Double(inputs.int(-2...(-1)))]
        + (3..<m).map { _ in Double(inputs.int(-2...2)) }
      let product = incoming.transposed() * x
      let b = Matrix(rows: m, columns: 1) { j, _ in targets[j] - product[j, 0] }
      // No outgoing weight is 0: every unit's gate shows.
      let w = Matrix(rows: m, columns: 1) { _, _ in inputs.pick([-2.0, -1, 1, 2]) }
      let a = targets.map { max(0, $0) }
      let hiddenOutput = zip(a, w.elements).map(*).reduce(0, +)
      var results: [Double] = []
      for _ in 0..<2 {
        let y = inputs.pick([1.0, -1.0])
        // The output bias sets the output: the hinge active (margin below 1), at its kink
        // (margin exactly 1), or inactive.
        for margin in [Double(inputs.int(-2...0)), 1, Double(inputs.int(2...3))] {
          let network = ShallowNetwork(
            W: incoming, b: b, w: w, outputBias: y * margin - hiddenOutput)
          results += [y, margin] + gradientNumbers(shallowGradient(network, input: x, label: y))
        }
      }
      let random = ShallowNetwork(
        W: inputs.matrix(d, m), b: inputs.matrix(m, 1), w: inputs.matrix(m, 1),
        outputBias: inputs.double(-1...1))
      let label = inputs.pick([1.0, -1.0])
      return numbers(
        results, gradientNumbers(shallowGradient(random, input: inputs.matrix(d, 1), label: label)))
    },
    Probe("subgradientDescent") { inputs in
      // h(v) = c |v - center| + a (v - center)² / 2 with a subgradient of the probe's own: the
      // slope changes from step to step, and is 0 at the kink.
      let center = inputs.double(-1...1)
      let c = inputs.double(0.5...2)
      let a = inputs.double(0...1)
      let g: (Double) -> Double = { v in
        let sign: Double = v > center ? 1 : (v < center ? -1 : 0)
        return c * sign + a * (v - center)
      }
      let start = inputs.double(-3...3)
      let steps = inputs.int(3...7)
      let eta = inputs.double(0.1...0.5)
      return numbers(
        subgradientDescent(from: start, steps: steps, stepSize: .diminishing(eta), subgradient: g),
        subgradientDescent(from: start, steps: steps, stepSize: .constant(eta), subgradient: g),
        subgradientDescent(from: center, steps: 2, stepSize: .constant(eta), subgradient: g),
        subgradientDescent(from: start, steps: 0, stepSize: .diminishing(eta), subgradient: g))
    },
  ]

  /// Points around `kink`: the kink itself, whole offsets from -2 to 2 in a random order, and
  /// two random points on either side.
  private func kinkPoints(_ inputs: inout ProbeInputs, kink: Double) -> [Double] {
    var offsets = [-2.0, -1, 0, 1, 2]
    offsets.shuffle(using: &inputs.generator)
    return [kink] + offsets.map { kink + $0 } + [
      kink - inputs.double(0.01...3), kink + inputs.double(0.01...3),
    ]
  }

  /// An interval as its lower and upper bound.
  private func intervalNumbers(_ interval: Interval) -> [Double] {
    [interval.lower, interval.upper]
  }

  /// A gradient as ∂ℓ/∂W, ∂ℓ/∂b, ∂ℓ/∂w and ∂ℓ/∂b of the output.
  private func gradientNumbers(_ gradient: ShallowGradient) -> [Double] {
    numbers(gradient.W, gradient.b, gradient.w, gradient.outputBias)
  }
#endif
