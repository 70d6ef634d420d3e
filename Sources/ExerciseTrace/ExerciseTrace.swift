import Foundation
import Synchronization
import Testing

/// Which exercises each test reaches, recorded while the tests run.
///
/// Only `companion check` and `companion test` compile this module in: they build the student's
/// `Exercises/` from a copy in which every `// BEGIN EXERCISE name` line opens with
/// `ExerciseTrace.reached("name")`, so that entering an exercise body, written or still a stub,
/// is recorded against the test that is running. Each pair is written once, as
/// `TEST-ID<tab>EXERCISE` on a line of its own, to the file that `COMPANION_TRACE` names, at
/// once, so that a test that traps or never ends has left its record behind.
public enum ExerciseTrace {
  /// Records that the running test reached `exercise`. Outside a test, or without
  /// `COMPANION_TRACE`, it does nothing.
  public static func reached(_ exercise: String) {
    guard let test = Test.current else { return }
    let key = Key(test: test.id, exercise: exercise)
    let isNew = seen.withLock { $0.insert(key).inserted }
    guard isNew, let file = output else { return }
    let line = Array("\(test.id)\t\(exercise)\n".utf8)
    _ = line.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
  }

  private struct Key: Hashable {
    let test: Test.ID
    let exercise: String
  }

  private static let seen = Mutex<Set<Key>>([])

  /// The trace file, opened for appending once; nil when none is asked for or it cannot open.
  private static let output: Int32? = {
    guard let path = ProcessInfo.processInfo.environment["COMPANION_TRACE"] else { return nil }
    let file = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    return file >= 0 ? file : nil
  }()
}
