import ExerciseKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

#if COMPANION_END_TO_END

  /// The Gradescope autograder (`Autograder/`) run here on simulated submissions, with
  /// `AUTOGRADER_ROOT` in a temporary folder: setup.sh (Swift is already installed, so it only
  /// creates the user, builds the tool and warms the build), then run_autograder per submission.
  /// Needs root (it creates a user) and `COMPANION_END_TO_END=1`, as `.ci/run` gives it.
  @Suite(
    "The autograder on simulated submissions", .serialized,
    .enabled(if: getuid() == 0, "needs root: it creates a user"))
  struct AutograderTests {
    /// The autograder's root, with source/ laid out as the zip would be and setup.sh run.
    static let root = Result { () throws -> URL in
      let root = try PackageCopy.freshFolder("autograder")
      let made = try shell(
        [
          PackageCopy.original.appendingPathComponent("Autograder/make-zip.sh").path, "--folder",
          root.appendingPathComponent("source").path,
        ], root: root)
      guard made.status == 0 else { throw PlantError(problem: "make-zip.sh: \(made.output)") }
      let setup = try shell([root.appendingPathComponent("source/setup.sh").path], root: root)
      guard setup.status == 0 else { throw PlantError(problem: "setup.sh: \(setup.output)") }
      // Gradescope runs a copy of run_autograder from the root, not the one in source/.
      try FileManager.default.copyItem(
        at: root.appendingPathComponent("source/run_autograder"),
        to: root.appendingPathComponent("run_autograder"))
      return root
    }

    /// Runs a program with `AUTOGRADER_ROOT` set; its status and output.
    static func shell(_ arguments: [String], root: URL) throws -> (status: Int32, output: String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["AUTOGRADER_ROOT"] = root.path
      environment["COMPANION_TIMEOUT"] = "20"
      process.environment = environment
      let log = root.appendingPathComponent("log-\(UUID().uuidString).txt")
      FileManager.default.createFile(atPath: log.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: log)
      process.standardError = process.standardOutput
      try process.run()
      process.waitUntilExit()
      return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    /// Grades the `Exercises/` of `copy` as a submission; the results.json it wrote.
    static func grade(_ copy: PackageCopy, asWholeCheckout: Bool = true) throws -> [String: Any] {
      let root = try Self.root.get()
      let submission = root.appendingPathComponent("submission")
      try? FileManager.default.removeItem(at: submission)
      try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
      if asWholeCheckout {
        // A whole checkout, tests and manifest included: only Exercises/ may count.
        try FileManager.default.createDirectory(
          at: submission.appendingPathComponent("repo"), withIntermediateDirectories: true)
        for item in ["Package.swift", "Tests", "Solutions", "Exercises"] {
          try FileManager.default.copyItem(
            at: copy.root.appendingPathComponent(item),
            to: submission.appendingPathComponent("repo/\(item)"))
        }
      } else {
        for chapter in ["Dropout", "Pooling"] {
          try FileManager.default.copyItem(
            at: copy.root.appendingPathComponent("Exercises/\(chapter)"),
            to: submission.appendingPathComponent(chapter))
        }
      }
      let results = root.appendingPathComponent("results/results.json")
      try? FileManager.default.removeItem(at: results)
      let run = try shell([root.appendingPathComponent("run_autograder").path], root: root)
      #expect(run.status == 0, "\(run.output)")
      let data = try Data(contentsOf: results)
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Dropout written right, a syntax error in Pooling.
    static func honest() throws -> PackageCopy {
      let copy = try PackageCopy.make("submission")
      for name in ["dropoutMask", "applyDropoutMask", "dropoutForward", "dropoutBackward"] {
        try copy.plant(name)
      }
      try copy.plant("testTimeWeights")
      try copy.write("maxPool2D", body: "  let oops =")
      return copy
    }

    static func score(of tests: [[String: Any]], chapter: String) -> Int {
      tests.filter { ($0["name"] as? String)?.hasPrefix(chapter + ":") == true }
        .compactMap { $0["score"] as? Int }.reduce(0, +)
    }

    @Test("one chapter broken: it costs that chapter alone; the results are Gradescope's")
    func oneChapterBroken() throws {
      let results = try Self.grade(try Self.honest())
      let tests = try #require(results["tests"] as? [[String: Any]])
      #expect(tests.count == 76)
      #expect(results["score"] as? Int == 5)
      #expect(Self.score(of: tests, chapter: "Dropout") == 5)
      #expect(results["execution_time"] is Int)
      for test in tests {
        #expect(["passed", "failed"].contains(test["status"] as? String))
        #expect(test["max_score"] as? Int == 1)
      }
      let maxPool = try #require(tests.first { $0["name"] as? String == "Pooling: maxPool2D" })
      #expect((maxPool["output"] as? String)?.contains("does not compile") == true)
    }

    @Test("just the chapter folders count the same as a whole checkout")
    func chapterFolders() throws {
      let results = try Self.grade(try Self.honest(), asWholeCheckout: false)
      #expect(results["score"] as? Int == 5)
    }

    @Test("a submission that forges results.json and edits a test does not change its grade")
    func forgery() throws {
      let root = try Self.root.get()
      let honest = try Self.grade(try Self.honest())
      let copy = try Self.honest()
      let testFile = root.appendingPathComponent("work/package/Tests/DropoutTests/MaskTests.swift")
      let before = try Data(contentsOf: testFile)
      let forged = root.appendingPathComponent("results/results.json").path
      // Every test of dropoutMask runs this: it writes a perfect score where the grader's results
      // go, rewrites a test, and then answers like the reference.
      let reference = try ExerciseTree(root: copy.root).exercises()
        .first { $0.name == "dropoutMask" }!.body.joined(separator: "\n")
      try copy.write(
        "dropoutMask",
        body: """
            _ = try? #"{"score": 76, "tests": []}"#.write(
              toFile: "\(forged)", atomically: false, encoding: .utf8)
            _ = try? "// nothing to test".write(
              toFile: "\(testFile.path)", atomically: false, encoding: .utf8)
          \(reference)
          """)
      try copy.append("\nimport Foundation\n", to: "Exercises/Dropout/Mask.swift")
      let results = try Self.grade(copy)
      #expect(results["score"] as? Int == honest["score"] as? Int)
      let tests = try #require(results["tests"] as? [[String: Any]])
      #expect(tests.count == 76)
      #expect(try Data(contentsOf: testFile) == before)
    }

    @Test("a submission that asks for the reference's body of its own exercise gets no point")
    func askForTheReference() throws {
      let root = try Self.root.get()
      let honest = try Self.grade(try Self.honest())
      let copy = try Self.honest()
      try copy.writeAskingForTheReference()
      let results = try Self.grade(copy)
      let tests = try #require(results["tests"] as? [[String: Any]])
      let mask = try #require(tests.first { $0["name"] as? String == "Dropout: dropoutMask" })
      #expect(mask["score"] as? Int == 0)
      #expect((results["score"] as? Int ?? 99) < (honest["score"] as? Int ?? 0))
      // The graded build holds no reference code: no second body to pick, none to call.
      let traced = root.appendingPathComponent(
        "work/package/.build-exercises/traced/Exercises/Dropout/Mask.swift")
      let text = try String(contentsOf: traced, encoding: .utf8)
      #expect(text.contains("ExerciseTrace.enter(\"dropoutMask\")"))
      #expect(!text.contains("runsStudentBody"))
      #expect(!text.contains("Double.random(in: 0..<1, using: &generator)"))
    }
  }
#endif
