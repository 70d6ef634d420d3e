import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a program that the tool ran ended.
enum Ending: Equatable {
  case exited(Int32)
  /// Ended by a signal: a trap in the test process, for instance.
  case signalled(Int32)
  /// Still running at the time limit: its process group was killed.
  case timedOut
  /// Killed, with its group, because `watch` said so.
  case stopped

  var succeeded: Bool { self == .exited(0) }
}

/// Runs a program to its end, or to `timeout` seconds, in a process group of its own (Foundation
/// starts every child in one), with standard input closed and its output written to `output`
/// (or to the tool's own when nil). Past the time limit the whole group is
/// killed (after `signalFirst`, when given, and 0.3 s); so is it when `watch`, asked every 50 ms,
/// says to stop it. While it runs, an
/// interrupt of the tool ends the group too (see ``StopHandlers``).
///
/// With a `sandbox`, the program runs as its user through `companion run-as`, with only the
/// variables given (and the sandbox's own), and afterwards every process of that user is ended.
/// No wait is without a deadline.
func runChild(
  _ arguments: [String], in directory: URL, environment: [String: String?] = [:],
  output: URL?, timeout: Double? = nil, watch: (() -> Bool)? = nil,
  signalFirst: Int32? = nil, sandbox: Sandbox? = nil
) -> Ending {
  let process = Process()
  if let sandbox {
    process.executableURL = URL(fileURLWithPath: Sandbox.companionPath)
    process.arguments = Array(sandbox.wrap(arguments).dropFirst())
    process.environment = sandbox.environment(environment.compactMapValues { $0 })
  } else {
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
  }
  process.currentDirectoryURL = directory
  process.standardInput = FileHandle.nullDevice
  if let output {
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = FileHandle(forWritingAtPath: output.path)
    process.standardOutput = handle
    process.standardError = handle
  } else {
    process.standardOutput = FileHandle.standardOutput
    process.standardError = FileHandle.standardError
  }
  let finished = DispatchSemaphore(value: 0)
  process.terminationHandler = { _ in finished.signal() }
  do { try process.run() } catch { return .exited(127) }
  let group = process.processIdentifier
  StopHandlers.watch(group)
  defer {
    StopHandlers.forget(group)
    // Whatever the program started, in its group or out of it, ends with it.
    sandbox?.endEveryProcess()
  }
  let deadline: DispatchTime = timeout.map { .now() + $0 } ?? .distantFuture
  while finished.wait(timeout: min(deadline, .now() + 0.05)) == .timedOut {
    let late = DispatchTime.now() >= deadline
    guard late || watch?() == true else { continue }
    if late, let signalFirst {
      // Let the program say where it is before it goes.
      kill(group, signalFirst)
      _ = finished.wait(timeout: .now() + 0.3)
    }
    kill(-group, SIGKILL)
    sandbox?.endEveryProcess()
    // Killed: it ends within moments, but nothing it did may make the tool wait for ever.
    _ = finished.wait(timeout: .now() + 10)
    return late ? .timedOut : .stopped
  }
  // The program has ended; anything it left behind in its group goes with it.
  kill(-group, SIGKILL)
  return process.terminationReason == .uncaughtSignal
    ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
}

/// Runs a program to its end and returns its exit status and everything it printed.
func runProgram(
  _ arguments: [String], in directory: URL, environment: [String: String?] = [:]
) -> (status: Int32, output: String) {
  let file = FileManager.default.temporaryDirectory
    .appendingPathComponent("companion-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log")
  defer { try? FileManager.default.removeItem(at: file) }
  let ending = runChild(arguments, in: directory, environment: environment, output: file)
  let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
  switch ending {
  case .exited(let status): return (status, text)
  case .signalled(let signal): return (128 + signal, text)
  case .timedOut, .stopped: return (124, text)
  }
}

/// The process groups of the programs the tool is running, and the handlers that end them when
/// the tool is interrupted (Ctrl-C) or terminated: every group gets SIGTERM, then SIGKILL for
/// whatever is left after a short grace, and only then does the tool exit, with 128 + the signal.
/// Installs the handlers that end the tool's child processes when it is interrupted.
public func installStopHandlers() {
  StopHandlers.install()
}

enum StopHandlers {
  private static let lock = NSLock()

  /// Installs the handlers for SIGINT and SIGTERM, and unblocks every signal: a tool started
  /// from a thread that blocks signals (a test runner's, say) inherits its mask, and so would
  /// the programs it starts.
  static func install() {
    _ = watchedGroups
    var none = sigset_t()
    sigemptyset(&none)
    sigprocmask(SIG_SETMASK, &none, nil)
    signal(SIGINT, stop)
    signal(SIGTERM, stop)
  }

  static func watch(_ group: pid_t) {
    lock.withLock {
      if let free = (0..<groupSlots).first(where: { watchedGroups[$0] == 0 }) {
        watchedGroups[free] = group
      }
    }
  }

  static func forget(_ group: pid_t) {
    lock.withLock {
      for slot in 0..<groupSlots where watchedGroups[slot] == group { watchedGroups[slot] = 0 }
    }
  }
}

private let groupSlots = 64
/// Plain memory, so that the signal handler can read it without allocating or locking.
nonisolated(unsafe) private let watchedGroups: UnsafeMutablePointer<pid_t> = {
  let groups = UnsafeMutablePointer<pid_t>.allocate(capacity: groupSlots)
  groups.initialize(repeating: 0, count: groupSlots)
  return groups
}()

/// The signal handler: only async-signal-safe calls (kill, waitpid, nanosleep, tcsetattr, write,
/// _exit).
private func stop(_ signal: Int32) {
  for slot in 0..<groupSlots where watchedGroups[slot] > 0 { kill(-watchedGroups[slot], SIGTERM) }
  var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
  var status: Int32 = 0
  for _ in 0..<100 {
    var alive = false
    for slot in 0..<groupSlots where watchedGroups[slot] > 0 {
      // Reap the tool's own child if it has ended, so that the group can empty.
      _ = waitpid(-watchedGroups[slot], &status, WNOHANG)
      if kill(-watchedGroups[slot], 0) == 0 { alive = true }
    }
    if !alive { break }
    nanosleep(&pause, nil)
  }
  for slot in 0..<groupSlots where watchedGroups[slot] > 0 { kill(-watchedGroups[slot], SIGKILL) }
  Terminal.leave()
  _exit(128 + signal)
}
