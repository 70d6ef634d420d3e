import Convolution
import Testing

@testable import CompanionCore

@Suite("The tool's conventions: --help, --option=value, names without regard to case")
struct ConventionTests {
  @Test("every command answers --help with its own help and status 0")
  func help() {
    for command in commands {
      let outcome = runCompanion([command.name, "--help"])
      #expect(outcome.status == 0, "\(command.name)")
      #expect(outcome.output == command.help, "\(command.name)")
      #expect(runCompanion(["help", command.name]).output == command.help)
    }
  }

  @Test("--option=value is --option value")
  func equals() {
    let spaced = runCompanion(["pool", "max", "-", "--size", "2"], input: .text("1 2\n3 4\n"))
    let joined = runCompanion(["pool", "max", "-", "--size=2"], input: .text("1 2\n3 4\n"))
    // On the exercises track max pooling is a stub: both forms fail alike there.
    #expect(spaced.status == (ConvolutionChapter.track == .solutions ? 0 : 2))
    #expect(joined == spaced)
    let badFormat = runCompanion(["check", "--format=xml"])
    #expect(badFormat == runCompanion(["check", "--format", "xml"]))
    #expect(badFormat.errors == "companion: error: --format takes text or json, not 'xml'\n")
    let flag = runCompanion(["pool", "max", "-", "--size=2", "--slide=yes"], input: .text("1\n"))
    #expect(flag.status == 2)
  }

  @Test("names are matched without regard to case")
  func caseFolded() {
    #expect(runCompanion(["HINT", "Correlate2d"]).output.hasPrefix("correlate2D:\n"))
    #expect(runCompanion(["show", "X-Filter"]).status == 0)
    #expect(runCompanion(["help", "Check"]).output == checkCommand.help)
  }

  @Test(
    "a near miss gets a suggestion, not a list of every name",
    arguments: [
      (["hint", "corelate2D"], "no exercise named 'corelate2D': did you mean correlate2D?"),
      (["chek"], "no command named 'chek': did you mean check?"),
      (["show", "x-filtr"], "no example named 'x-filtr': did you mean x-filter?"),
      (["check", "Convoluton"], "no chapter named 'Convoluton': did you mean Convolution?"),
      (["check", "--timout", "3"], "unknown option '--timout': did you mean --timeout?"),
    ])
  func suggestions(_ arguments: [String], _ message: String) {
    let outcome = runCompanion(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.errors == "companion: error: \(message)\n")
  }

  @Test("the distance between names counts insertions, deletions and substitutions")
  func distance() {
    #expect(editDistance("chek", "check") == 1)
    #expect(editDistance("", "abc") == 3)
    #expect(editDistance("kitten", "sitting") == 3)
    #expect(nearest(to: "zzz", among: ["check", "hint"]) == nil)
  }
}

@Suite("Text for people")
struct TextTests {
  @Test("every command's help fits in 100 columns")
  func helpWidth() {
    for command in commands {
      for line in command.help.split(separator: "\n") {
        #expect(line.count <= 100, "\(command.name): \(line)")
      }
    }
  }

  @Test("counts agree with their nouns")
  func plurals() {
    #expect(counted(1, "problem", "problems") == "1 problem")
    #expect(counted(2, "file name", "file names") == "2 file names")
    let one = runCompanion(["correlate", "-"], input: .text("1\n"))
    #expect(one.errors.contains("got 1 file name:"))
  }
}
