import ExerciseKit
import Foundation

#if COMPANION_END_TO_END

  /// What a student who tries might put in an exercise's body to get points the exercise has
  /// not earned, or to stop the grader. ``AutograderTests`` grades submissions made of them.
  /// Each is a few lines of plain Swift, meant to be read: run as the student's code, each one
  /// tries what it says and then either answers like the reference (to see that the trick does
  /// not cost a point the exercise earns) or like a stub (to see that it wins none).
  enum Attack {
    /// Writes a perfect score where the grader's results go, and empties a test file.
    static func forgeResults(at results: String, emptying test: String) -> String {
      """
      _ = try? #"{"score": 76, "tests": []}"#.write(
        toFile: "\(results)", atomically: false, encoding: .utf8)
      _ = try? "// nothing to test".write(toFile: "\(test)", atomically: false, encoding: .utf8)
      """
    }

    /// Takes a copy of every descriptor of every process it can reach (`pidfd_getfd`, and
    /// `/proc/PID/fd/N` opened for writing) and writes a perfect score into each.
    static let stealDescriptors = """
      typealias Call = @convention(c) (Int, Int, Int, Int) -> Int
      let call = unsafeBitCast(dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syscall"), to: Call.self)
      let forged = #"{"score": 76, "tests": []}"#
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = Int(entry), pid != Int(getpid()) else { continue }
        let process = call(434, pid, 0, 0)  // pidfd_open
        for number in 0..<64 {
          if process >= 0 {
            let stolen = call(438, process, number, 0)  // pidfd_getfd
            if stolen >= 0 { _ = write(Int32(stolen), forged, forged.utf8.count) }
          }
          let opened = open("/proc/\\(pid)/fd/\\(number)", O_WRONLY)
          if opened >= 0 { _ = write(opened, forged, forged.utf8.count) }
        }
      }
      """

    /// At exit, rewrites the test process's event stream (named on its command line) so that
    /// every failing test reads as passed, and its trace (named in its environment) so that
    /// every test reached `correlate2D` alone.
    static let rewriteReports = """
      atexit {
        let arguments = ((try? String(contentsOfFile: "/proc/self/cmdline", encoding: .utf8)) ?? "")
          .split(separator: "\\0").map(String.init)
        if let flag = arguments.firstIndex(of: "--event-stream-output-path"),
          let events = try? String(contentsOfFile: arguments[flag + 1], encoding: .utf8)
        {
          let forged = events.split(separator: "\\n").filter { !$0.contains("issueRecorded") }
            .map { $0.replacingOccurrences(of: "\\"fail\\"", with: "\\"pass\\"") }
          _ = try? (forged.joined(separator: "\\n") + "\\n").write(
            toFile: arguments[flag + 1], atomically: false, encoding: .utf8)
        }
        // And every test reached this exercise alone.
        if let trace = getenv("COMPANION_TRACE").map({ String(cString: $0) }),
          let lines = try? String(contentsOfFile: trace, encoding: .utf8)
        {
          let forged = lines.split(separator: "\\n").map { line in
            line.split(separator: "\\t").count == 2
              ? String(line.split(separator: "\\t")[0]) + "\\tcorrelate2D" : String(line)
          }
          _ = try? (forged.joined(separator: "\\n") + "\\n").write(
            toFile: trace, atomically: false, encoding: .utf8)
        }
      }
      """

    /// Reads the reference and the tests, and runs the grader's own tool; stops with what it got
    /// if anything worked (the grader would then show it).
    static func readTheReference(root: String) -> String {
      """
      for path in [
        "\(root)/source/package/Solutions/Pooling/MaxPooling.swift",
        "\(root)/work/package/Solutions/Pooling/MaxPooling.swift",
        "\(root)/work/package/Tests/PoolingTests",
        "\(root)/source/package/.build/debug",
      ] where FileManager.default.isReadableFile(atPath: path) {
        fatalError("LEAKED: read \\(path)")
      }
      let tool = Process()
      tool.executableURL = URL(fileURLWithPath: "\(root)/source/package/.build/debug/companion")
      tool.arguments = ["pool", "--help"]
      if (try? tool.run()) != nil { fatalError("LEAKED: ran the grader's companion") }
      """
    }

    /// Stops the test process on the `call`th call in that process: `exit(0)`, `abort()` or
    /// (for comparison) `fatalError()`.
    static func stopMidTest(with stop: String, onCall call: Int) -> String {
      """
      let calls = Int(getenv("CALLS_SO_FAR").map { String(cString: $0) } ?? "0")! + 1
      if calls >= \(call) { \(stop) }
      setenv("CALLS_SO_FAR", "\\(calls)", 1)
      """
    }

    /// Prints 20 MB, once in each process.
    static let megabytesOfOutput = """
      if getenv("PRINTED") == nil {
        setenv("PRINTED", "1", 1)
        let line = String(repeating: "x", count: 1023) + "\\n"
        for _ in 0..<20_000 { FileHandle.standardOutput.write(Data(line.utf8)) }
      }
      """

    /// Starts a program that leaves the test's process group and session, blocks every signal,
    /// keeps every descriptor it inherits, and sleeps for a day.
    static let detachedSleeper = """
      var attributes = posix_spawnattr_t()
      posix_spawnattr_init(&attributes)
      var everything = sigset_t()
      sigfillset(&everything)
      posix_spawnattr_setsigmask(&attributes, &everything)
      posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | 0x80))  // and SETSID
      var child: pid_t = 0
      let argv = ["/bin/sleep", "86400"].map { strdup($0) } + [nil]
      _ = posix_spawn(&child, "/bin/sleep", nil, &attributes, argv, environ)
      """

    /// Forks until it cannot, each child waiting for ever.
    static let manyProcesses = """
      for _ in 0..<5000 {
        let child = fork()
        if child == 0 { while true { pause() } }
        if child < 0 { break }
      }
      """

    /// Never returns.
    static let endlessLoop = """
      while getpid() > 0 {}
      """
  }
#endif
