import Foundation
import Testing

@testable import CompanionCore
@testable import ExerciseKit

@Suite("companion check: a chapter waiting for the chapters it builds on")
struct CheckWaitingTests {
  static let reports = [
    ChapterReport(
      chapter: "ConvNets",
      exercises: [
        ExerciseReport(
          name: "multiChannelCorrelate", file: "Exercises/ConvNets/MultiChannelConvolution.swift",
          line: 27, status: .waiting(for: ["correlate2D"])),
        ExerciseReport(
          name: "convNetForward", file: "Exercises/ConvNets/ForwardPass.swift", line: 70,
          status: .waiting(for: ["maxPool2D", "relu"])),
      ], testsPassed: 4, testsRun: 31, problem: nil,
      waitsFor: [
        ChapterWait(chapter: "Convolution", exercises: ["correlate2D", "relu"]),
        ChapterWait(chapter: "Pooling", exercises: ["maxPool2D"]),
      ])
  ]

  @Test("the text names the chapters waited for and sends the student there next")
  func text() {
    let text = renderText(Self.reports)
    #expect(text.contains("ConvNets: 0 of 2 exercises done, 4 of 31 tests pass"))
    #expect(
      text.contains(
        "… waits for Convolution (correlate2D, relu) and Pooling (maxPool2D): its tests run"))
    #expect(text.contains("… multiChannelCorrelate  written; its tests also need correlate2D"))
    #expect(text.contains("Next: the Convolution chapter, which these exercises wait for"))
    #expect(text.contains("swift run companion check Convolution"))
    #expect(!text.contains("Every exercise is done"))
  }

  @Test("the JSON lists the chapters waited for, and counts waiting exercises as not done")
  func json() throws {
    let data = Data(renderJSON(Self.reports).utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["score"] as? Int == 0)
    let tests = try #require(object["tests"] as? [[String: Any]])
    #expect(tests.map { $0["status"] as? String } == ["waiting", "waiting"])
    let extra = try #require(object["extra_data"] as? [String: Any])
    let chapters = try #require(extra["chapters"] as? [[String: Any]])
    let waits = try #require(chapters[0]["waits_for"] as? [String: [String]])
    #expect(waits == ["Convolution": ["correlate2D", "relu"], "Pooling": ["maxPool2D"]])
  }

  @Test("the package's own ConvNets chapter: its shape exercise reaches the Int exercises below")
  func packageCoverage() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let tree = ExerciseTree(root: root)
    #expect(tree.chapterDependencies()["ConvNets"] == ["Convolution", "Pooling"])
    let coverage = try Coverage.read(chapter: "ConvNets", in: tree)
    #expect(coverage.silentDependencies["layerOutputShape"] == ["outputLength", "pooledLength"])
    #expect(coverage.silentDependencies["layerParameterCount"] == nil)
    #expect(coverage.silentDependencies["convNetForward"]?.contains("pooledLength") == true)
  }
}
