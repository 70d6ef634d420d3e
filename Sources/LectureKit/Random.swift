import Foundation

/// A small seeded random number generator (SplitMix64), so that every random input of the
/// package is the same on every machine and in every run.
///
/// ```
/// var generator = SeededGenerator(seed: 42)
/// let x = Matrix.random(rows: 5, columns: 5, in: -1...1, using: &generator)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Double {
  /// A standard normal sample (Box–Muller).
  public static func gaussian(using generator: inout some RandomNumberGenerator) -> Double {
    let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
    let v = Double.random(in: 0..<1, using: &generator)
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }
}

extension Matrix {
  /// A matrix of independent uniform samples from `range`.
  ///
  /// - Complexity: O(rows · columns) draws.
  public static func random(
    rows: Int, columns: Int, in range: ClosedRange<Double> = -1...1,
    using generator: inout some RandomNumberGenerator
  ) -> Matrix {
    var elements: [Double] = []
    for _ in 0..<(rows * columns) { elements.append(Double.random(in: range, using: &generator)) }
    return Matrix(rows: rows, columns: columns, elements: elements)
  }

  /// A matrix of independent normal samples with the given mean and standard deviation.
  ///
  /// - Complexity: O(rows · columns) draws.
  public static func gaussian(
    rows: Int, columns: Int, mean: Double = 0, standardDeviation: Double = 1,
    using generator: inout some RandomNumberGenerator
  ) -> Matrix {
    var elements: [Double] = []
    for _ in 0..<(rows * columns) {
      elements.append(mean + standardDeviation * Double.gaussian(using: &generator))
    }
    return Matrix(rows: rows, columns: columns, elements: elements)
  }
}
