import ExerciseKit
import Foundation

/// `companion check`: brings the traced copy of the student's exercises up to date, builds it
/// (a chapter that does not compile costs that chapter alone), and judges each written exercise
/// by its tests run with the reference standing in for every other exercise, then the chapter's
/// exercises together (``Judge``), in test processes with a time limit.
struct Checker {
  let root: URL
  /// The time limit of a chapter's test process, in seconds.
  var timeout: Double = 60
  /// Where the progress lines go ("testing Convolution ..."): standard error, or nowhere.
  var progress: (String) -> Void = say
  /// Whether this is the autograder's check: a build with the student's code and no reference
  /// code, one run of each chapter's tests, and ``gradingReport`` (see why there).
  var grading = false
  /// The autograder's: the test processes run as the sandbox's user, from binaries installed
  /// there, and the build holds the probes (see ``Autograde``).
  var sandbox: Sandbox?
  /// When everything must be over (the autograder's budget): the build and each chapter get a
  /// share of what is left, and a chapter reached after it reports that time ran out.
  var deadline: Date?
  /// Time kept back at the end, for what follows the chapters (the probes).
  var reserve: Double = 0
  /// Only the build, no tests (the autograder's first build, when its image is made).
  var buildOnly = false

  /// The reports of `chapters`, in the order given.
  func run(chapters: [String]) throws -> [ChapterReport] {
    let tree = ExerciseTree(root: root)
    let dependencies = try tree.chapterDependencies()
    let curriculum = Curriculum.read(from: tree)
    let all = curriculum.teachingOrder(of: try tree.chapters())
    let needed = try tree.withDependencies(chapters)
    let toBuild = all.filter { needed.contains($0) }
    let student = try StudentExercises(tree: tree, chapters: all, curriculum: curriculum)
    try TracedTree(root: root, withReference: !grading).update(chapters: toBuild)
    progress(tr("check.building", ["command": "check", "folder": CheckBuild.scratch]))
    var builder = CheckBuild(root: root)
    if sandbox != nil { builder.environment["COMPANION_PROBES"] = "1" }
    builder.deadline = deadline.map { $0.addingTimeInterval(-reserve) }
    let build = builder.build(toBuild, dependencies: dependencies)
    if let failure = build.failure {
      throw UsageError(tr("check.buildFailed", ["why": failure]))
    }
    if buildOnly { return [] }
    var testBinary: URL?
    if let sandbox {
      testBinary = try? sandbox.install(
        root.appendingPathComponent(
          "\(CheckBuild.scratch)/debug/DeepLearningCompanionPackageTests.xctest"),
        as: "tests")
    }
    var closure: [String: [String]] = [:]
    for chapter in toBuild { closure[chapter] = try tree.withDependencies([chapter]).sorted() }
    let judge = Judge(root: root, timeout: timeout, student: student, chapters: closure)
    let diagnoses = catalogDiagnoses(tree)
    var left = chapters.count
    let reports = chapters.map { chapter in
      defer { left -= 1 }
      let exercises = student.exercises[chapter] ?? []
      if let problem = student.problems[chapter] {
        return notChecked(chapter, exercises, student.unwritten, problem: problem)
      }
      if let error = build.broken[chapter] {
        let culprit = exercises.first { exercise in
          "Exercises/" + exercise.file == error.file && error.line >= exercise.line
            && error.line <= exercise.line + exercise.body.count + 1
        }
        return notChecked(
          chapter, exercises, student.unwritten,
          problem: tr("check.doesNotCompile", ["error": "\(error)"]), culprit: culprit?.name)
      }
      if let missing = build.blocked[chapter] {
        return notChecked(
          chapter, exercises, student.unwritten,
          problem: tr("check.blocked", ["chapter": missing]))
      }
      progress(tr("check.testing", ["command": "check", "chapter": chapter]))
      if grading {
        // The student's code never runs as the grader's user.
        if sandbox != nil && testBinary == nil {
          return notChecked(
            chapter, exercises, student.unwritten, problem: tr("check.swiftBuildFailed"))
        }
        var limit = timeout
        var chapterDeadline: Date?
        if let deadline {
          // An equal share of what is left: what a chapter does not use goes to the next. A
          // run gets at most a third of it (and at least 10 s), so that after an endless loop
          // the chapter's other tests still run in its share.
          let share = max(0, (deadline.timeIntervalSinceNow - reserve) / Double(max(left, 1)))
          chapterDeadline = Date().addingTimeInterval(share)
          limit = min(timeout, max(10, share / 3))
        }
        var testRun = ChapterTestRun(root: root, timeout: limit)
        testRun.deadline = chapterDeadline
        if let sandbox, let testBinary { testRun.sandbox = (sandbox, testBinary) }
        let run = testRun.run(chapter)
        return gradingReport(
          chapter: chapter, exercises: exercises, unwritten: student.unwritten, tests: run.tests,
          problem: run.problem, diagnoses: diagnoses)
      }
      let verdicts = judge.judge(chapter)
      return chapterReport(
        chapter: chapter, exercises: exercises, unwritten: student.unwritten,
        alone: verdicts.alone, together: verdicts.together, reach: verdicts.reach,
        diagnoses: diagnoses, problem: verdicts.problem)
    }
    ProgressCache(root: root).record(reports)
    return reports
  }

  /// The report of a chapter whose tests could not run: unwritten exercises stay so, the
  /// exercise the compiler points into is the one to mend, the others are not checked.
  private func notChecked(
    _ chapter: String, _ exercises: [Exercise], _ unwritten: Set<String>, problem: String,
    culprit: String? = nil
  ) -> ChapterReport {
    let reports = exercises.map { exercise in
      let status: ExerciseStatus =
        exercise.name == culprit
        ? .broken(tr("check.brokenHere"))
        : unwritten.contains(exercise.name) ? .notWritten : .broken(tr("check.notChecked"))
      return ExerciseReport(
        name: exercise.name, file: "Exercises/" + exercise.file, line: exercise.line,
        status: status)
    }
    return ChapterReport(chapter: chapter, exercises: reports, problem: problem)
  }
}

/// The student's exercises, chapter by chapter in teaching order, with the names of those whose
/// body is still the stub. A chapter whose marker comments the student broke is kept apart.
struct StudentExercises {
  var exercises: [String: [Exercise]] = [:]
  var unwritten: Set<String> = []
  /// Chapters whose markers cannot be read: why.
  var problems: [String: String] = [:]

  init(tree: ExerciseTree, chapters: [String], curriculum: Curriculum? = nil) throws {
    let curriculum = curriculum ?? Curriculum.read(from: tree)
    let reference = try tree.exercises()
    let stubs = Dictionary(uniqueKeysWithValues: reference.map { ($0.name, $0.stub) })
    for chapter in chapters {
      var found: [Exercise] = []
      do {
        for file in tree.files(in: "Exercises/\(chapter)") where file.hasSuffix(".swift") {
          let path = "\(chapter)/\(file)"
          found += try MarkedFile(text: try tree.text("Exercises/" + path), file: path).exercises
        }
      } catch let error as MarkerError {
        problems[chapter] = tr("check.markersBroken", ["error": "\(error)"])
      }
      for exercise in found where stubs[exercise.name] == exercise.body {
        unwritten.insert(exercise.name)
      }
      // Without its markers an exercise cannot be traced, and its tests would blame others.
      let names = Set(found.map(\.name))
      if problems[chapter] == nil,
        let lost = reference.first(where: { $0.chapter == chapter && !names.contains($0.name) })
      {
        problems[chapter] = tr("check.markerMissing", ["name": lost.name, "file": lost.file])
      }
      exercises[chapter] = curriculum.teachingOrder(of: found)
    }
  }
}

/// The diagnoses of the catalog of mistakes (`Mistakes/`), which name a mistake wherever a test
/// says them; none when the catalog cannot be read.
func catalogDiagnoses(_ tree: ExerciseTree) -> [String] {
  ((try? tree.mistakes()) ?? []).flatMap { $0.mistakes.map(\.diagnosis) }
}

/// Prints a progress line on standard error (never on standard output, which may be JSON).
func say(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// The package's root: the nearest folder at or above `start` with a Package.swift and a
/// Solutions/ folder.
func packageRoot(from start: URL) throws(UsageError) -> URL {
  var folder = start.standardizedFileURL
  while true {
    let manifest = folder.appendingPathComponent("Package.swift").path
    let solutions = folder.appendingPathComponent("Solutions").path
    if FileManager.default.fileExists(atPath: manifest)
      && FileManager.default.fileExists(atPath: solutions)
    {
      return folder
    }
    let parent = folder.deletingLastPathComponent()
    if parent.path == folder.path {
      throw UsageError(tr("check.noPackage", ["path": start.path]))
    }
    folder = parent
  }
}
