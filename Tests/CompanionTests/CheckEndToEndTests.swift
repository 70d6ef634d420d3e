import ExerciseKit
import Foundation
import Testing

@testable import CompanionCore

#if canImport(Glibc)
  import Glibc
#endif

#if COMPANION_END_TO_END

  /// `companion check` on a copy of the package in which a student has written some exercises,
  /// some wrong: the real build, the real test runs, the real report. Slow (the copy is built from
  /// nothing), so they run only with `COMPANION_END_TO_END=1`, as `.ci/run` does.
  @Suite(
    "companion check as a student meets it", .serialized)
  struct CheckEndToEndTests {
    static let copy = Result { try PackageCopy.make("check") }

    static func check(_ chapters: [String], timeout: Double = 60) throws -> [ChapterReport] {
      try Checker(root: try copy.get().root, timeout: timeout).run(chapters: chapters)
    }

    static func status(_ name: String, in reports: [ChapterReport]) -> ExerciseStatus? {
      reports.flatMap(\.exercises).first { $0.name == name }?.status
    }

    static func isFailing(_ status: ExerciseStatus?) -> Bool {
      if case .failing = status { return true }
      return false
    }

    @Test("[A] correlate2D with the stride ignored fails with its grid; zeroPad does not")
    func strideIgnored() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      try copy.plant("zeroPad")
      try copy.plant(
        "correlate2D", replacing: [("x[i * stride + k, j * stride + l]", "x[i + k, j + l]")])
      let reports = try Self.check(["Convolution"])
      guard case .failing(let failure) = Self.status("correlate2D", in: reports) else {
        Issue.record(
          "correlate2D is \(String(describing: Self.status("correlate2D", in: reports)))")
        return
      }
      #expect(failure.message.contains("expected"))
      #expect(failure.message.contains("computed"))
      #expect(!Self.isFailing(Self.status("zeroPad", in: reports)))
      #expect(Self.status("rotate180", in: reports) == .notWritten)
    }

    @Test("[B] zeroPad and correlate2D written right: both done, though the rest are stubs")
    func bothRight() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      try copy.plant("zeroPad")
      try copy.plant("correlate2D")
      let reports = try Self.check(["Convolution"])
      for name in ["zeroPad", "correlate2D"] {
        #expect(Self.status(name, in: reports) == .done, "\(name)")
      }
      #expect(reports[0].done == 2)
      #expect(reports[0].together.isEmpty)
    }

    @Test("[C] convolve2D without the flip fails; the exercises it calls do not")
    func missingFlip() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      for name in ["zeroPad", "correlate2D", "rotate180"] { try copy.plant(name) }
      try copy.plant(
        "convolve2D",
        replacing: [
          (
            "x[i * stride + kernel.rows - 1 - k, j * stride + kernel.columns - 1 - l]",
            "x[i * stride + k, j * stride + l]"
          )
        ])
      let reports = try Self.check(["Convolution"])
      #expect(Self.isFailing(Self.status("convolve2D", in: reports)))
      for name in ["zeroPad", "correlate2D", "rotate180"] {
        #expect(!Self.isFailing(Self.status(name, in: reports)), "\(name)")
      }
    }

    @Test("[D] ReLU'(0) taken as 1 fails while backpropagate, later, is still a stub")
    func wrongBeforeStub() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      try copy.plant("forwardPass")
      try copy.plant("derivative", replacing: [("$0 > 0 ? 1 : 0", "$0 >= 0 ? 1 : 0")])
      let reports = try Self.check(["Backprop"])
      #expect(Self.isFailing(Self.status("derivative", in: reports)))
      #expect(Self.status("backpropagate", in: reports) == .notWritten)
      #expect(!Self.isFailing(Self.status("forwardPass", in: reports)))
    }

    /// One catalog mistake in each of three chapters whose exercises share tests.
    static let sharedTests: [(chapter: String, exercise: String, mistake: String)] = [
      ("Backprop", "weightGradient", "the outer product is taken the wrong way round"),
      ("Folding", "foldingBackward", "relu'(0) is taken as 1"),
      ("Subgradients", "shallowGradient", "the ReLU gate is left out"),
    ]

    @Test(
      "[E] one mistake in a finished chapter: only that exercise fails, and Next names it",
      arguments: sharedTests.indices)
    func oneMistakeInAFinishedChapter(_ index: Int) throws {
      let (chapter, exercise, described) = Self.sharedTests[index]
      let copy = try Self.copy.get()
      try copy.reset()
      let tree = ExerciseTree(root: copy.root)
      let mistake = try #require(
        try ExerciseTree(root: PackageCopy.original).mistakes().first {
          $0.chapter == chapter
        }?.mistakes.first {
          $0.exercise == exercise && $0.mistake == described
        })
      for other in try tree.exercises() where other.chapter == chapter {
        try copy.plant(other.name)
      }
      try copy.plant(exercise, replacing: [(mistake.replace, mistake.with)])
      let reports = try Self.check([chapter])
      let failing = reports[0].exercises.filter { Self.isFailing($0.status) }.map(\.name)
      #expect(failing == [exercise])
      #expect(reports[0].done == reports[0].exercises.count - 1)
      let text = CheckText(
        chapters: reports, chapterOf: [:], unfinishedChapters: [], seconds: 1
      ).text
      #expect(text.contains("Next: \(exercise) in "), "\(text)")
    }

    @Test("[F] a chapter written from its last exercise to its first: each is judged at once")
    func reverseOrder() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      let tree = ExerciseTree(root: copy.root)
      let order = Curriculum.read(from: tree).teachingOrder(
        of: try tree.exercises().filter { $0.chapter == "Pooling" })
      var written: [String] = []
      for exercise in order.reversed() {
        try copy.plant(exercise.name)
        written.append(exercise.name)
        let report = try #require(try Self.check(["Pooling"]).first)
        for other in report.exercises {
          #expect(
            other.status == (written.contains(other.name) ? .done : .notWritten),
            "\(other.name) with \(written) written")
        }
        #expect(report.together.isEmpty)
      }
    }

    @Test("[G] two exercises right alone and wrong together: the chapter says so and is not done")
    func wrongTogether() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      // rotate180 right, but it leaves a mark that convolve2D reads: each passes its tests with
      // the reference standing in for the other, and together convolve2D forgets the flip.
      try copy.append(
        "\nnonisolated(unsafe) var rotations = 0\n", to: "Exercises/Convolution/Rotation.swift")
      try copy.plant(
        "rotate180", replacing: [("return flipped", "rotations += 1\n  return flipped")])
      try copy.plant(
        "convolve2D",
        replacing: [
          (
            "x[i * stride + kernel.rows - 1 - k, j * stride + kernel.columns - 1 - l]",
            "(rotations > 0 ? x[i * stride + k, j * stride + l] "
              + ": x[i * stride + kernel.rows - 1 - k, j * stride + kernel.columns - 1 - l])"
          )
        ])
      for name in ["zeroPad", "correlate2D"] { try copy.plant(name) }
      let reports = try Self.check(["Convolution"])
      let report = reports[0]
      for name in ["rotate180", "convolve2D", "zeroPad", "correlate2D"] {
        #expect(Self.status(name, in: reports) == .done, "\(name)")
      }
      // A test that runs both fails (others may too: the mark is global).
      #expect(
        report.together.contains {
          $0.alsoReached.contains("convolve2D") && $0.alsoReached.contains("rotate180")
        }, "\(report.together)")
      #expect(!report.isDone)
      let text = CheckText(
        chapters: reports, chapterOf: [:], unfinishedChapters: [], seconds: 1
      ).text
      #expect(text.contains("together, though each passes its tests on its own:"), "\(text)")
      #expect(text.contains("Next: Convolution: "), "\(text)")
      let json = checkJSON(reports, text: "", seconds: 1)
      #expect(json.contains("\"together\""))
    }

    @Test(
      "[H] an exercise that asks for the reference's body by the environment still runs its own")
    func askForTheReference() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      try copy.writeAskingForTheReference()
      let reports = try Self.check(["Dropout"])
      // The choice was read from the environment the test process started with.
      #expect(Self.isFailing(Self.status("dropoutMask", in: reports)))
    }

    @Test("the reference as a student's work: every exercise done, every test reaches one")
    func reference() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      let tree = ExerciseTree(root: copy.root)
      for exercise in try tree.exercises() { try copy.plant(exercise.name) }
      let chapters = Curriculum.read(from: tree).teachingOrder(of: try tree.chapters())
      let reports = try Self.check(chapters)
      for report in reports {
        #expect(report.problem == nil, "\(report.chapter)")
        #expect(report.done == report.exercises.count, "\(report.chapter)")
        #expect(report.testsPassed == report.testsRun && report.testsRun > 0, "\(report.chapter)")
      }
      // Every chapter test reaches an exercise, or attribution could not see it.
      for chapter in chapters {
        let run = ChapterTestRun(root: copy.root, timeout: 60).run(chapter)
        let blind = run.tests.filter(\.reached.isEmpty).map(\.id)
        #expect(blind.isEmpty, "\(chapter): \(blind)")
      }
    }

    @Test("a syntax error costs its chapter alone, reported once with file and line")
    func syntaxError() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      try copy.plant("maxPool2D")
      try copy.write("relu", body: "  let oops =\n  return map")
      let reports = try Self.check(["Convolution", "Pooling", "ConvNets"])
      let convolution = try #require(reports.first { $0.chapter == "Convolution" })
      let problem = try #require(convolution.problem)
      #expect(problem.hasPrefix("does not compile: Exercises/Convolution/ReLU.swift:"))
      #expect(
        Self.status("relu", in: reports) == .broken("does not compile (see above)"))
      let pooling = try #require(reports.first { $0.chapter == "Pooling" })
      #expect(pooling.problem == nil)
      #expect(pooling.testsRun > 0)
      let convNets = try #require(reports.first { $0.chapter == "ConvNets" })
      #expect(convNets.problem == "not checked: it builds on Convolution, which does not compile")
      let json = checkJSON(reports, text: "", seconds: 1)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
      let tests = try #require(object["tests"] as? [[String: Any]])
      let checked = try ExerciseTree(root: copy.root).exercises().filter {
        ["Convolution", "Pooling", "ConvNets"].contains($0.chapter)
      }
      #expect(tests.count == checked.count)
      #expect(Set(tests.compactMap { $0["status"] as? String }).isSubset(of: ["passed", "failed"]))
      // For programs: relu, where the chapter does not compile, is broken, the stubs of that
      // chapter and of the one built on it are unwritten; maxPool2D, written right, is done.
      let statuses = Dictionary(
        uniqueKeysWithValues: tests.compactMap { $0["extra_data"] as? [String: Any] }.map {
          ($0["exercise"] as? String ?? "", $0["status"] as? String ?? "")
        })
      for exercise in checked where exercise.chapter != "Pooling" {
        #expect(
          statuses["\(exercise.chapter)/\(exercise.name)"]
            == (exercise.name == "relu" ? "broken" : "unwritten"), "\(exercise.name)")
      }
      #expect(statuses["Pooling/maxPool2D"] == "done")
    }
  }

  /// The companion binary next to this test bundle.
  let companionBinary = URL(fileURLWithPath: CommandLine.arguments[0])
    .deletingLastPathComponent().appendingPathComponent("companion")

  /// Starts `companion ARGUMENTS` in `root`, its output and errors going to the file `log` there
  /// (made empty first).
  func startCompanion(_ arguments: [String], in root: URL, log name: String) throws -> (
    Process, URL
  ) {
    let log = root.appendingPathComponent(name)
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let process = Process()
    process.executableURL = companionBinary
    process.arguments = arguments
    process.currentDirectoryURL = root
    process.standardOutput = try FileHandle(forWritingTo: log)
    process.standardError = process.standardOutput
    try process.run()
    return (process, log)
  }

  @Suite(
    "companion check stops by itself and when stopped", .serialized)
  struct CheckStopTests {
    static let copy = Result {
      let copy = try PackageCopy.make("stop")
      try copy.plant("pooledLength")
      try copy.write(
        "maxPool2D", body: "  var spin = 0\n  while input.rows > 0 { spin &+= 1 }\n  return input")
      return copy
    }

    /// Starts `companion ARGUMENTS` in the copy; its output goes to a file.
    static func start(_ arguments: [String]) throws -> (Process, URL) {
      try startCompanion(
        arguments, in: try copy.get().root, log: "companion-\(UUID().uuidString).log")
    }

    /// The processes whose command line names the copy, other than `except`.
    static func leftovers(except: Int32) throws -> [String] {
      let root = try copy.get().root.path
      let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
      return pids.compactMap { pid -> String? in
        guard let number = Int32(pid), number != except, number != getpid(),
          let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
        else { return nil }
        let line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
        return line.contains(root) ? line : nil
      }
    }

    static func wait(_ process: Process, seconds: Double) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while process.isRunning && Date() < deadline { usleep(50_000) }
      return !process.isRunning
    }

    @Test("an endless loop: the exercise fails at the time limit, the others are reported")
    func timeLimit() throws {
      guard FileManager.default.fileExists(atPath: companionBinary.path) else {
        Issue.record("no companion binary at \(companionBinary.path): swift build first")
        return
      }
      let (process, log) = try Self.start(["check", "Pooling", "--timeout", "5"])
      guard Self.wait(process, seconds: 240) else {
        process.terminate()
        Issue.record("check did not end by itself")
        return
      }
      let text = try String(contentsOf: log, encoding: .utf8)
      #expect(process.terminationStatus == 1)
      #expect(text.contains("did not finish in 5 s (an endless loop?)"), "\(text)")
      #expect(text.contains("✘ maxPool2D"))
      #expect(text.contains("pooledLength") && !text.contains("✘ pooledLength"))
      #expect(text.contains("· averagePool2D"))
    }

    @Test("SIGINT and SIGTERM end every process check started; the next check works")
    func interrupted() throws {
      guard FileManager.default.fileExists(atPath: companionBinary.path) else {
        Issue.record("no companion binary at \(companionBinary.path): swift build first")
        return
      }
      for signal in [SIGINT, SIGTERM] {
        let (process, _) = try Self.start(["check", "Pooling"])
        // Wait until the tests are running (the endless loop holds them), then stop check.
        let deadline = Date().addingTimeInterval(240)
        while try !Self.leftovers(except: process.processIdentifier).contains(where: {
          $0.contains("xctest")
        }) && Date() < deadline {
          usleep(100_000)
        }
        kill(process.processIdentifier, signal)
        guard Self.wait(process, seconds: 10) else {
          kill(process.processIdentifier, SIGKILL)
          Issue.record("check did not exit after signal \(signal)")
          return
        }
        #expect(process.terminationStatus == 128 + signal)
        #expect(try Self.leftovers(except: process.processIdentifier) == [])
      }
      // The next check works, and with --format json exits 0 since it wrote its report.
      let (again, log) = try Self.start(["check", "Pooling", "--timeout", "3", "--format", "json"])
      guard Self.wait(again, seconds: 120) else {
        again.terminate()
        Issue.record("the check after an interrupted one hangs")
        return
      }
      #expect(again.terminationStatus == 0)
      #expect(try String(contentsOf: log, encoding: .utf8).contains("did not finish in 3 s"))
    }
  }
#endif
