import ConvNets
import LectureKit
import Testing

@Suite("ConvNets was compiled from the requested tree")
struct ConvNetsTrackTests {
  @Test("ConvNets was compiled from the requested tree")
  func convNets() {
    #expect(
      ConvNetsChapter.track == TrackTests.requested,
      """
      ConvNets holds the \(ConvNetsChapter.track) track, but COMPANION_TRACK asks for \
      \(TrackTests.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }
}
