import ExerciseKit
import Foundation
import Testing

@testable import CompanionCore

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
    static func shell(
      _ arguments: [String], root: URL, environment more: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["AUTOGRADER_ROOT"] = root.path
      environment["COMPANION_TIMEOUT"] = "20"
      for (name, value) in more { environment[name] = value }
      process.environment = environment
      let log = root.appendingPathComponent("log-\(UUID().uuidString).txt")
      FileManager.default.createFile(atPath: log.path, contents: nil)
      process.standardOutput = try FileHandle(forWritingTo: log)
      process.standardError = process.standardOutput
      try process.run()
      process.waitUntilExit()
      return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    /// How a submission is laid out.
    enum Layout {
      /// A whole checkout, tests and manifest included: only Exercises/ may count.
      case wholeCheckout
      /// Just these chapter folders at the top.
      case chapterFolders([String])
    }

    /// One grading: the results.json, how long run_autograder took, and the processes of the
    /// student's user still there after it.
    struct Graded {
      let results: [String: Any]
      let seconds: Double
      let leftOver: [String]

      var tests: [[String: Any]] { results["tests"] as? [[String: Any]] ?? [] }
      var score: Int { results["score"] as? Int ?? -1 }
      var output: String { results["output"] as? String ?? "" }

      /// The entry of one exercise.
      func test(_ exercise: String) -> [String: Any] {
        tests.first { ($0["name"] as? String)?.hasSuffix(": \(exercise)") == true } ?? [:]
      }

      func points(_ exercise: String) -> Int { test(exercise)["score"] as? Int ?? -1 }

      func message(_ exercise: String) -> String { test(exercise)["output"] as? String ?? "" }
    }

    /// Grades the `Exercises/` of `copy` as a submission (with `extra` files laid beside it).
    static func grade(
      _ copy: PackageCopy, layout: Layout = .wholeCheckout, extra: [String: String] = [:],
      environment: [String: String] = [:]
    ) throws -> Graded {
      let root = try Self.root.get()
      let submission = root.appendingPathComponent("submission")
      try? FileManager.default.removeItem(at: submission)
      try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
      switch layout {
      case .wholeCheckout:
        try FileManager.default.createDirectory(
          at: submission.appendingPathComponent("repo"), withIntermediateDirectories: true)
        for item in ["Package.swift", "Tests", "Solutions", "Exercises"] {
          try FileManager.default.copyItem(
            at: copy.root.appendingPathComponent(item),
            to: submission.appendingPathComponent("repo/\(item)"))
        }
      case .chapterFolders(let chapters):
        for chapter in chapters {
          try FileManager.default.copyItem(
            at: copy.root.appendingPathComponent("Exercises/\(chapter)"),
            to: submission.appendingPathComponent(chapter))
        }
      }
      for (path, text) in extra {
        let url = submission.appendingPathComponent(path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      }
      let results = root.appendingPathComponent("results/results.json")
      try? FileManager.default.removeItem(at: results)
      let start = Date()
      let run = try shell(
        [root.appendingPathComponent("run_autograder").path], root: root, environment: environment)
      let seconds = Date().timeIntervalSince(start)
      #expect(run.status == 0, "\(run.output)")
      let data = try Data(contentsOf: results)
      let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      return Graded(results: object, seconds: seconds, leftOver: studentProcesses())
    }

    /// The processes of the student's user now, as `PID command`.
    static func studentProcesses() -> [String] {
      guard let user = getpwnam("companion-student")?.pointee.pw_uid else { return [] }
      return processes(of: user).map { pid in
        let command = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        return "\(pid) \(command.trimmingCharacters(in: .whitespacesAndNewlines))"
      }
    }

    /// The number of exercises of the package.
    static var exerciseCount: Int {
      (try? ExerciseTree(root: PackageCopy.original).exercises().count) ?? 0
    }

    /// Writes an attack into `exercise`'s body, followed by the reference's body (`answering`)
    /// or by the stub's (not answering), and lets its file use Foundation.
    static func attack(
      _ exercise: String, in copy: PackageCopy, with code: String, answering: Bool
    ) throws {
      let reference = try #require(
        try ExerciseTree(root: copy.root).exercises().first { $0.name == exercise })
      let ending = answering ? reference.body : reference.stub
      try copy.write(exercise, body: code + "\n" + ending.joined(separator: "\n"))
      try copy.append("\nimport Foundation\n", to: "Exercises/" + reference.file)
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
      let graded = try Self.grade(try Self.honest())
      #expect(graded.tests.count == Self.exerciseCount)
      #expect(graded.score == 5)
      #expect(Self.score(of: graded.tests, chapter: "Dropout") == 5)
      #expect(graded.results["execution_time"] is Int)
      for test in graded.tests {
        #expect(["passed", "failed"].contains(test["status"] as? String))
        #expect(test["max_score"] as? Int == 1)
      }
      #expect(graded.message("maxPool2D").contains("does not compile"))
      #expect(graded.leftOver.isEmpty, "\(graded.leftOver)")
    }

    @Test("chapter folders count as a whole checkout does; files left out are named, with the fix")
    func chapterFolders() throws {
      let graded = try Self.grade(
        try Self.honest(), layout: .chapterFolders(["Dropout", "Pooling"]),
        extra: [
          "Convolution/correlation.swift": "// a wrong name", "Mask.swift": "// no folder",
          "Exercises/Dropuot/Mask.swift": "// a misspelt chapter",
        ])
      #expect(graded.score == 5)
      let taken = ["Dropout", "Pooling"].map { chapter in
        ExerciseTree(root: PackageCopy.original).files(in: "Exercises/\(chapter)")
          .filter { $0.hasSuffix(".swift") }.count
      }.reduce(0, +)
      #expect(graded.output.contains("Taken from the submission: \(taken) files of Exercises/."))
      #expect(
        graded.output.contains(
          "Convolution/correlation.swift: Exercises/Convolution has no file correlation.swift; "
            + "rename it to Correlation.swift"))
      #expect(
        graded.output.contains(
          "Mask.swift: not in a chapter folder; upload it as Exercises/Dropout/Mask.swift"))
      #expect(
        graded.output.contains(
          "Exercises/Dropuot/Mask.swift: there is no chapter Dropuot; rename the folder to Dropout")
      )
    }

    @Test("forged results, rewritten reports, the reference read or run: no point gained")
    func forgers() throws {
      let root = try Self.root.get()
      let copy = try PackageCopy.make("submission")
      for name in ["applyDropoutMask", "dropoutForward", "dropoutBackward"] { try copy.plant(name) }
      try copy.writeAskingForTheReference()
      let testFile = root.appendingPathComponent("work/package/Tests/DropoutTests/MaskTests.swift")
      let before = try Data(contentsOf: testFile)
      try Self.attack(
        "testTimeWeights", in: copy,
        with: Attack.forgeResults(
          at: root.appendingPathComponent("results/results.json").path, emptying: testFile.path),
        answering: true)
      try Self.attack("correlate2D", in: copy, with: Attack.rewriteReports, answering: false)
      try Self.attack("reluSubgradient", in: copy, with: Attack.stealDescriptors, answering: false)
      try Self.attack(
        "maxPool2D", in: copy, with: Attack.readTheReference(root: root.path), answering: false)
      let graded = try Self.grade(copy)
      #expect(graded.tests.count == Self.exerciseCount)
      // The forger answers like the reference: its point is earned. The others win none.
      #expect(graded.points("testTimeWeights") == 1)
      for attacker in ["dropoutMask", "correlate2D", "reluSubgradient", "maxPool2D"] {
        #expect(graded.points(attacker) == 0, "\(attacker): \(graded.message(attacker))")
      }
      for chapter in ["Convolution", "Pooling", "Subgradients"] {
        #expect(Self.score(of: graded.tests, chapter: chapter) == 0)
      }
      #expect(graded.score <= 4)
      #expect(try Data(contentsOf: testFile) == before)
      #expect(!String(describing: graded.results).contains("LEAKED"))
      // The rewritten reports said correlate2D passed; the probe did not agree.
      #expect(
        graded.message("correlate2D").contains("not the reference's"),
        "\(graded.message("correlate2D"))")
      #expect(graded.leftOver.isEmpty, "\(graded.leftOver)")
      // The graded build holds no reference code: no second body to pick, none to call.
      let traced = root.appendingPathComponent(
        "work/package/.build-exercises/traced/Exercises/Dropout/Mask.swift")
      let text = try String(contentsOf: traced, encoding: .utf8)
      #expect(text.contains("ExerciseTrace.enter(\"dropoutMask\")"))
      #expect(!text.contains("runsStudentBody"))
      #expect(!text.contains("Double.random(in: 0..<1, using: &generator)"))
    }

    @Test("exit(0) and abort mid-test are found like a trap; 20 MB of output costs nothing")
    func stoppers() throws {
      /// Pooling, Backprop and Subgradients written right; maxPool2D stops its process on its
      /// fifth call with `exitWith`, softmax on its third with `abortWith`.
      func submission(exitWith: String, abortWith: String) throws -> PackageCopy {
        let copy = try PackageCopy.make("submission")
        for exercise in try ExerciseTree(root: copy.root).exercises()
        where ["Pooling", "Backprop", "Subgradients"].contains(exercise.chapter) {
          try copy.plant(exercise.name)
        }
        try Self.attack(
          "maxPool2D", in: copy, with: Attack.stopMidTest(with: exitWith, onCall: 5),
          answering: true)
        try Self.attack(
          "softmax", in: copy, with: Attack.stopMidTest(with: abortWith, onCall: 3), answering: true
        )
        try Self.attack(
          "reluSubgradient", in: copy, with: Attack.megabytesOfOutput, answering: true)
        return copy
      }
      let graded = try Self.grade(try submission(exitWith: "exit(0)", abortWith: "abort()"))
      #expect(graded.points("maxPool2D") == 0)
      #expect(graded.message("maxPool2D").contains("ended the test process (exit status 0)"))
      #expect(graded.points("softmax") == 0)
      #expect(graded.message("softmax").contains("signal 6"), "\(graded.message("softmax"))")
      // Output is no fault: the noisy exercise is right.
      #expect(
        graded.points("reluSubgradient") == 1, "\(graded.message("reluSubgradient"))")
      #expect(Self.score(of: graded.tests, chapter: "Subgradients") == 8)
      #expect(graded.leftOver.isEmpty, "\(graded.leftOver)")
      // Exactly as a trap at the same place: the same points for every exercise. (Exercises
      // whose tests or probes also call the stopper cannot be shown right without it: the
      // graded build has no reference to stand in.)
      let trapped = try Self.grade(
        try submission(exitWith: "fatalError(\"stop\")", abortWith: "fatalError(\"stop\")"))
      for test in trapped.tests {
        let name = test["name"] as? String ?? ""
        #expect(
          graded.points(String(name.split(separator: " ").last!)) == test["score"] as? Int,
          "\(name): \(graded.message(String(name.split(separator: " ").last!)))")
      }
      #expect(Self.score(of: graded.tests, chapter: "Pooling") > 0)
    }

    @Test("a sleeper that leaves its group, a fork of many processes, an endless loop per chapter")
    func hangers() throws {
      let copy = try PackageCopy.make("submission")
      try Self.attack("dropoutMask", in: copy, with: Attack.detachedSleeper, answering: true)
      try Self.attack("testTimeWeights", in: copy, with: Attack.manyProcesses, answering: true)
      for exercise in [
        "correlate2D", "maxPool2D", "softmax", "reluSubgradient", "applyDropoutMask",
        "sharingMatrix", "applyReLU", "flatten",
      ] {
        try Self.attack(exercise, in: copy, with: Attack.endlessLoop, answering: true)
      }
      let budget = 100.0
      let graded = try Self.grade(
        copy, environment: ["COMPANION_BUDGET": "\(Int(budget))", "COMPANION_TIMEOUT": "8"])
      // The budget holds (with a minute for copying the package and the grader's own start).
      #expect(graded.seconds < budget + 60, "\(graded.seconds) s")
      #expect(graded.tests.count == Self.exerciseCount)
      #expect(graded.score <= 2)
      #expect(graded.points("correlate2D") == 0)
      #expect(graded.leftOver.isEmpty, "\(graded.leftOver)")
    }

    @Test("companion grade on a class of submissions: the planted statuses and mistakes come back")
    func classOfSubmissions() throws {
      let root = try Self.root.get()
      let package = root.appendingPathComponent("source/package")
      let submissions = root.appendingPathComponent("class")
      let out = root.appendingPathComponent("class-report")
      for folder in [submissions, out] { try? FileManager.default.removeItem(at: folder) }
      try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
      let catalog = try ExerciseTree(root: package).mistakes().flatMap(\.mistakes)
      let timesP = try #require(catalog.first { $0.id == "Dropout/test-weights-times-p" })
      let notScaled = try #require(catalog.first { $0.id == "Dropout/backward-not-scaled" })
      let dropout = ["dropoutMask", "applyDropoutMask", "dropoutForward", "dropoutBackward"]

      // alice: Dropout right. bob (a zip of chapter folders): Dropout right but
      // testTimeWeights with a catalogued mistake, and Pooling's maxPool2D not compiling.
      // carol: dropoutBackward with another mistake, the rest of Dropout right. dan: only
      // testTimeWeights, with bob's mistake. A zip that is not one, and two submissions for
      // one student, are reported and not graded.
      func student(_ name: String, _ plant: (PackageCopy) throws -> Void) throws -> PackageCopy {
        let copy = try PackageCopy.make("class-\(name)")
        try plant(copy)
        return copy
      }
      let alice = try student("alice") { copy in
        for name in dropout + ["testTimeWeights"] { try copy.plant(name) }
      }
      let bob = try student("bob") { copy in
        for name in dropout { try copy.plant(name) }
        try copy.plant("testTimeWeights", replacing: [(timesP.replace, timesP.with)])
        try copy.write("maxPool2D", body: "  let oops =")
      }
      let carol = try student("carol") { copy in
        for name in dropout + ["testTimeWeights"] where name != "dropoutBackward" {
          try copy.plant(name)
        }
        try copy.plant("dropoutBackward", replacing: [(notScaled.replace, notScaled.with)])
      }
      let dan = try student("dan") { copy in
        try copy.plant("testTimeWeights", replacing: [(timesP.replace, timesP.with)])
      }
      for (name, copy) in [("alice", alice), ("carol", carol), ("dan", dan)] {
        try FileManager.default.copyItem(
          at: copy.root.appendingPathComponent("Exercises"),
          to: submissions.appendingPathComponent("\(name)/Exercises"))
      }
      let zipped = try Self.shell(
        [
          "sh", "-c",
          "cd '\(bob.root.path)/Exercises' && python3 -m zipfile -c '\(submissions.path)/bob.zip' Dropout Pooling",
        ],
        root: root)
      try #require(zipped.status == 0, "\(zipped.output)")
      try Data("not a zip".utf8).write(to: submissions.appendingPathComponent("erin.zip"))
      // gus handed in no exercise at all; alice, a note beside hers.
      try FileManager.default.createDirectory(
        at: submissions.appendingPathComponent("gus"), withIntermediateDirectories: true)
      try Data("I ran out of time".utf8).write(
        to: submissions.appendingPathComponent("gus/README.txt"))
      try Data("my notes".utf8).write(to: submissions.appendingPathComponent("alice/notes.txt"))
      try FileManager.default.createDirectory(
        at: submissions.appendingPathComponent("frank"), withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: submissions.appendingPathComponent("bob.zip"),
        to: submissions.appendingPathComponent("frank.zip")
      )

      let companion = package.appendingPathComponent(".build/debug/companion").path
      let run = try Self.shell(
        [
          "sh", "-c",
          "cd '\(package.path)' && '\(companion)' grade '\(submissions.path)' --out '\(out.path)'",
        ],
        root: root)
      #expect(run.status == 0, "\(run.output)")
      #expect(run.output.contains("erin.zip: not a zip that can be read; not graded"))
      #expect(run.output.contains("frank, frank.zip: two submissions for frank; neither is graded"))
      #expect(run.output.contains("grade: dan (4 of 6)"))
      #expect(
        run.output.contains("gus: no file of Exercises/ in it: graded as if nothing were written"))
      #expect(
        run.output.contains(
          "alice: 1 of its files left out, not graded (first: files outside Exercises/)"))

      // grades.csv: every cell as planted.
      let grades = try String(contentsOf: out.appendingPathComponent("grades.csv"), encoding: .utf8)
      let rows = grades.split(separator: "\r\n").map { $0.split(separator: ",").map(String.init) }
      let header = try #require(rows.first)
      #expect(Array(header.prefix(2)) == ["student", "total"])
      #expect(header.count == 2 + Self.exerciseCount)
      var table: [String: [String: String]] = [:]
      for row in rows.dropFirst() {
        table[row[0]] = Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, $1) })
      }
      #expect(table.keys.sorted() == ["alice", "bob", "carol", "dan", "gus"])
      let planted: [String: [String: String]] = [
        "alice": Dictionary(
          uniqueKeysWithValues: (dropout + ["testTimeWeights"]).map { ("Dropout/\($0)", "done") }),
        "bob": Dictionary(uniqueKeysWithValues: dropout.map { ("Dropout/\($0)", "done") })
          .merging(["Dropout/testTimeWeights": "failing", "Pooling/maxPool2D": "broken"]) { $1 },
        "carol": Dictionary(
          uniqueKeysWithValues: (dropout + ["testTimeWeights"]).map { ("Dropout/\($0)", "done") }
        )
        .merging(["Dropout/dropoutBackward": "failing"]) { $1 },
        "dan": ["Dropout/testTimeWeights": "failing"],
        "gus": [:],
      ]
      for (name, cells) in planted {
        let row = try #require(table[name])
        for column in header.dropFirst(2) {
          #expect(row[column] == cells[column] ?? "unwritten", "\(name) \(column)")
        }
        #expect(
          row["total"].flatMap(Double.init) == Double(cells.values.filter { $0 == "done" }.count))
      }

      // mistakes.csv: each planted mistake, with how many students made it and who.
      let mistakes = try String(
        contentsOf: out.appendingPathComponent("mistakes.csv"), encoding: .utf8)
      let lines = mistakes.split(separator: "\r\n").map(String.init)
      #expect(lines.first == "mistake,exercise,count,students,diagnosis")
      #expect(lines.count == 3, "\(mistakes)")
      #expect(
        lines.dropFirst().first?.hasPrefix(
          "Dropout/test-weights-times-p,Dropout/testTimeWeights,2,bob dan,") == true, "\(mistakes)")
      #expect(
        lines.dropFirst(2).first?.hasPrefix(
          "Dropout/backward-not-scaled,Dropout/dropoutBackward,1,carol,") == true, "\(mistakes)")
      #expect(
        FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
      #expect(Self.studentProcesses().isEmpty)
    }
  }
#endif
