import LectureKit

/// A probe of one exercise: it calls the exercise's function on inputs drawn from a seed that
/// the autograder chooses when it grades, and gives back numbers (the results, and the inputs
/// when a check needs them).
///
/// The autograder runs the probes twice on the same seed: once in a process of the student's
/// (the student's build, no reference code), once in its own (the reference's build, out of the
/// student's reach), and compares the numbers there (``Probe/compare(student:reference:)``). The
/// test process's report of its tests can be rewritten by the code under test; the probe's
/// numbers can be too, but only numbers that agree with the reference on inputs nobody knew
/// before the grading began earn the point, and writing those takes a right function.
///
/// A probe draws every input from its own generator (``ProbeInputs``), so skipping or adding
/// another probe never changes its inputs. It includes the cases the tests single out (a kink at
/// 0, ties, a stride or padding other than 1 and 0), so that a function right only on random
/// inputs does not match.
public struct Probe: Sendable {
  /// The exercise's name, as in its `// BEGIN EXERCISE` marker.
  public let exercise: String
  /// Computes the numbers.
  let run: @Sendable (inout ProbeInputs) -> [Double]
  /// Compares the student's numbers with the reference's: nil when they agree, or what differs.
  /// When nil, numbers agree entry by entry within ``Probe/tolerance``.
  let check: (@Sendable (_ student: [Double], _ reference: [Double]) -> String?)?

  public init(
    _ exercise: String,
    check: (@Sendable (_ student: [Double], _ reference: [Double]) -> String?)? = nil,
    run: @escaping @Sendable (inout ProbeInputs) -> [Double]
  ) {
    self.exercise = exercise
    self.run = run
    self.check = check
  }

  /// Entries agree when they differ by at most this much, relative to the larger of 1 and their
  /// magnitudes: far above the rounding of a sum taken in another order, far below any mistake.
  public static let tolerance = 1e-7

  /// The numbers of this probe for `seed`.
  public func values(seed: UInt64) -> [Double] {
    var inputs = ProbeInputs(seed: seed, exercise: exercise)
    return run(&inputs)
  }

  /// Nil when the student's numbers agree with the reference's; otherwise what differs, in one
  /// line.
  public func compare(student: [Double], reference: [Double]) -> String? {
    if let check { return check(student, reference) }
    return Probe.difference(student, reference)
  }

  /// Nil when `student` and `reference` agree entry by entry; otherwise the first difference.
  public static func difference(_ student: [Double], _ reference: [Double]) -> String? {
    guard student.count == reference.count else {
      return "it gave \(student.count) numbers where the reference gives \(reference.count)"
    }
    for (index, (mine, theirs)) in zip(student, reference).enumerated()
    where !Probe.agree(mine, theirs) {
      return "number \(index + 1) of \(reference.count) is \(mine), the reference's \(theirs)"
    }
    return nil
  }

  /// Whether two numbers agree: equal, both NaN, or within the tolerance.
  public static func agree(_ a: Double, _ b: Double) -> Bool {
    if a == b || (a.isNaN && b.isNaN) { return true }
    guard a.isFinite && b.isFinite else { return false }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
  }
}

/// The inputs of one probe: a generator seeded from the grading's seed and the exercise's name.
public struct ProbeInputs {
  public var generator: SeededGenerator

  init(seed: UInt64, exercise: String) {
    // FNV-1a of the name, mixed into the seed.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in exercise.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    generator = SeededGenerator(seed: seed ^ hash)
  }

  /// A matrix of uniform entries in `range`.
  public mutating func matrix(
    _ rows: Int, _ columns: Int, in range: ClosedRange<Double> = -1...1
  ) -> Matrix {
    Matrix.random(rows: rows, columns: columns, in: range, using: &generator)
  }

  /// A matrix of small whole numbers in `range`: ties and exact zeros are likely.
  public mutating func wholeMatrix(
    _ rows: Int, _ columns: Int, in range: ClosedRange<Int> = -2...2
  ) -> Matrix {
    Matrix(rows: rows, columns: columns) { _, _ in Double(Int.random(in: range, using: &generator))
    }
  }

  /// A whole number in `range`.
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &generator)
  }

  /// A number in `range`.
  public mutating func double(_ range: ClosedRange<Double>) -> Double {
    Double.random(in: range, using: &generator)
  }

  /// One of `choices`.
  public mutating func pick<T>(_ choices: [T]) -> T {
    choices[Int.random(in: 0..<choices.count, using: &generator)]
  }
}

/// What a probe gives back, as numbers.
public protocol ProbeNumbers {
  var probeNumbers: [Double] { get }
}

extension Double: ProbeNumbers {
  public var probeNumbers: [Double] { [self] }
}

extension Int: ProbeNumbers {
  public var probeNumbers: [Double] { [Double(self)] }
}

extension Bool: ProbeNumbers {
  public var probeNumbers: [Double] { [self ? 1 : 0] }
}

/// A matrix as its shape, then its entries row by row.
extension Matrix: ProbeNumbers {
  public var probeNumbers: [Double] { [Double(rows), Double(columns)] + elements }
}

extension Shape: ProbeNumbers {
  public var probeNumbers: [Double] { [Double(rows), Double(columns)] }
}

/// An array as its count, then its elements'.
extension Array: ProbeNumbers where Element: ProbeNumbers {
  public var probeNumbers: [Double] { [Double(count)] + flatMap(\.probeNumbers) }
}

/// Nothing as a 0; something as a 1, then its numbers.
extension Optional: ProbeNumbers where Wrapped: ProbeNumbers {
  public var probeNumbers: [Double] {
    switch self {
    case .none: [0]
    case .some(let value): [1] + value.probeNumbers
    }
  }
}

/// The numbers of several results, one after the other.
public func numbers(_ parts: any ProbeNumbers...) -> [Double] {
  parts.flatMap(\.probeNumbers)
}
