import LectureKit
import Subgradients
import Testing

/// The preconditions of the Subgradients chapter: given code, so they hold on both tracks.
@Suite("Subgradients: bad calls stop with a message")
struct SubgradientsContractTests {
  @Test("an interval whose lower bound exceeds its upper bound, or is not finite")
  func interval() async {
    await #expect(processExitsWith: .failure) { _ = Interval(1, 0) }
    await #expect(processExitsWith: .failure) { _ = Interval(.nan, 0) }
  }

  @Test("a hinge label other than +1 or -1")
  func hingeLabel() async {
    await #expect(processExitsWith: .failure) { _ = hingeSubgradient(0.5, label: 0) }
    await #expect(processExitsWith: .failure) { _ = hingeSubdifferential(at: 0.5, label: 2) }
    await #expect(processExitsWith: .failure) {
      _ = ShallowNetwork.zero(inputs: 2, hidden: 2).loss([[1], [1]], label: 0.5)
    }
  }

  @Test("mismatched shapes in the one-hidden-layer network")
  func shapes() async {
    await #expect(processExitsWith: .failure) {
      _ = ShallowNetwork(
        W: Matrix(rows: 2, columns: 3), b: Matrix(rows: 2, columns: 1),
        w: Matrix(rows: 3, columns: 1), outputBias: 0)
    }
    await #expect(processExitsWith: .failure) {
      _ = ShallowNetwork.zero(inputs: 2, hidden: 3).hidden(Matrix(rows: 3, columns: 1))
    }
  }

  @Test("a negative number of descent steps")
  func steps() async {
    await #expect(processExitsWith: .failure) {
      _ = subgradientDescent(from: 0, steps: -1, stepSize: .constant(0.1)) { _ in 0 }
    }
  }

}

/// The given code of the Subgradients chapter that no exercise covers: it passes on both tracks.
@Suite("Subgradients: the given pieces")
struct SubgradientsGivenCodeTests {
  @Test("contains, isPoint, placeholders, the step sizes, an affine function")
  func givenPieces() {
    #expect(Interval(-1, 2).contains(-1) && Interval(-1, 2).contains(2))
    #expect(!Interval(-1, 2).contains(2.5) && !Interval.unwritten("x", in: "f").contains(0))
    #expect(Interval(point: 3).isPoint && !Interval(0, 1).isPoint)
    #expect(Interval.unwritten("x", in: "f") != Interval.unwritten("x", in: "f"))
    #expect(StepSize.constant(0.5).at(99) == 0.5)
    #expect(StepSize.diminishing(0.5).at(3) == 0.25)
    #expect(AffineFunction(slope: 2, intercept: 1)(3) == 7)
  }
}
