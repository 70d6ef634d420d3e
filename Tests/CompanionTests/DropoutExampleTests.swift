import CompanionCore
import Dropout
import LectureKit
import Testing

@Suite("companion show dropout")
struct DropoutExampleTests {
  @Test("E6.6 list names the dropout example")
  func listed() {
    let list = runCompanion(["list"])
    #expect(list.status == 0)
    #expect(list.output.contains("dropout\t[E6.6]"))
  }

  @Test("E6.6 show dropout prints a seeded mask and both conventions, on either track")
  func show() {
    let outcome = runCompanion(["show", "dropout"])
    #expect(outcome.status == 0)
    #expect(outcome.errors.isEmpty)
    #expect(outcome.output.contains("p is the probability of DROPPING a unit"))
    switch DropoutChapter.track {
    case .solutions:
      // SeededGenerator(seed: 25) keeps 6 of 12 units at p = 1/2 and 10 of 12 at p = 0.2.
      #expect(outcome.output.contains("  0 1 1\n  1 0 0\n  0 1 0\n  0 1 1\n"))
      #expect(outcome.output.contains("  1 1 1\n  1 0 1\n  1 1 0\n  1 1 1\n"))
      #expect(outcome.output.contains("   0  4  6\n   8  0  0\n   0 16  0\n   0 22 24\n"))
      #expect(outcome.output.contains("kept units multiplied by 1 / (1 - p) = 1.25:"))
      #expect(outcome.output.contains("   1.25   2.5  3.75\n      5     0   7.5\n"))
      #expect(outcome.output.contains("   0.8 -0.8\n   1.6    0\n"))
    case .exercises:
      #expect(outcome.output.contains("`dropoutMask` in Exercises/Dropout/Mask.swift"))
    }
  }
}
