import CompanionCore
import Convolution
import Foundation
import LectureKit
import Testing

/// SwiftPM re-evaluates the manifest when the environment changes, but does not document it:
/// these tests prove that the chapter modules were compiled from the tree the environment asks
/// for, so that a stale build never passes the reference off as a student's work (or back).
@Suite("The track compiled in is the one asked for")
struct TrackTests {
  static let requested = Track.requested(by: ProcessInfo.processInfo.environment)

  @Test("COMPANION_TRACK names a track")
  func known() {
    #expect(Self.requested != nil, "COMPANION_TRACK must be 'solutions' or 'exercises'")
  }

  @Test("Convolution was compiled from the requested tree")
  func convolution() {
    #expect(
      ConvolutionChapter.track == Self.requested,
      """
      Convolution holds the \(ConvolutionChapter.track) track, but COMPANION_TRACK asks for \
      \(Self.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }
}
