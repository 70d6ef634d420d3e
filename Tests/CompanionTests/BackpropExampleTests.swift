import Backprop
import CompanionCore
import Testing

@Suite("companion show class-example")
struct BackpropExampleTests {
  @Test(
    "E6.4 the class example: the gradient by hand and by backprop, or which exercise is missing")
  func classExample() {
    let outcome = runCompanion(["show", "class-example"])
    #expect(outcome.status == 0)
    #expect(outcome.errors.isEmpty)
    #expect(outcome.output.contains("ŷ = Σ_j h_j w_(3,j)"))
    switch BackpropChapter.track {
    case .solutions:
      #expect(outcome.output.contains("h = (0.5, 0.75)"))
      #expect(outcome.output.contains("  -1.5 2.25\n    -3  4.5"))
      #expect(outcome.output.contains("= -1.5\nbackprop gives -1.5"))
    case .exercises:
      #expect(outcome.output.contains("is not written yet"))
    }
  }

  @Test("list names the class example")
  func listed() {
    #expect(runCompanion(["list"]).output.contains("class-example\t[E6.2 E6.4]"))
  }
}
