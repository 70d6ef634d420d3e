import CompanionCore
import ConvNets
import LectureKit
import Testing

@Suite("companion show convnet")
struct ConvNetsExampleTests {
  @Test(
    "E2.1 E2.2 E2.3 list names it; show prints the pooled maps and the trained network's results")
  func convnet() {
    #expect(runCompanion(["list"]).output.contains("convnet\t[E2.1-E2.3]"))
    let outcome = runCompanion(["show", "convnet"])
    #expect(outcome.status == 0)
    #expect(outcome.errors.isEmpty)
    switch ConvNetsChapter.track {
    case .solutions:
      for example in Lecture.xFilters {
        let block =
          "\(example.name):\n" + example.pooledSlide.map { "  " + $0 }.joined(separator: "\n")
        #expect(outcome.output.contains(block), "\(example)")
      }
      #expect(outcome.output.contains("training letters recognized: 100%"))
      #expect(outcome.output.contains("clean letters at every place, never seen in training: 100%"))
      #expect(outcome.output.contains("at (1, 1): the network sees an X"))
      #expect(outcome.output.contains("at (2, 0): the network sees an O"))
    case .exercises:
      #expect(outcome.output.contains("`convNetForward` in Exercises/ConvNets/ForwardPass.swift"))
    }
  }
}
