import CompanionCore
import Convolution
import LectureKit
import Testing

/// `companion bench`: its mistakes, and a tiny run. Its figures are checked by reading them,
/// never by a timed test.
@Suite("companion bench")
struct BenchCommandTests {
  static let mistakes: [([String], String)] = [
    (["--size", "2"], "--size takes an image side from 3 to 4096, not 2"),
    (["--size", "5000"], "--size takes an image side from 3 to 4096, not 5000"),
    (["--size", "-16"], "--size takes an image side from 3 to 4096, not -16"),
    (["--size", "big"], "--size takes a whole number, not 'big'"),
    (["--size"], "--size needs a value"),
    (["--size", "16", "--size", "32"], "--size is given twice"),
    (["--fast"], "unknown option '--fast'"),
    (["512"], "bench takes no file or name, but was given '512'"),
    (
      ["--paths", "fft,slow"],
      "--paths takes plain, fast and fft, separated by commas, not 'fft,slow'"
    ),
    (["--paths", ""], "--paths takes plain, fast and fft, separated by commas, not ''"),
    (["--growth-to", "128"], "--growth-to takes a side from 256 to 4096, not 128"),
    (["--growth-to", "8192"], "--growth-to takes a side from 256 to 4096, not 8192"),
  ]

  @Test("a bad option is one line on standard error and exit status 2", arguments: mistakes)
  func mistake(_ arguments: [String], _ message: String) {
    let outcome = runCompanion(["bench"] + arguments)
    #expect(outcome.status == 2)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors == "companion: error: \(message)\n")
  }

  @Test("a quick run prints both tables, the crossover and the peak memory")
  func quickRun() {
    let outcome = runCompanion(["bench", "--quick", "--size", "16"])
    #expect(outcome.status == 0)
    #expect(outcome.errors.isEmpty)
    let output = outcome.output
    for expected in [
      "Image 16 x 16:", "  3 x 3       196", "  5 x 5       144", "Crossover on the 16 x 16 image",
      "Growth with the image side n, 3 x 3 kernel", "    16", "    32", "ContinuousClock",
    ] {
      #expect(output.contains(expected), "missing \(expected)")
    }
    #expect(
      output.contains("Peak memory of the fast loop on a 32 x 32 image")
        || output.contains("not measured"))
    #expect(!output.contains("goal:"), "the memory goal is for 2048 x 2048 only")
    switch ConvolutionChapter.track {
    case .solutions: #expect(!output.contains("not written"))
    case .exercises: #expect(output.contains("not written"))
    }
  }

  @Test("--paths times only the paths asked for; the growth table adds every core and the speed-up")
  func chosenPaths() {
    let outcome = runCompanion(["bench", "--quick", "--size", "16", "--paths", "fft,fast"])
    #expect(outcome.status == 0)
    let output = outcome.output
    #expect(!output.contains("plain loop"), "the plain loop was not asked for")
    #expect(output.contains("fast loop") && output.contains("FFT"))
    #expect(output.contains("speed-up") && output.contains("cores"))
    let fftOnly = runCompanion(["bench", "--quick", "--size", "16", "--paths", "fft"]).output
    #expect(!fftOnly.contains("Crossover"), "the crossover needs both fast paths")
    #expect(!fftOnly.contains("Peak memory"), "the peak memory is the fast loop's")
  }

  @Test("a side smaller than a kernel leaves the kernel out")
  func smallSide() {
    let outcome = runCompanion(["bench", "--quick", "--size", "4"])
    #expect(outcome.status == 0)
    #expect(outcome.output.contains("  3 x 3         4"))
    #expect(!outcome.output.contains("  5 x 5"))
    #expect(outcome.output.contains("(kernels larger than the image are left out)"))
  }

  @Test("help bench says how to build it for speed")
  func help() {
    let outcome = runCompanion(["help", "bench"])
    #expect(outcome.status == 0)
    #expect(outcome.output.contains("swift run -c release companion bench"))
  }
}
