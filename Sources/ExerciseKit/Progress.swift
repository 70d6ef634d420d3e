/// Where a student stands: per chapter and per exercise, done, not written yet, or failing.

/// The state of one exercise in a student's `Exercises/`.
public enum ExerciseStatus: Sendable, Equatable {
  /// Written, and every test that calls it passes.
  case done
  /// The body is still the stub.
  case notWritten
  /// Written, and a test that calls it fails: the first failing check, in one line.
  case failing(String)
  /// Written, but its tests also call exercises that are not written yet.
  case waiting(for: [String])
  /// The chapter did not compile or its tests stopped (a trap): what happened, in one line.
  case broken(String)

  /// A short word for the status: done, not-written, failing, waiting, broken.
  public var keyword: String {
    switch self {
    case .done: "done"
    case .notWritten: "not-written"
    case .failing: "failing"
    case .waiting: "waiting"
    case .broken: "broken"
    }
  }
}

/// One exercise with its state and where the student writes it.
public struct ExerciseReport: Sendable, Equatable {
  public let name: String
  /// `Exercises/Convolution/Correlation.swift`.
  public let file: String
  /// The line of its `BEGIN EXERCISE` marker in the student's file.
  public let line: Int
  public let status: ExerciseStatus
}

/// One chapter's progress.
public struct ChapterReport: Sendable, Equatable {
  public let chapter: String
  public let exercises: [ExerciseReport]
  /// Tests of the chapter that passed, and that ran.
  public let testsPassed: Int
  public let testsRun: Int
  /// Why the tests could not run or stopped, when they did.
  public let problem: String?
  /// The chapters this one builds on whose unwritten exercises some of its exercises wait
  /// for, in teaching order.
  public var waitsFor: [ChapterWait] = []

  /// Exercises done.
  public var score: Int { exercises.filter { $0.status == .done }.count }
}

/// Another chapter that a chapter waits for, and which of its exercises.
public struct ChapterWait: Sendable, Equatable {
  public let chapter: String
  public let exercises: [String]
}

/// What a chapter's test run produced.
public enum ChapterRun: Sendable {
  /// The tests ran to the end: their outcomes.
  case finished([TestOutcome])
  /// The test process stopped early: the message, and the exercise it stopped in if known.
  case stopped(message: String, exercise: String?)
  /// The exercises track did not compile: the first error in this chapter, and its exercise.
  case doesNotCompile(message: String, exercise: String?)
}

/// Works out a chapter's report.
///
/// - Parameters:
///   - exercises: the chapter's exercises as found in the student's `Exercises/` files.
///   - unwritten: names of exercises whose body is still the stub.
///   - run: what the test run produced.
///   - coverage: which tests call which exercises.
///   - chapterOf: the chapter of every exercise of the package, so that the report can say
///     which other chapters this one waits for.
public func chapterReport(
  chapter: String, exercises: [Exercise], unwritten: Set<String>, run: ChapterRun,
  coverage: Coverage, chapterOf: [String: String] = [:]
) -> ChapterReport {
  func report(_ exercise: Exercise, _ status: ExerciseStatus) -> ExerciseReport {
    ExerciseReport(
      name: exercise.name, file: "Exercises/" + exercise.file, line: exercise.line, status: status)
  }
  switch run {
  case .stopped(let message, let culprit), .doesNotCompile(let message, let culprit):
    let place = culprit.map { " (see `\($0)`)" } ?? ""
    let reason =
      if case .stopped = run { "not checked: the chapter's tests stopped\(place)" } else {
        "not checked: the exercises do not compile\(place)"
      }
    let reports = exercises.map { exercise in
      if exercise.name == culprit { return report(exercise, .broken(message)) }
      if unwritten.contains(exercise.name) { return report(exercise, .notWritten) }
      return report(exercise, .broken(reason))
    }
    return ChapterReport(
      chapter: chapter, exercises: reports, testsPassed: 0, testsRun: 0, problem: message)
  case .finished(let outcomes):
    let reports = exercises.map { exercise in
      if unwritten.contains(exercise.name) { return report(exercise, .notWritten) }
      return report(
        exercise,
        status(of: exercise.name, outcomes: outcomes, unwritten: unwritten, coverage: coverage))
    }
    return ChapterReport(
      chapter: chapter, exercises: reports, testsPassed: outcomes.filter { !$0.failed }.count,
      testsRun: outcomes.count, problem: nil,
      waitsFor: otherChapters(waitedFor: reports, by: chapter, chapterOf: chapterOf))
  }
}

/// The other chapters whose exercises the reports wait for, in teaching order.
func otherChapters(
  waitedFor reports: [ExerciseReport], by chapter: String, chapterOf: [String: String]
) -> [ChapterWait] {
  var waited: [String: Set<String>] = [:]
  for report in reports {
    guard case .waiting(let names) = report.status else { continue }
    for name in names {
      if let other = chapterOf[name], other != chapter { waited[other, default: []].insert(name) }
    }
  }
  return teachingOrder(of: Array(waited.keys)).map { other in
    ChapterWait(chapter: other, exercises: waited[other]!.sorted())
  }
}

/// The status of a written exercise from the tests that call it.
///
/// A failing test that calls this exercise and no other written one is its failure. A failing
/// test that also calls other written exercises is laid at this one's door only when none of its
/// own tests (those calling no other written exercise) passes: a wrong `convolve` should not make
/// a correct `rotate180` look wrong. A failing test that needs an unwritten exercise, of this
/// chapter or of one it builds on, makes this one wait for it (see ``blockers(of:calling:)``).
func status(
  of name: String, outcomes: [TestOutcome], unwritten: Set<String>, coverage: Coverage
) -> ExerciseStatus {
  var waitingFor: Set<String> = []
  var shared: TestOutcome?
  var passesAlone = false
  for outcome in outcomes {
    var called = Set(coverage.exercises(calledBy: outcome.className, name: outcome.function))
    // A test that calls no exercise the sources show is counted as calling every one.
    if called.isEmpty { called = [name] }
    guard called.contains(name) else { continue }
    let unwrittenOthers = called.subtracting([name]).intersection(unwritten)
      .union(blockers(of: outcome, calling: called, unwritten: unwritten, coverage: coverage))
      .subtracting([name])
    let writtenOthers = called.subtracting([name]).subtracting(unwritten)
    if !outcome.failed {
      if writtenOthers.isEmpty && unwrittenOthers.isEmpty { passesAlone = true }
    } else if !unwrittenOthers.isEmpty {
      waitingFor.formUnion(unwrittenOthers)
    } else if writtenOthers.isEmpty {
      return .failing(firstLine(of: outcome.failures[0]) + " (\(outcome.function))")
    } else if shared == nil {
      shared = outcome
    }
  }
  if let shared, !passesAlone {
    return .failing(firstLine(of: shared.failures[0]) + " (\(shared.function))")
  }
  return waitingFor.isEmpty ? .done : .waiting(for: waitingFor.sorted())
}

/// The unwritten exercises a failing test waits for beyond those it calls itself: those its
/// failure messages name as not written yet; or, when they name none, the exercises of other
/// chapters that the called exercises reach and whose stubs cannot name themselves (an Int
/// stub returns 0, which no message can trace back).
func blockers(
  of outcome: TestOutcome, calling called: Set<String>, unwritten: Set<String>,
  coverage: Coverage
) -> Set<String> {
  let named = outcome.failures.reduce(into: Set<String>()) { $0.formUnion(markedExercises(in: $1)) }
    .intersection(unwritten)
  if !named.isEmpty { return named }
  return called.reduce(into: Set<String>()) { $0.formUnion(coverage.silentDependencies[$1] ?? []) }
    .intersection(unwritten)
}

/// The first line of a message, at most 200 characters.
func firstLine(of message: String) -> String {
  let line = message.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
  return line.count > 200 ? line.prefix(197) + "..." : String(line)
}
