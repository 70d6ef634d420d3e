import Foundation
import Synchronization
import Testing

/// Which exercises each test reaches, recorded while the tests run.
///
/// Only `companion check` and `companion test` compile this module in: they build the student's
/// `Exercises/` from a copy in which every `// BEGIN EXERCISE name` line opens with
/// `ExerciseTrace.enter("name"); defer { ExerciseTrace.leave() }`, so that entering an exercise
/// body, written or still a stub, is recorded against the test that is running.
///
/// Each pair is written once, as `TEST-ID<tab>EXERCISE` on a line of its own, to the file that
/// `COMPANION_TRACE` names, at once, so that a test that traps or never ends has left its record
/// behind. Each thread also keeps the exercises it is inside of; on SIGUSR1 (the tool sends it at
/// the time limit, before it kills the process) the innermost one of every thread is written as
/// `!<tab>N`, N counting the pair lines from 0: the exercises that did not finish.
public enum ExerciseTrace {
  /// Records that the running test entered `exercise`. Outside a test it records nothing.
  public static func enter(_ exercise: String) {
    guard let test = Test.current else {
      Frames.push(-1)
      return
    }
    let index = pairs.withLock { pairs -> Int32 in
      let key = Key(test: test.id, exercise: exercise)
      if let index = pairs[key] { return index }
      let index = Int32(pairs.count)
      pairs[key] = index
      if let file = output {
        let line = Array("\(test.id)\t\(exercise)\n".utf8)
        _ = line.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
      }
      return index
    }
    Frames.push(index)
  }

  /// Records that the innermost exercise entered on this thread has returned.
  public static func leave() {
    Frames.pop()
  }

  /// Whether the student's body of `exercise` runs in this process; when not, the reference's
  /// body, which the traced copy carries beside it, runs instead.
  ///
  /// The choice is the process's `COMPANION_STUDENT` as it was when the process started: `*`
  /// (or no such variable) for every exercise, else the names of the exercises whose student
  /// body runs, separated by commas (empty: the reference everywhere). `check` runs each
  /// written exercise with its own name alone, so that a verdict depends on that body only.
  /// It is read from the environment the process was started with (`/proc/self/environ` on
  /// Linux), which nothing the process does can change, before any exercise body runs.
  public static func runsStudentBody(_ exercise: String) -> Bool {
    guard let names = studentBodies else { return true }
    return names.contains(exercise)
  }

  /// Which of several bodies compiled into one exercise runs: `companion verify --mistakes`
  /// builds a copy whose exercise bodies each hold the reference and every catalogued mistake
  /// of that exercise (`switch ExerciseTrace.plantedVariant("name")`), so that one build serves
  /// every plant. `COMPANION_PLANT=name:k`, as the process was started, picks variant k of
  /// exercise `name`; every other exercise, and no variable, gives 0: the reference.
  public static func plantedVariant(_ exercise: String) -> Int {
    guard let plant = planted, plant.exercise == exercise else { return 0 }
    return plant.variant
  }

  private static let planted: (exercise: String, variant: Int)? = {
    guard let value = startingEnvironment("COMPANION_PLANT"),
      let colon = value.lastIndex(of: ":"), let variant = Int(value[value.index(after: colon)...])
    else { return nil }
    return (String(value[..<colon]), variant)
  }()

  /// The exercises whose student body runs, or nil for all of them.
  private static let studentBodies: Set<String>? = {
    guard let value = startingEnvironment("COMPANION_STUDENT"), value != "*" else { return nil }
    return Set(value.split(separator: ",").map(String.init))
  }()

  private struct Key: Hashable {
    let test: Test.ID
    let exercise: String
  }

  private static let pairs = Mutex<[Key: Int32]>([:])

  /// The trace file, opened for appending once; nil when none is asked for or it cannot open.
  fileprivate static let output: Int32? = {
    guard let path = ProcessInfo.processInfo.environment["COMPANION_TRACE"] else { return nil }
    let file = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard file >= 0 else { return nil }
    traceFile = file
    signal(SIGUSR1, writeFrames)
    return file
  }()
}

/// Per thread, the pair indices of the exercises it is inside of, innermost last, in plain
/// memory that the signal handler can read without a lock: `threads` slots of `1 + depth`
/// numbers, the first the count.
private enum Frames {
  static let threads = 256
  static let depth = 32
  nonisolated(unsafe) static let memory: UnsafeMutablePointer<Int32> = {
    let memory = UnsafeMutablePointer<Int32>.allocate(capacity: threads * (1 + depth))
    memory.initialize(repeating: 0, count: threads * (1 + depth))
    return memory
  }()
  static let used = Mutex<Int>(0)
  nonisolated(unsafe) static var usedCount: Int32 = 0
  static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// This thread's slot, or nil when every slot is taken.
  static func slot() -> UnsafeMutablePointer<Int32>? {
    var number = Int(bitPattern: pthread_getspecific(key))
    if number == 0 {
      number = used.withLock { used in
        guard used < threads else { return 0 }
        used += 1
        usedCount = Int32(used)
        return used
      }
      guard number > 0 else { return nil }
      pthread_setspecific(key, UnsafeRawPointer(bitPattern: number))
    }
    return memory + (number - 1) * (1 + depth)
  }

  static func push(_ index: Int32) {
    guard let slot = slot() else { return }
    let count = Int(slot[0])
    if count < depth { slot[1 + count] = index }
    slot[0] = Int32(count + 1)
  }

  static func pop() {
    guard let slot = slot(), slot[0] > 0 else { return }
    slot[0] -= 1
  }
}

/// The SIGUSR1 handler: writes `!<tab>N` for the innermost exercise of every thread that is
/// inside one. Only async-signal-safe calls.
private func writeFrames(_: Int32) {
  let file = traceFile
  guard file >= 0 else { return }
  var line: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
    (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  for thread in 0..<Int(Frames.usedCount) {
    let slot = Frames.memory + thread * (1 + Frames.depth)
    let count = Int(slot[0])
    guard count > 0 else { continue }
    var index = slot[min(count, Frames.depth)]
    guard index >= 0 else { continue }
    withUnsafeMutableBytes(of: &line) { bytes in
      var digits = 0
      var scratch = index
      repeat {
        digits += 1
        scratch /= 10
      } while scratch > 0
      bytes[0] = UInt8(ascii: "!")
      bytes[1] = UInt8(ascii: "\t")
      var position = 1 + digits
      repeat {
        bytes[position] = UInt8(ascii: "0") + UInt8(index % 10)
        index /= 10
        position -= 1
      } while index > 0
      bytes[2 + digits] = UInt8(ascii: "\n")
      _ = write(file, bytes.baseAddress, 3 + digits)
    }
  }
}

/// The value of the environment variable `name` as the process was started with it.
private func startingEnvironment(_ name: String) -> String? {
  #if os(Linux)
    guard let data = FileManager.default.contents(atPath: "/proc/self/environ") else {
      return nil
    }
    let prefix = Array((name + "=").utf8)
    for entry in data.split(separator: 0, omittingEmptySubsequences: true)
    where entry.starts(with: prefix) {
      return String(decoding: entry.dropFirst(prefix.count), as: UTF8.self)
    }
    return nil
  #else
    return ProcessInfo.processInfo.environment[name]
  #endif
}

/// The trace file as the signal handler reads it: set once, before the handler is installed.
nonisolated(unsafe) private var traceFile: Int32 = -1
