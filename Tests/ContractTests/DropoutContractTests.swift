import Dropout
import LectureKit
import Testing

/// The preconditions of the Dropout chapter. They sit outside the exercise bodies, so they hold
/// on both tracks; each bad call stops the process with a message. `p` is the probability of
/// dropping a unit and must lie in [0, 1).
@Suite("Dropout: bad calls stop with a message")
struct DropoutContractTests {
  /// No probability of dropping: negative, 1 (every unit dropped, and 1 / (1 - p) infinite),
  /// above 1. (NaN has a test of its own: an exit test sends what it captures to the child
  /// process as JSON, which has no NaN.)
  static let badProbabilities: [Double] = [-0.1, 1, 1.5]

  @Test("p outside [0, 1) stops dropoutMask and dropoutForward", arguments: badProbabilities)
  func maskAndForward(_ p: Double) async {
    await #expect(processExitsWith: .failure) { [p] in
      var generator = SeededGenerator(seed: 1)
      _ = dropoutMask(rows: 2, columns: 2, p: p, using: &generator)
    }
    await #expect(processExitsWith: .failure) { [p] in
      var generator = SeededGenerator(seed: 1)
      _ = dropoutForward(
        Matrix(rows: 2, columns: 2), p: p, mode: .training, convention: .inverted,
        using: &generator)
    }
  }

  @Test(
    "p outside [0, 1) stops applyDropoutMask, dropoutBackward and testTimeWeights",
    arguments: badProbabilities)
  func applyBackwardWeights(_ p: Double) async {
    await #expect(processExitsWith: .failure) { [p] in
      let ones = Matrix(rows: 2, columns: 2, repeating: 1)
      _ = applyDropoutMask(ones, mask: ones, p: p, convention: .notes)
    }
    await #expect(processExitsWith: .failure) { [p] in
      let ones = Matrix(rows: 2, columns: 2, repeating: 1)
      _ = dropoutBackward(ones, mask: ones, p: p, convention: .inverted)
    }
    await #expect(processExitsWith: .failure) { [p] in
      _ = testTimeWeights(Matrix(rows: 2, columns: 3), p: p, convention: .notes)
    }
  }

  @Test("p = NaN is no probability either")
  func notANumber() async {
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      _ = dropoutMask(rows: 2, columns: 2, p: .nan, using: &generator)
    }
    await #expect(processExitsWith: .failure) {
      _ = testTimeWeights(Matrix(rows: 2, columns: 3), p: .nan, convention: .inverted)
    }
  }

  @Test("a mask whose shape differs from the activations' or the gradient's")
  func mismatchedShapes() async {
    await #expect(processExitsWith: .failure) {
      _ = applyDropoutMask(
        Matrix(rows: 3, columns: 2), mask: Matrix(rows: 2, columns: 3, repeating: 1), p: 0.5,
        convention: .notes)
    }
    await #expect(processExitsWith: .failure) {
      _ = dropoutBackward(
        Matrix(rows: 4, columns: 1), mask: Matrix(rows: 4, columns: 2, repeating: 1), p: 0.2,
        convention: .inverted)
    }
  }

  @Test("a negative mask size")
  func negativeSize() async {
    await #expect(processExitsWith: .failure) {
      var generator = SeededGenerator(seed: 1)
      _ = dropoutMask(rows: -1, columns: 3, p: 0.5, using: &generator)
    }
  }
}
