import ExerciseKit
import Foundation
import Testing

@testable import CompanionCore

#if canImport(Glibc)
  import Glibc
#endif

#if COMPANION_END_TO_END

  /// A new pseudo-terminal: its master and its slave. (Glibc's module does not bring in
  /// posix_openpt and its companions, so they are looked up in the C library.)
  private func openTerminal() -> (master: Int32, slave: Int32)? {
    typealias Open = @convention(c) (Int32) -> Int32
    typealias Grant = @convention(c) (Int32) -> Int32
    typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    guard let library = dlopen(nil, RTLD_NOW),
      let openSymbol = dlsym(library, "posix_openpt"), let grantSymbol = dlsym(library, "grantpt"),
      let unlockSymbol = dlsym(library, "unlockpt"), let nameSymbol = dlsym(library, "ptsname")
    else { return nil }
    let master = unsafeBitCast(openSymbol, to: Open.self)(O_RDWR | O_NOCTTY)
    guard master >= 0, unsafeBitCast(grantSymbol, to: Grant.self)(master) == 0,
      unsafeBitCast(unlockSymbol, to: Grant.self)(master) == 0,
      let name = unsafeBitCast(nameSymbol, to: Name.self)(master)
    else { return nil }
    let slave = open(name, O_RDWR | O_NOCTTY)
    return slave >= 0 ? (master, slave) : nil
  }

  /// `companion watch` driven as a student drives it: in a pseudo-terminal, a file saved, keys
  /// pressed; and with its output going to a pipe.
  @Suite(
    "companion watch on a terminal", .serialized)
  struct WatchTests {
    static let copy = Result { try PackageCopy.make("watch") }

    /// What a program wrote to the terminal so far, read on a thread of its own.
    final class Screen: @unchecked Sendable {
      private let lock = NSLock()
      private var bytes: [UInt8] = []

      var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }

      func read(from master: Int32) {
        Thread.detachNewThread {
          var buffer = [UInt8](repeating: 0, count: 4096)
          while true {
            let count = Glibc.read(master, &buffer, buffer.count)
            if count <= 0 { return }
            self.lock.withLock { self.bytes += buffer[0..<count] }
          }
        }
      }

      /// Waits until the text holds `piece` after `offset` characters; false at the deadline.
      func wait(for piece: String, after offset: Int = 0, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
          if text.dropFirst(offset).contains(piece) { return true }
          usleep(50_000)
        }
        return false
      }
    }

    /// `companion watch Convolution` on a new pseudo-terminal of 100 x 40, in `copy` with
    /// every stub back: the process, the terminal's two ends, and what it shows.
    static func startOnTerminal(
      _ copy: PackageCopy
    ) throws -> (Process, master: Int32, slave: Int32, Screen) {
      try copy.reset()
      let (master, slave) = try #require(openTerminal())
      var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
      _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
      let screen = Screen()
      screen.read(from: master)
      let process = Process()
      process.executableURL = companionBinary
      process.arguments = ["watch", "Convolution"]
      process.currentDirectoryURL = copy.root
      let terminal = FileHandle(fileDescriptor: slave)
      process.standardInput = terminal
      process.standardOutput = terminal
      process.standardError = terminal
      try process.run()
      return (process, master, slave, screen)
    }

    @Test("a save redraws the screen; h shows the hint; q quits and restores the terminal")
    func onATerminal() throws {
      let copy = try Self.copy.get()
      let (process, master, slave, screen) = try Self.startOnTerminal(copy)
      defer { if process.isRunning { process.terminate() } }

      #expect(screen.wait(for: "Checked at", seconds: 300), "\(screen.text.suffix(500))")
      #expect(screen.text.contains("Now: rotate180  not written yet"))
      var settings = termios()
      tcgetattr(slave, &settings)
      #expect(settings.c_lflag & tcflag_t(ICANON) == 0, "keys are read one at a time")

      let before = screen.text.count
      let saved = Date()
      try copy.plant("rotate180")
      #expect(screen.wait(for: "rotate180 passes", after: before, seconds: 60))
      let redrawn = Date().timeIntervalSince(saved)
      #expect(screen.text.dropFirst(before).contains("On to zeroPad."))
      #expect(redrawn < 30, "from the save to the redrawn screen: \(redrawn) s")

      let beforeHint = screen.text.count
      _ = write(master, "h", 1)
      #expect(screen.wait(for: "Hint:", after: beforeHint, seconds: 5))
      _ = write(master, "q", 1)
      let deadline = Date().addingTimeInterval(10)
      while process.isRunning && Date() < deadline { usleep(50_000) }
      #expect(!process.isRunning)
      if !process.isRunning { #expect(process.terminationStatus == 0) }
      tcgetattr(slave, &settings)
      #expect(settings.c_lflag & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
      #expect(
        screen.wait(for: "\u{1B}[?1049l", after: beforeHint, seconds: 2), "the screen is left")
      close(slave)
      close(master)
    }

    @Test("Ctrl-C on a terminal ends watch and restores the terminal")
    func interruptedOnATerminal() throws {
      let copy = try Self.copy.get()
      let (process, master, slave, screen) = try Self.startOnTerminal(copy)
      defer { if process.isRunning { process.terminate() } }
      #expect(screen.wait(for: "Checked at", seconds: 300))
      kill(process.processIdentifier, SIGINT)
      let deadline = Date().addingTimeInterval(10)
      while process.isRunning && Date() < deadline { usleep(50_000) }
      #expect(!process.isRunning)
      if !process.isRunning { #expect(process.terminationStatus == 130) }
      var settings = termios()
      tcgetattr(slave, &settings)
      #expect(settings.c_lflag & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
      #expect(screen.wait(for: "\u{1B}[?1049l", seconds: 2), "the screen is left")
      close(slave)
      close(master)
    }

    @Test("with its output in a pipe it prints report after report, and Ctrl-C ends it")
    func inAPipe() throws {
      let copy = try Self.copy.get()
      try copy.reset()
      let (process, log) = try startCompanion(
        ["watch", "Convolution"], in: copy.root, log: "watch.log")
      defer { if process.isRunning { process.terminate() } }
      func text() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
      let deadline = Date().addingTimeInterval(300)
      while !text().contains("Checked at") && Date() < deadline { usleep(100_000) }
      try copy.plant("rotate180")
      let again = Date().addingTimeInterval(60)
      while !text().contains("rotate180 passes") && Date() < again { usleep(100_000) }
      kill(process.processIdentifier, SIGINT)
      let end = Date().addingTimeInterval(10)
      while process.isRunning && end > Date() { usleep(50_000) }
      #expect(!process.isRunning)
      if !process.isRunning { #expect(process.terminationStatus == 130) }
      let output = text()
      #expect(output.components(separatedBy: "Checked at").count == 3, "\(output)")
      #expect(output.contains("rotate180 passes"))
      #expect(!output.contains("\u{1B}["), "no terminal codes in a pipe")
    }
  }
#endif
