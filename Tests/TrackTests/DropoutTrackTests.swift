import Dropout
import LectureKit
import Testing

@Suite("Dropout's track")
struct DropoutTrackTests {
  @Test("Dropout was compiled from the requested tree")
  func dropout() {
    #expect(
      DropoutChapter.track == TrackTests.requested,
      """
      Dropout holds the \(DropoutChapter.track) track, but COMPANION_TRACK asks for \
      \(TrackTests.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }
}
