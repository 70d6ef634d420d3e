import LectureKit
import Pooling
import Testing

@Suite("Pooling was compiled from the requested tree")
struct PoolingTrackTests {
  @Test("Pooling was compiled from the requested tree")
  func pooling() {
    #expect(
      PoolingChapter.track == TrackTests.requested,
      """
      Pooling holds the \(PoolingChapter.track) track, but COMPANION_TRACK asks for \
      \(TrackTests.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }
}
