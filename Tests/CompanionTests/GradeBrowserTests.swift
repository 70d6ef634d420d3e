import Foundation
import Testing

@testable import CompanionCore

#if COMPANION_END_TO_END

  /// The browser, if one is on the PATH.
  let chromiumPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
    return path.split(separator: ":").map { "\($0)/chromium" }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// The class report as a browser shows it: Debian's chromium, headless, renders `report.html`
  /// of a simulated class; the rendered page must show the class's numbers, and the page's own
  /// script must have run without an error. Compiled in only with `COMPANION_END_TO_END=1`, and
  /// skipped where chromium is not installed (`.ci/run` installs it).
  @Suite(
    "The class report in a browser",
    .enabled(
      if: chromiumPath != nil, "chromium is not installed (apt-get install chromium)")
  )
  struct GradeBrowserTests {
    /// Runs chromium headless on `arguments`; its standard output and standard error.
    static func browse(_ arguments: [String]) throws -> (output: String, errors: String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: chromiumPath!)
      process.arguments =
        ["--headless", "--disable-gpu", "--no-sandbox", "--enable-logging=stderr", "--v=0"]
        + arguments
      let output = Pipe()
      let errors = Pipe()
      process.standardOutput = output
      process.standardError = errors
      try process.run()
      // Read both pipes while it runs, so that neither fills up.
      nonisolated(unsafe) var errorData = Data()
      let reader = Thread { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
      reader.start()
      let outputData = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
      return (
        String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self)
      )
    }

    @Test("the rendered page shows the class's numbers; its script ran without an error")
    func rendered() throws {
      let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
      let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("companion-grade-browser-\(UUID().uuidString)")
      let simulated = folder.appendingPathComponent("class")
      let out = folder.appendingPathComponent("report")
      _ = try writeSimulatedClass(students: 60, seed: 4, out: simulated, root: root)
      _ = try gradeClass(results: simulated, out: out, root: root)
      let page = out.appendingPathComponent("report.html")
      let dom = try Self.browse(["--dump-dom", page.absoluteString])
      // The script marks the page when it has run.
      #expect(dom.output.contains("data-script=\"ran\""), "the page's script did not run")
      #expect(!dom.errors.contains("Uncaught"), "\(dom.errors)")
      #expect(dom.output.contains("<b id=\"student-count\">60</b>"))
      // The top mistake of mistakes.csv, with its count, is the first on the page.
      let top = try String(contentsOf: out.appendingPathComponent("mistakes.csv"), encoding: .utf8)
        .split(separator: "\r\n")[1].split(separator: ",")
      #expect(
        dom.output.contains(
          "<li data-mistake=\"\(escapedXML(String(top[0])))\" data-count=\"\(top[2])\">"))
      let first = try #require(dom.output.range(of: "<li data-mistake="))
      #expect(dom.output[first.lowerBound...].hasPrefix("<li data-mistake=\"\(top[0])\""))
      // And a screenshot is a picture of the page.
      let shot = folder.appendingPathComponent("report.png")
      let screenshot = try Self.browse([
        "--hide-scrollbars", "--screenshot=\(shot.path)", "--window-size=1200,2000",
        page.absoluteString,
      ])
      #expect(!screenshot.errors.contains("Uncaught"))
      let png = try Data(contentsOf: shot)
      #expect(png.count > 20_000)
      #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }
  }

#endif
