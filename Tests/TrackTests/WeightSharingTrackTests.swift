import LectureKit
import Testing
import WeightSharing

@Suite("WeightSharing's track")
struct WeightSharingTrackTests {
  @Test("WeightSharing was compiled from the requested tree")
  func weightSharing() {
    #expect(
      WeightSharingChapter.track == TrackTests.requested,
      """
      WeightSharing holds the \(WeightSharingChapter.track) track, but COMPANION_TRACK asks for \
      \(TrackTests.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }
}
