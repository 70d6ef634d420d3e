import Backprop
import ConvNets
import Convolution
import Dropout
import Folding
import Foundation
import LectureKit
import Pooling
import Subgradients
import Testing
import WeightSharing

/// SwiftPM re-evaluates the manifest when the environment changes, but does not document it:
/// these tests prove that the chapter modules were compiled from the tree the environment asks
/// for, so that a stale build never passes the reference off as a student's work (or back).
@Suite("The track compiled in is the one asked for")
struct TrackTests {
  static let requested = Track.requested(by: ProcessInfo.processInfo.environment)

  /// Every chapter with the track it was compiled from.
  static let compiled: [(chapter: String, track: Track)] = [
    ("Convolution", ConvolutionChapter.track), ("Pooling", PoolingChapter.track),
    ("Backprop", BackpropChapter.track), ("Subgradients", SubgradientsChapter.track),
    ("Dropout", DropoutChapter.track), ("WeightSharing", WeightSharingChapter.track),
    ("Folding", FoldingChapter.track), ("ConvNets", ConvNetsChapter.track),
  ]

  @Test("COMPANION_TRACK names a track")
  func known() {
    #expect(Self.requested != nil, "COMPANION_TRACK must be 'solutions' or 'exercises'")
  }

  @Test("every chapter was compiled from the requested tree", arguments: compiled)
  func chapter(_ chapter: String, _ track: Track) {
    #expect(
      track == Self.requested,
      """
      \(chapter) holds the \(track) track, but COMPANION_TRACK asks for \
      \(Self.requested?.rawValue ?? "?"): run `swift package clean` and build again
      """)
  }

  @Test("LectureKit was compiled for the requested track too")
  func lectureKit() {
    #expect(Track.compiled == Self.requested)
  }

  @Test("the list above names every chapter of the package")
  func everyChapter() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let folders = try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent("Solutions").path
    ).filter { !$0.hasPrefix(".") }
    #expect(Set(folders) == Set(Self.compiled.map(\.chapter)))
  }
}
