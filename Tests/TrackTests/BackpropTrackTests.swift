import Backprop
import LectureKit
import Testing

@Suite("The Backprop track compiled in is the one asked for")
struct BackpropTrackTests {
  @Test("Backprop was compiled from the requested tree")
  func backprop() {
    #expect(
      BackpropChapter.track == TrackTests.requested,
      """
      Backprop holds the \(BackpropChapter.track) track, but COMPANION_TRACK asks for \
      \(TrackTests.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }
}
