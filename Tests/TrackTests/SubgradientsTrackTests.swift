import LectureKit
import Subgradients
import Testing

@Suite("The Subgradients track compiled in is the one asked for")
struct SubgradientsTrackTests {
  @Test("Subgradients was compiled from the requested tree")
  func subgradients() {
    #expect(
      SubgradientsChapter.track == TrackTests.requested,
      """
      Subgradients holds the \(SubgradientsChapter.track) track, but COMPANION_TRACK asks for \
      \(TrackTests.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }
}
