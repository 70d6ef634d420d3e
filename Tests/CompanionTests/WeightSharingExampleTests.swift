import CompanionCore
import LectureKit
import Testing
import WeightSharing

@Suite("companion show motif-letters")
struct WeightSharingExampleTests {
  @Test("E6.11 list names it; show prints the letters, the counts and the decisions")
  func motifLetters() {
    #expect(runCompanion(["list"]).output.contains("motif-letters\t[E6.11]"))
    let outcome = runCompanion(["show", "motif-letters"])
    #expect(outcome.status == 0)
    #expect(outcome.errors.isEmpty)
    switch WeightSharingChapter.track {
    case .solutions:
      // The C with its two endpoints marked, then the decisions in order.
      #expect(outcome.output.contains("  .###*\n  #....\n"))
      #expect(outcome.output.contains("  +###.\n  #...#\n"))
      let decisions = outcome.output.split(separator: "\n").filter { $0.hasPrefix("endpoints ") }
      #expect(
        decisions == [
          "endpoints 2, corners 0: a C", "endpoints 0, corners 2: a D",
          "endpoints 2, corners 1: neither letter", "endpoints 0, corners 2: a D",
        ])
    case .exercises:
      #expect(outcome.output.contains("`detectMotif` in Exercises/WeightSharing/ImageMotif.swift"))
    }
  }
}
