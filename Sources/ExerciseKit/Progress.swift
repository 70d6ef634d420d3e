/// Where a student stands: per chapter and per exercise, worked out from what the tests reached
/// when they ran, never from what their sources seem to call.

/// The state of one exercise in a student's `Exercises/`.
public enum ExerciseStatus: Sendable, Equatable {
  /// Written, and every test that reaches it passes.
  case done
  /// Written; the tests that reach it and can be judged pass, the others wait for unwritten
  /// exercises.
  case passingSoFar(passed: Int, waiting: Int, waitsFor: [String])
  /// The body is still the stub.
  case notWritten
  /// Written, and a test that reaches it fails.
  case failing(TestFailure)
  /// Written, but every test that reaches it also reaches an unwritten exercise.
  case waiting(for: [String])
  /// Written, and no test reached it.
  case unreached
  /// Not checked: its chapter does not compile, or builds on one that does not. The text says
  /// which, in one line.
  case broken(String)

  /// Whether it counts as done.
  public var isDone: Bool { self == .done }
}

/// The failing test that an exercise is shown with.
public struct TestFailure: Sendable, Equatable {
  /// The test's name as it is shown: its display name.
  public let test: String
  /// The test's id, from which its file and suite can be read.
  public let testID: String
  /// Its first failure as `swift test` shows it, grid included.
  public let message: String
  /// The other written exercises the test reached, which may share the blame.
  public let alsoReached: [String]
}

/// One exercise with its state and where the student writes it.
public struct ExerciseReport: Sendable, Equatable {
  public let name: String
  /// `Exercises/Convolution/Correlation.swift`.
  public let file: String
  /// The line of its `BEGIN EXERCISE` marker in the student's file.
  public let line: Int
  public let status: ExerciseStatus

  public init(name: String, file: String, line: Int, status: ExerciseStatus) {
    self.name = name
    self.file = file
    self.line = line
    self.status = status
  }
}

/// One chapter's progress.
public struct ChapterReport: Sendable, Equatable {
  public let chapter: String
  public let exercises: [ExerciseReport]
  /// Tests of the chapter that passed, and that ran.
  public let testsPassed: Int
  public let testsRun: Int
  /// Why the chapter was not checked, or what stopped part of its tests, in one line.
  public let problem: String?
  /// The unwritten exercises of other chapters that some of its exercises wait for.
  public let waitsFor: [String]

  public init(
    chapter: String, exercises: [ExerciseReport], testsPassed: Int = 0, testsRun: Int = 0,
    problem: String? = nil, waitsFor: [String] = []
  ) {
    self.chapter = chapter
    self.exercises = exercises
    self.testsPassed = testsPassed
    self.testsRun = testsRun
    self.problem = problem
    self.waitsFor = waitsFor
  }

  /// Exercises done.
  public var done: Int { exercises.filter(\.status.isDone).count }

  /// Exercises whose judged tests all pass while others wait.
  public var passingSoFar: Int {
    exercises.filter {
      if case .passingSoFar = $0.status { return true }
      return false
    }.count
  }
}

/// Works out a chapter's report from its test run.
///
/// A test that reached an unwritten exercise waits for it: it neither blames nor credits. A
/// test that reached only written exercises credits them when it passes; when it fails, it
/// blames those of them that are not cleared, an exercise being cleared when a test that reached
/// it alone passed and none that reached it alone failed (a wrong `convolve2D` must not make a
/// right `rotate180` look wrong); when every one is cleared, it blames them all.
///
/// - Parameters:
///   - exercises: the chapter's exercises as found in the student's `Exercises/`, in teaching
///     order.
///   - unwritten: the names of every exercise of the package whose body is still the stub.
///   - tests: the chapter's tests, with what they reached.
public func chapterReport(
  chapter: String, exercises: [Exercise], unwritten: Set<String>, tests: [TestRecord],
  problem: String? = nil
) -> ChapterReport {
  let judged = tests.filter { $0.verdict != .skipped && $0.verdict != .notRun }
  let cleared = clearedExercises(judged, unwritten: unwritten)
  var otherWaits: Set<String> = []
  let mine = Set(exercises.map(\.name))
  let reports = exercises.map { exercise in
    let status =
      unwritten.contains(exercise.name)
      ? .notWritten
      : status(of: exercise.name, tests: judged, unwritten: unwritten, cleared: cleared)
    switch status {
    case .waiting(let names), .passingSoFar(_, _, let names):
      otherWaits.formUnion(names.filter { !mine.contains($0) })
    default: break
    }
    return ExerciseReport(
      name: exercise.name, file: "Exercises/" + exercise.file, line: exercise.line,
      status: status)
  }
  return ChapterReport(
    chapter: chapter, exercises: reports,
    testsPassed: judged.filter { $0.verdict == .passed }.count, testsRun: judged.count,
    problem: problem, waitsFor: otherWaits.sorted())
}

/// The written exercises that a test reaching them alone passed, and none reaching them alone
/// failed.
func clearedExercises(_ tests: [TestRecord], unwritten: Set<String>) -> Set<String> {
  var passedAlone: Set<String> = []
  var failedAlone: Set<String> = []
  for test in tests where test.reached.count == 1 && !test.isBlocked {
    let name = test.reached.first!
    guard !unwritten.contains(name) else { continue }
    if test.failed { failedAlone.insert(name) } else { passedAlone.insert(name) }
  }
  return passedAlone.subtracting(failedAlone)
}

/// The status of a written exercise from the tests that reached it.
func status(
  of name: String, tests: [TestRecord], unwritten: Set<String>, cleared: Set<String>
) -> ExerciseStatus {
  var passed = 0
  var waiting = 0
  var waitsFor: Set<String> = []
  var blame: (test: TestRecord, others: Set<String>)?
  for test in tests where test.reached.contains(name) {
    var stubs = test.reached.intersection(unwritten)
    if case .blocked(let exercise) = test.verdict {
      guard exercise != name else { continue }
      stubs.insert(exercise)
    }
    if !stubs.isEmpty {
      waiting += 1
      waitsFor.formUnion(stubs)
    } else if !test.failed {
      passed += 1
    } else {
      let others = test.reached.subtracting([name])
      let suspects = test.reached.subtracting(cleared)
      let blamed = suspects.isEmpty || suspects.contains(name)
      // The most telling failure: the one whose test reached the fewest other exercises.
      if blamed && (blame == nil || others.count < blame!.others.count) {
        blame = (test, others)
      }
    }
  }
  if let blame {
    return .failing(
      TestFailure(
        test: blame.test.name, testID: blame.test.id,
        message: blame.test.firstFailure ?? "failed", alsoReached: blame.others.sorted()))
  }
  if waiting == 0 { return passed > 0 ? .done : .unreached }
  if passed == 0 { return .waiting(for: waitsFor.sorted()) }
  return .passingSoFar(passed: passed, waiting: waiting, waitsFor: waitsFor.sorted())
}
