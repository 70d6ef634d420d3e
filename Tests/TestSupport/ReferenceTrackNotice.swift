import ExerciseKit
import Foundation
import LectureKit
import Synchronization
import Testing

/// `swift test --filter ConvolutionTests` tests the reference in `Solutions/`, whatever a student
/// has written in `Exercises/`: all green, though their work was never run. So on the reference
/// track, in a checkout whose `Exercises/` hold written bodies, the first expectation of a run
/// records one warning (not a failure) that says so, and which command tests the student's work.
enum ReferenceTrackNotice {
  /// The warning, or nil when there is nothing to say: the exercises track, or no written body.
  static let message: String? = message(
    root: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent(), track: Track.compiled)

  /// The warning for the package at `root` built on `track`.
  static func message(root: URL, track: Track) -> String? {
    guard track == .solutions else { return nil }
    guard let student = try? ExerciseTree(root: root).studentExercises() else { return nil }
    let written = student.exercises.filter { !student.unwritten.contains($0.name) }
    guard let first = written.first else { return nil }
    let exercises = written.count == 1 ? "exercise" : "exercises"
    return
      "This run tested the reference implementation in Solutions/, not the \(written.count) "
      + "\(exercises) you wrote in Exercises/. To test your work: swift run companion check "
      + "\(first.chapter), or with SwiftPM alone: COMPANION_TRACK=exercises swift test "
      + "--scratch-path .build-mine --filter '^\(first.chapter)Tests\\.'"
  }

  private static let said = Mutex(false)

  /// Records the warning, the first time only.
  static func once(sourceLocation: SourceLocation) {
    guard let message else { return }
    let first = said.withLock { said in
      defer { said = true }
      return !said
    }
    guard first else { return }
    Issue.record(Comment(rawValue: message), severity: .warning, sourceLocation: sourceLocation)
  }
}
