/// How the autograder scores a chapter: from one run of its tests on a build that holds the
/// student's code and no reference code at all.
///
/// `check` judges each exercise with the reference's bodies standing in for the others. The
/// autograder cannot: code inside a test process that also holds the reference's body of its own
/// exercise can reach that body (by changing the process's memory, or by starting the test
/// binary again with another choice of bodies), and so obtain the reference's result. So the
/// autograder's build leaves the reference out, and an exercise earns its point when every test
/// that reached it passed, as before the reference stood in. A failing test that reached several
/// written exercises is laid on those not cleared, an exercise being cleared when a test that
/// reached it alone passed and none that reached it alone failed; a test that reached an
/// unwritten exercise cannot be judged, and withholds the point of the written ones it reached.
///
/// - Parameters:
///   - exercises: the chapter's exercises as found in the student's `Exercises/`.
///   - unwritten: the names of every exercise of the package whose body is still the stub.
///   - tests: the chapter's tests, run with the student's code, with what they reached.
///
/// Of the failing tests laid on an exercise, the one shown is the most telling: one whose
/// failure names the mistake (a catalog `diagnoses`, or a relation the tests found), then the
/// one that reached the fewest other exercises.
public func gradingReport(
  chapter: String, exercises: [Exercise], unwritten: Set<String>, tests: [TestRecord],
  problem: String? = nil, diagnoses: [String] = []
) -> ChapterReport {
  let judged = tests.filter { $0.verdict != .skipped && $0.verdict != .notRun }
  let cleared = clearedExercises(judged, unwritten: unwritten)
  let reports = exercises.map { exercise in
    ExerciseReport(
      name: exercise.name, file: "Exercises/" + exercise.file, line: exercise.line,
      status: unwritten.contains(exercise.name)
        ? .notWritten
        : gradingStatus(
          of: exercise.name, tests: judged, unwritten: unwritten, cleared: cleared,
          diagnoses: diagnoses))
  }
  return ChapterReport(
    chapter: chapter, exercises: reports,
    testsPassed: judged.filter { $0.verdict == .passed }.count, testsRun: judged.count,
    problem: problem)
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

/// The status of a written exercise from the tests that reached it, in the autograder's run.
func gradingStatus(
  of name: String, tests: [TestRecord], unwritten: Set<String>, cleared: Set<String>,
  diagnoses: [String] = []
) -> ExerciseStatus {
  var passed = 0
  var waiting: (test: TestRecord, stubs: Set<String>)?
  var blamed: [TestRecord] = []
  for test in tests where test.reached.contains(name) {
    var stubs = test.reached.intersection(unwritten)
    if case .blocked(let exercise) = test.verdict {
      guard exercise != name else { continue }
      stubs.insert(exercise)
    }
    if !stubs.isEmpty {
      waiting = waiting ?? (test, stubs)
    } else if !test.failed {
      passed += 1
    } else {
      let suspects = test.reached.subtracting(cleared)
      if suspects.isEmpty || suspects.contains(name) { blamed.append(test) }
    }
  }
  let reach = Dictionary(blamed.map { ($0.id, $0.reached) }) { first, _ in first }
  if let shown = mostTelling(blamed, reach: reach, diagnoses: diagnoses) {
    return .failing(
      TestFailure(
        test: shown.test.name, testID: shown.test.id, message: shown.issue,
        alsoReached: shown.test.reached.subtracting([name]).sorted()))
  }
  if let waiting {
    let names = waiting.stubs.sorted()
    return .failing(
      TestFailure(
        test: waiting.test.name, testID: waiting.test.id,
        message: "This test also runs \(names.joined(separator: ", ")), not written yet. In "
          + "grading, an exercise earns its point when every test that runs it passes with "
          + "your own code alone.",
        alsoReached: names))
  }
  return passed > 0 ? .done : .unreached
}
