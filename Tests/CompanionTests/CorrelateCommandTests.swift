import CompanionCore
import Convolution
import Foundation
import LectureKit
import Testing

/// `companion correlate` and `companion convolve`, on matrix files in a temporary folder. What
/// they print depends on the chapter's code, so the tests branch on the track; their mistakes
/// are caught before any chapter code runs, the same on both tracks.
@Suite("companion correlate and convolve")
struct CorrelateCommandTests {
  /// The files of the temporary folder: the lecture's matrices and some broken ones.
  static let files: [String: String] = [
    "x.txt": "# the 9x9 X\n" + Lecture.xImage.description + "\n",
    "diagonal.txt": Lecture.diagonalFilter.alignedDescription + "\n",
    "four-by-four.txt": Lecture.fourByFourImage.description,
    "filter.txt": "-1/2, 1, -1/2\n-1/2\t1\t-1/2  # tabs\n\n-0.5 1 -.5\n",
    "kernel.txt": "1 0 -1\n2 1 0\n",
    "big.txt": "1 1 1 1 1\n",
    "ragged.txt": "1 2 3\n4 5\n",
    "word.txt": "1 2\n3 four\n",
    "nan.txt": "1 nan\n",
    "infinite.txt": "1e999 1\n",
    "zero.txt": "1 1/0\n",
    "empty.txt": "# only a comment\n\n",
  ]

  /// Runs the tool with every `@name` argument turned into the path of that file of ``files``,
  /// written to a fresh temporary folder (with a folder named `folder.txt`) that is removed
  /// afterwards.
  static func run(_ arguments: [String], input: String = "") -> Outcome {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-correlate-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try? FileManager.default.createDirectory(
      at: folder.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
    for (name, text) in files where arguments.contains("@" + name) {
      try? Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    let paths = arguments.map {
      $0.hasPrefix("@") ? folder.appendingPathComponent(String($0.dropFirst())).path : $0
    }
    return runCompanion(paths, input: .text(input))
  }

  /// What a command prints on success: the output on the solutions track, and on the exercises
  /// track (where the chapter's functions are stubs) one line naming the missing exercise.
  static func expectPrints(
    _ outcome: Outcome, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    switch ConvolutionChapter.track {
    case .solutions:
      #expect(outcome.status == 0, sourceLocation: sourceLocation)
      #expect(outcome.errors.isEmpty, "\(outcome.errors)", sourceLocation: sourceLocation)
      #expect(outcome.output == expected, sourceLocation: sourceLocation)
    case .exercises:
      #expect(outcome.status == 2, sourceLocation: sourceLocation)
      #expect(outcome.output.isEmpty, sourceLocation: sourceLocation)
      #expect(outcome.errors.contains("is not written yet"), sourceLocation: sourceLocation)
    }
  }

  @Test("E1.4 correlate x.txt diagonal.txt --mean --slide prints the slide's map")
  func slideMap() {
    let outcome = Self.run(["correlate", "@x.txt", "@diagonal.txt", "--mean", "--slide"])
    Self.expectPrints(outcome, Lecture.xFilters[0].mapSlide.joined(separator: "\n") + "\n")
  }

  @Test("E3 the 4x4 exercise, the filter on standard input, fractions in it")
  func fourByFour() {
    let outcome = Self.run(
      ["correlate", "@four-by-four.txt", "-"], input: "-1/2 1 -1/2\n-1/2 1 -1/2\n-1/2 1 -1/2\n")
    Self.expectPrints(outcome, "2.0 -2.0\n-1.0 1.0\n")
    Self.expectPrints(
      Self.run(["convolve", "@four-by-four.txt", "@filter.txt"]), "2.0 -2.0\n-1.0 1.0\n")
  }

  @Test("E1.1 --mean prints Double's description, which reads back as the same number")
  func exactNumbers() {
    let outcome = Self.run(["correlate", "@x.txt", "@diagonal.txt", "--mean"])
    Self.expectPrints(outcome, Lecture.xFilters[0].map.description + "\n")
    guard outcome.status == 0 else { return }
    let first = outcome.output.split(separator: " ").first.map(String.init) ?? ""
    #expect(first == "0.7777777777777778" && Double(first) == 7.0 / 9.0)
  }

  @Test("E6.1 convolve flips the kernel, correlate does not (scipy's values)")
  func flip() {
    let image = "3 1 4 1 5\n9 2 6 5 3\n5 8 9 7 9\n3 2 3 8 4\n"
    // scipy.signal.correlate2d and convolve2d(image, kernel, mode='valid')
    Self.expectPrints(
      Self.run(["correlate", "-", "@kernel.txt"], input: image),
      "19.0 10.0 16.0\n21.0 22.0 28.0\n4.0 8.0 14.0\n")
    Self.expectPrints(
      Self.run(["convolve", "-", "@kernel.txt"], input: image),
      "6.0 9.0 8.0\n18.0 15.0 11.0\n26.0 29.0 26.0\n")
  }

  @Test("E4.2 --stride and --padding: a number, same, full")
  func strideAndPadding() {
    let image = "3 1 4 1 5\n9 2 6 5 3\n5 8 9 7 9\n3 2 3 8 4\n"
    // scipy.signal.correlate2d(np.pad(image, 1), kernel, mode='valid')[::2, ::2]
    Self.expectPrints(
      Self.run(["correlate", "-", "@kernel.txt", "--stride", "2", "--padding", "1"], input: image),
      "3.0 6.0 7.0\n3.0 22.0 28.0\n-2.0 -6.0 8.0\n")
    // scipy.signal.convolve2d(image, kernel, mode='same')
    Self.expectPrints(
      Self.run(["convolve", "-", "@kernel.txt", "--padding", "same"], input: image),
      "1.0 1.0 0.0 1.0 -1.0\n7.0 6.0 9.0 8.0 0.0\n21.0 18.0 15.0 11.0 -4.0\n"
        + "23.0 26.0 29.0 26.0 1.0\n")
    // A 1x1 image with padding 2 is 5x5; a 5-wide kernel fits it once per row.
    Self.expectPrints(
      Self.run(["correlate", "-", "@big.txt", "--padding", "2", "--slide"], input: "7\n"),
      "0.00\n0.00\n7.00\n0.00\n0.00\n")
    Self.expectPrints(
      Self.run(["correlate", "-", "@big.txt", "--padding", "full"], input: "2"),
      "2.0 2.0 2.0 2.0 2.0\n")
  }

  /// Arguments that must stop with one line on stderr and status 2, and a part of that line.
  static let badInputs: [([String], String)] = [
    (["correlate", "@missing.txt", "@diagonal.txt"], "missing.txt: no such file"),
    (["correlate", "@folder.txt", "@diagonal.txt"], "cannot read this file"),
    (["correlate", "@ragged.txt", "@diagonal.txt"], "ragged.txt:2: this row has 2 entries"),
    (["convolve", "@x.txt", "@word.txt"], "word.txt:2:3: 'four' is not a finite number"),
    (["correlate", "@x.txt", "@nan.txt"], "nan.txt:1:3: 'nan' is not a finite number"),
    (["correlate", "@x.txt", "@infinite.txt"], "'1e999' is not a finite number"),
    (["correlate", "@x.txt", "@zero.txt"], "zero.txt:1:3: '1/0' is not a finite number"),
    (["correlate", "@empty.txt", "@diagonal.txt"], "empty.txt: holds no matrix"),
    (["correlate", "@diagonal.txt", "@x.txt"], "a 9 x 9 kernel does not fit inside a 3 x 3"),
    (["convolve", "@diagonal.txt", "@x.txt", "--padding", "2"], "padded to 7 x 7"),
    (["correlate", "@x.txt", "@big.txt", "--stride", "0"], "--stride must be at least 1, not 0"),
    (["correlate", "@x.txt", "@big.txt", "--stride", "-2"], "at least 1, not -2"),
    (["correlate", "@x.txt", "@big.txt", "--stride", "two"], "--stride takes a whole number"),
    (["correlate", "@x.txt", "@big.txt", "--stride"], "--stride needs a value"),
    (["correlate", "@x.txt", "@big.txt", "--padding", "-1"], "not '-1'"),
    (["correlate", "@x.txt", "@big.txt", "--padding", "middle"], "not 'middle'"),
    (["correlate", "@x.txt", "@big.txt", "--padding", "1000000"], "not '1000000'"),
    (["correlate", "@x.txt", "@big.txt", "--padding", "same", "--stride", "2"], "stride 1 only"),
    (["convolve", "@x.txt", "@big.txt", "--padding", "full", "--stride", "3"], "stride 1 only"),
    (["correlate", "@x.txt", "@big.txt", "--frobnicate"], "unknown option '--frobnicate'"),
    (["correlate", "@x.txt", "@big.txt", "-s"], "unknown option '-s'"),
    (["convolve", "-", "-"], "only one of IMAGE and KERNEL can be `-`"),
    (["correlate", "@x.txt"], "takes an image file and a kernel file"),
    (["correlate"], "takes an image file and a kernel file"),
    (["convolve", "@x.txt", "@big.txt", "@big.txt"], "got 3 file names"),
    (["correlate", "-", "@big.txt"], "-: holds no matrix"),
  ]

  @Test(
    "bad input: one line on stderr, status 2, nothing on stdout, never a trap", arguments: badInputs
  )
  func mistakes(_ example: ([String], String)) {
    let (arguments, message) = example
    let outcome = Self.run(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors.hasPrefix("companion: error: "))
    #expect(outcome.errors.filter { $0 == "\n" }.count == 1 && outcome.errors.hasSuffix("\n"))
    #expect(outcome.errors.contains(message), "\(outcome.errors)")
  }

  @Test("help correlate and help convolve print the usage")
  func help() {
    for name in ["correlate", "convolve"] {
      let outcome = runCompanion(["help", name])
      #expect(outcome.status == 0)
      #expect(outcome.output.hasPrefix("usage: companion \(name) IMAGE KERNEL"))
    }
  }

  @Test("Examples/ holds the lecture's matrices, as the tool reads them")
  func examplesFolder() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")
    let expected: [(String, Matrix)] = [
      ("x.txt", Lecture.xImage), ("diagonal.txt", Lecture.diagonalFilter),
      ("centre-x.txt", Lecture.centreXFilter), ("anti-diagonal.txt", Lecture.antiDiagonalFilter),
      ("four-by-four.txt", Lecture.fourByFourImage),
      ("four-by-four-filter.txt", Lecture.fourByFourFilter),
    ]
    for (name, matrix) in expected {
      let path = root.appendingPathComponent(name).path
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(try parseMatrix(text, name: name) == matrix, "\(name)")
    }
  }
}
