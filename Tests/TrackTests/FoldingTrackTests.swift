import Folding
import LectureKit
import Testing

@Suite("The track compiled in is the one asked for: Folding")
struct FoldingTrackTests {
  @Test("Folding was compiled from the requested tree")
  func folding() {
    #expect(
      FoldingChapter.track == TrackTests.requested,
      """
      Folding holds the \(FoldingChapter.track) track, but COMPANION_TRACK asks for \
      \(TrackTests.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }
}
