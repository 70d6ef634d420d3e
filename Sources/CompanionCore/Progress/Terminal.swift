import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal of `companion watch`: keys one at a time without echo, a screen of its own
/// (the alternate screen, so the shell's text is back afterwards), and both undone on every way
/// out: `q`, the end of the program, Ctrl-C or SIGTERM (see ``StopHandlers``).
enum Terminal {
  /// Whether standard input and standard output are both a terminal.
  static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

  /// Keys without Enter and without echo; Ctrl-C still interrupts. Enters the alternate screen.
  static func enter() {
    var settings = termios()
    guard tcgetattr(0, &settings) == 0 else { return }
    savedSettings.pointee = settings
    hasSavedSettings = true
    settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
    tcsetattr(0, TCSANOW, &settings)
    write("\u{1B}[?1049h\u{1B}[?25l")
  }

  /// Puts the terminal back as it was. Safe to call from a signal handler.
  static func leave() {
    guard hasSavedSettings else { return }
    tcsetattr(0, TCSANOW, savedSettings)
    let restore: StaticString = "\u{1B}[?25h\u{1B}[?1049l"
    rawWrite(restore)
    hasSavedSettings = false
  }

  /// Clears the screen and writes `text` from its top.
  static func draw(_ text: String) {
    write("\u{1B}[H\u{1B}[2J" + text.replacingOccurrences(of: "\n", with: "\r\n"))
  }

  /// The next key pressed within `seconds`, or nil.
  static func key(within seconds: Double) -> Character? {
    var request = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    guard poll(&request, 1, Int32(seconds * 1000)) > 0 else { return nil }
    var byte: UInt8 = 0
    guard read(0, &byte, 1) == 1 else { return nil }
    return Character(Unicode.Scalar(byte))
  }

  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  nonisolated(unsafe) private static let savedSettings = UnsafeMutablePointer<termios>.allocate(
    capacity: 1)
  nonisolated(unsafe) private static var hasSavedSettings = false
}

/// Writes to standard output with the system call alone (no allocation): for the signal handler.
private func rawWrite(_ text: StaticString) {
  _ = write(1, text.utf8Start, text.utf8CodeUnitCount)
}
