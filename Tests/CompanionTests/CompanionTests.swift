import CompanionCore
import Convolution
import LectureKit
import Testing

@Suite("The companion tool")
struct CompanionTests {
  @Test("with no arguments: the tour, which says its track and what to run next")
  func tour() {
    let outcome = runCompanion([])
    #expect(outcome.status == 0)
    #expect(outcome.errors.isEmpty)
    #expect(outcome.output.contains("x-filter"))
    #expect(outcome.output.contains("What next"))
    switch ConvolutionChapter.track {
    case .solutions:
      #expect(outcome.output.contains("reference implementation (Solutions/)"))
      // Each row as the slide prints it, its columns aligned: the same numbers, more spaces.
      let printed = outcome.output.split(separator: "\n").map { $0.split(separator: " ") }
      for row in Lecture.xFilters.flatMap(\.mapSlide) {
        #expect(printed.contains(row.split(separator: " ")), "\(row)")
      }
      #expect(outcome.output.contains("  0.77 -0.11  0.11  0.33  0.55 -0.11  0.33\n"))
    case .exercises:
      #expect(outcome.output.contains("your exercises (Exercises/"))
    }
  }

  @Test("the tour's closing commands run as typed: swift run companion COMMAND, or swift test")
  func whatNext() {
    let tour = runCompanion([]).output
    let lines = tour.split(separator: "\n").drop { !$0.hasPrefix("What next") }.dropFirst()
    #expect(!lines.isEmpty)
    for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      let words = line.split(separator: " ")
      if words.starts(with: ["swift", "test"]) { continue }
      #expect(words.starts(with: ["swift", "run", "companion"]), "\(line)")
      let command = words.count > 3 ? String(words[3]) : ""
      let help = command == "--help" ? runCompanion(["--help"]) : runCompanion(["help", command])
      #expect(help.status == 0, "\(line)")
    }
  }

  @Test("list names every example; show prints one")
  func listAndShow() {
    let list = runCompanion(["list"])
    #expect(list.status == 0)
    for name in ["x-filter", "relu", "four-by-four"] { #expect(list.output.contains(name)) }
    let show = runCompanion(["show", "four-by-four"])
    #expect(show.status == 0)
    if ConvolutionChapter.track == .solutions {
      #expect(show.output.contains(" 2 -2\n  -1  1"))
    } else {
      #expect(show.output.contains("is not written yet"))
    }
  }

  @Test(
    "--help and help COMMAND print usage and succeed",
    arguments: [
      ["--help"], ["-h"], ["help"], ["help", "show"], ["help", "list"], ["help", "tour"],
    ])
  func help(_ arguments: [String]) {
    let outcome = runCompanion(arguments)
    #expect(outcome.status == 0)
    #expect(outcome.output.contains("usage: companion"))
    #expect(outcome.errors.isEmpty)
  }

  @Test(
    "mistakes print one line on stderr and exit with status 2",
    arguments: [
      ["frobnicate"], ["show"], ["show", "nope"], ["show", "a", "b"], ["help", "nope"],
      ["list", "x"],
    ])
  func mistakes(_ arguments: [String]) {
    let outcome = runCompanion(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors.hasPrefix("companion: error: "))
    #expect(outcome.errors.filter { $0 == "\n" }.count == 1)
  }
}
