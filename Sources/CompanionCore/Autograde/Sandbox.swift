import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where the autograder runs a student's code: as an unprivileged user, with limits, in folders
/// of its own. Only the test processes and the student's probes run there; the grader itself,
/// its build and its reference run as another user (root), whom the student's processes cannot
/// signal, trace or take descriptors from.
///
/// Every program is started through ``launchAsUser(_:)`` (`companion run-as`), which, before it
/// becomes the program: sets the limits, forbids gaining privileges, takes the student's user
/// and no other group, closes every descriptor but standard input, output and error, and puts
/// every signal back to its default and unblocked. After each program the grader ends every
/// process of the user (``Sandbox/endEveryProcess()``), those that left the program's group
/// included.
struct Sandbox: Sendable {
  let user: String
  let uid: uid_t
  let gid: gid_t
  /// A folder the user owns: its home, its temporary files, the test process's working folder.
  let home: URL
  /// A folder of root's that the user can pass through but not list or write: the binaries it
  /// runs, and the files its programs report in, each made beforehand and given to the user.
  let exchange: URL

  /// At most this many processes and threads of the user at once.
  static let processLimit: rlim_t = 512
  /// At most this many bytes in one file the user writes.
  static let fileSizeLimit: rlim_t = 64 << 20

  init(user: String, folder: URL) throws {
    guard let entry = getpwnam(user) else {
      throw SandboxError("no user '\(user)' on this machine: setup.sh creates it")
    }
    self.user = user
    uid = entry.pointee.pw_uid
    gid = entry.pointee.pw_gid
    guard uid != 0 else { throw SandboxError("the student's user must not be root") }
    home = folder.appendingPathComponent("home")
    exchange = folder.appendingPathComponent("exchange")
    let files = FileManager.default
    try? files.removeItem(at: folder)
    try files.createDirectory(at: home, withIntermediateDirectories: true)
    try files.createDirectory(at: exchange, withIntermediateDirectories: true)
    chmod(folder.path, 0o711)
    chmod(exchange.path, 0o711)
    chmod(home.path, 0o700)
    chown(home.path, uid, gid)
  }

  /// Makes an empty file in the exchange folder that the user may write and root reads.
  func handOver(_ name: String) -> URL {
    let file = exchange.appendingPathComponent(name)
    unlink(file.path)
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    chmod(file.path, 0o600)
    chown(file.path, uid, gid)
    return file
  }

  /// Copies a program into the exchange folder, readable and runnable by the user, writable by
  /// root alone.
  func install(_ program: URL, as name: String) throws -> URL {
    let target = exchange.appendingPathComponent(name)
    try? FileManager.default.removeItem(at: target)
    try FileManager.default.copyItem(at: program, to: target)
    chown(target.path, 0, 0)
    chmod(target.path, 0o755)
    return target
  }

  /// The arguments that run `arguments` as the user, through `companion run-as`.
  func wrap(_ arguments: [String]) -> [String] {
    [Sandbox.companionPath, "run-as", "\(uid)", "\(gid)", "--"] + arguments
  }

  /// The environment of the user's programs: nothing of the grader's but the search path.
  func environment(_ variables: [String: String]) -> [String: String] {
    var environment = [
      "PATH": "/usr/bin:/bin", "HOME": home.path, "TMPDIR": home.path, "LANG": "C.UTF-8",
      "SWIFT_BACKTRACE": "enable=no",
    ]
    for (name, value) in variables { environment[name] = value }
    return environment
  }

  /// This program, for `run-as`.
  static let companionPath: String = {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }()

  /// Ends every process of the user: SIGKILL to each, again until none is left (a process that
  /// forks while it is being ended is found on a later pass; the process limit bounds how many).
  /// The number of passes it took.
  @discardableResult
  func endEveryProcess() -> Int {
    var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
    for pass in 1...300 {
      let alive = processes(of: uid)
      if alive.isEmpty { return pass }
      for pid in alive { kill(pid, SIGKILL) }
      nanosleep(&pause, nil)
    }
    return 300
  }
}

/// The processes whose real or effective user is `uid`, zombies left out (they are already
/// ended and wait for their parent to be reaped).
func processes(of uid: uid_t) -> [pid_t] {
  guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
    return []
  }
  return entries.compactMap { entry -> pid_t? in
    guard let pid = pid_t(entry), pid > 1,
      let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    else { return nil }
    var ids: [uid_t] = []
    var zombie = false
    for line in status.split(separator: "\n") {
      if line.hasPrefix("State:") {
        zombie = line.contains("Z (zombie)") || line.contains("X (dead)")
      }
      if line.hasPrefix("Uid:") {
        ids = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().compactMap {
          uid_t($0)
        }
      }
    }
    return !zombie && ids.prefix(2).contains(uid) ? pid : nil
  }
}

struct SandboxError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// `companion run-as UID GID -- PROGRAM ARGUMENTS...`: becomes PROGRAM as that user, with the
/// limits and the clean state ``Sandbox`` describes. Root only; never returns.
public func launchAsUser(_ arguments: [String]) -> Never {
  func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("companion: error: run-as: \(message)\n".utf8))
    _exit(2)
  }
  guard arguments.count >= 4, let uid = uid_t(arguments[0]), let gid = gid_t(arguments[1]),
    arguments[2] == "--", uid != 0
  else { fail("usage: run-as UID GID -- PROGRAM [ARGUMENTS]") }
  let program = Array(arguments[3...])
  var processes = rlimit(rlim_cur: Sandbox.processLimit, rlim_max: Sandbox.processLimit)
  var size = rlimit(rlim_cur: Sandbox.fileSizeLimit, rlim_max: Sandbox.fileSizeLimit)
  var core = rlimit(rlim_cur: 0, rlim_max: 0)
  guard setrlimit(__rlimit_resource_t(__RLIMIT_NPROC.rawValue), &processes) == 0,
    setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &size) == 0,
    setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &core) == 0
  else { fail("cannot set the limits") }
  // prctl(PR_SET_NO_NEW_PRIVS, 1): no set-user-ID program gives the user more rights.
  typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
  guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl"),
    unsafeBitCast(symbol, to: Prctl.self)(38, 1, 0, 0, 0) == 0
  else { fail("cannot forbid privileges") }
  guard setgroups(0, nil) == 0, setgid(gid) == 0, setuid(uid) == 0, getuid() == uid,
    geteuid() == uid, setuid(0) != 0
  else { fail("cannot become user \(uid)") }
  // Every signal back to its default, none blocked.
  for signal in Int32(1)...64 where signal != SIGKILL && signal != SIGSTOP {
    Glibc.signal(signal, SIG_DFL)
  }
  var none = sigset_t()
  sigemptyset(&none)
  sigprocmask(SIG_SETMASK, &none, nil)
  // No descriptor of the grader's reaches the program.
  closefrom(3)
  let argv = program.map { strdup($0) } + [nil]
  execv(program[0], argv)
  fail("cannot run \(program[0]): \(String(cString: strerror(errno)))")
}
