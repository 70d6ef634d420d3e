/// Where a student stands: per chapter and per exercise, worked out from what the tests reached
/// when they ran, never from what their sources seem to call.

/// The state of one exercise in a student's `Exercises/`.
///
/// A written exercise is judged by the tests that reach it, run with the student's body for it
/// and the reference's body for every other exercise of the package (see `ExerciseTrace`): so
/// its state depends on its own body alone, whatever the others hold.
public enum ExerciseStatus: Sendable, Equatable {
  /// Written, and every test that reaches it passes with the reference standing in for the
  /// rest.
  case done
  /// The body is still the stub.
  case notWritten
  /// Written, and a test that reaches it fails with the reference standing in for the rest.
  case failing(TestFailure)
  /// Written, and no test reached it.
  case unreached
  /// Not checked: its chapter does not compile, or builds on one that does not. The text says
  /// which, in one line.
  case broken(String)

  /// Whether it counts as done.
  public var isDone: Bool { self == .done }
}

/// A failing test that an exercise, or a chapter, is shown with.
public struct TestFailure: Sendable, Equatable, Codable {
  /// The test's name as it is shown: its display name.
  public let test: String
  /// The test's id, from which its file and suite can be read.
  public let testID: String
  /// Its first failure as `swift test` shows it, grid included.
  public let message: String
  /// For a failure of the chapter's exercises together: the student's exercises the test ran.
  /// Empty for an exercise's own failure, whose test ran no other body of the student's.
  public let alsoReached: [String]
  /// How many other tests failed, and how many other issues they and this one recorded: what
  /// `companion test NAME` shows besides this failure.
  public let moreTests: Int
  public let moreIssues: Int

  public init(
    test: String, testID: String, message: String, alsoReached: [String] = [],
    moreTests: Int = 0, moreIssues: Int = 0
  ) {
    self.test = test
    self.testID = testID
    self.message = message
    self.alsoReached = alsoReached
    self.moreTests = moreTests
    self.moreIssues = moreIssues
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
  /// Tests of the chapter that judged a written exercise and passed every time they ran, and
  /// how many judged one.
  public let testsPassed: Int
  public let testsRun: Int
  /// Why the chapter was not checked, or what stopped part of its tests, in one line.
  public let problem: String?
  /// The tests that fail when the student's exercises run together, though each of those
  /// exercises passes its tests on its own: two mistakes that cancel on the small cases, or
  /// one exercise using another in a way the reference does not. The chapter is not done
  /// while there is one.
  public let together: [TestFailure]

  public init(
    chapter: String, exercises: [ExerciseReport], testsPassed: Int = 0, testsRun: Int = 0,
    problem: String? = nil, together: [TestFailure] = []
  ) {
    self.chapter = chapter
    self.exercises = exercises
    self.testsPassed = testsPassed
    self.testsRun = testsRun
    self.problem = problem
    self.together = together
  }

  /// Exercises done.
  public var done: Int { exercises.filter(\.status.isDone).count }

  /// Whether every exercise is done and they pass together too.
  public var isDone: Bool { done == exercises.count && together.isEmpty }
}

/// Works out a chapter's report from its test runs.
///
/// - Parameters:
///   - exercises: the chapter's exercises as found in the student's `Exercises/`, in teaching
///     order.
///   - unwritten: the names of every exercise of the package whose body is still the stub.
///   - alone: per written exercise, the tests that reach it (with the reference's bodies),
///     run with the student's body for it and the reference's for every other exercise.
///   - together: the chapter's tests run with the student's bodies of every exercise that
///     passes on its own (the reference's for the rest), with what they reached.
///   - reach: per test, the exercises it reaches when every body is the reference's: a failure
///     shown for an exercise is the failing test that reaches the fewest.
///   - diagnoses: the catalog's diagnoses (`Mistakes/`): an issue that holds one names a mistake,
///     and is shown ahead of the others (``mostTelling(_:reach:diagnoses:)``).
public func chapterReport(
  chapter: String, exercises: [Exercise], unwritten: Set<String>,
  alone: [String: [TestRecord]], together: [TestRecord] = [],
  reach: [String: Set<String>] = [:], diagnoses: [String] = [], problem: String? = nil
) -> ChapterReport {
  var verdicts: [String: Bool] = [:]
  func count(_ test: TestRecord) {
    guard test.verdict != .skipped && test.verdict != .notRun else { return }
    verdicts[test.id] = (verdicts[test.id] ?? true) && test.verdict == .passed
  }
  let reports = exercises.map { exercise in
    var status = ExerciseStatus.notWritten
    if !unwritten.contains(exercise.name) {
      let tests = alone[exercise.name] ?? []
      tests.forEach(count)
      status = aloneStatus(of: exercise.name, tests: tests, reach: reach, diagnoses: diagnoses)
    }
    return ExerciseReport(
      name: exercise.name, file: "Exercises/" + exercise.file, line: exercise.line,
      status: status)
  }
  together.forEach(count)
  let passing = Set(reports.filter(\.status.isDone).map(\.name))
  let failures = together.filter(\.failed).map { test in
    TestFailure(
      test: test.name, testID: test.id, message: test.firstFailure ?? "failed",
      alsoReached: test.reached.intersection(passing).sorted())
  }
  return ChapterReport(
    chapter: chapter, exercises: reports,
    testsPassed: verdicts.values.filter { $0 }.count, testsRun: verdicts.count,
    problem: problem, together: failures)
}

/// The status of a written exercise from its tests run with the reference standing in for the
/// rest: failing with its most telling failure (``mostTelling(_:reach:)``), done when they all
/// pass.
func aloneStatus(
  of name: String, tests: [TestRecord], reach: [String: Set<String>], diagnoses: [String] = []
) -> ExerciseStatus {
  let judged = tests.filter { $0.verdict != .skipped && $0.verdict != .notRun }
  // A test blocked by an exercise that did not finish elsewhere says nothing of its own: in a
  // run of one exercise's tests, the test that did not finish reached the same exercise.
  let failing = judged.filter(\.failed)
  if let (test, issue) = mostTelling(failing, reach: reach, diagnoses: diagnoses) {
    let issues = failing.map { max(1, $0.issues.count) }.reduce(0, +)
    return .failing(
      TestFailure(
        test: test.name, testID: test.id, message: issue, moreTests: failing.count - 1,
        moreIssues: issues - 1))
  }
  return judged.contains { $0.verdict == .passed } ? .done : .unreached
}

/// Of all the issues of `failing` tests, the one that tells the student most: a named
/// diagnosis ("probably: ...", or one of the catalog's `diagnoses`) ahead of a bare expectation,
/// then an issue of the test that reaches the fewest exercises (`reach`), then the first in the
/// order the tests were declared and their issues recorded. A test stopped without an issue
/// counts with its reason.
public func mostTelling(
  _ failing: [TestRecord], reach: [String: Set<String>] = [:], diagnoses: [String] = []
) -> (test: TestRecord, issue: String)? {
  var best: (test: TestRecord, issue: String, rank: (Int, Int, Int))?
  for (order, test) in failing.enumerated() {
    let issues = test.issues.isEmpty ? [test.firstFailure ?? "failed"] : test.issues
    for issue in issues {
      let named = names(issue) || diagnoses.contains { !$0.isEmpty && issue.contains($0) }
      let rank = (named ? 0 : 1, reach[test.id]?.count ?? 1, order)
      if best == nil || rank < best!.rank { best = (test, issue, rank) }
    }
  }
  return best.map { ($0.test, $0.issue) }
}

/// Whether an issue names a mistake: the test support's "probably: ..." in either language.
public func names(_ issue: String) -> Bool {
  ["probably: ", "probably one of: ", "可能是：", "可能是以下之一："].contains { issue.contains($0) }
}
