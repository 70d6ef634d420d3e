import ExerciseKit
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `companion grade SUBMISSIONS/ --out OUT`: grades every submission of a class as
/// `run_autograder` grades one, then reports on the class as `grade --results` does.
///
/// A submission is a folder or a `.zip` directly in SUBMISSIONS (Gradescope's "Export
/// Submissions", unzipped, gives a folder per submission; GitHub Classroom's clones give a
/// folder per student); the student is its name without `.zip`. Each is graded in one work copy
/// of the package (`OUT/.grading/package`), its `Exercises/` put back to the stubs before the
/// next, so that the build is shared and only what a student changed is compiled again. Run as
/// root, the student's code runs as `companion-student` in the sandbox, as on Gradescope; else
/// as the user running the tool, with the same time limits. Each results.json goes to
/// `OUT/results/STUDENT/results.json`.
struct ClassGrading {
  let submissions: URL
  let out: URL
  /// The instructor's package: the reference and its probe binary come from it.
  let root: URL
  var budget: Double = 420
  var timeout: Double = 60
  /// Where the progress lines go.
  var progress: (String) -> Void = say

  /// Grades every submission; the problems met, one line each (a submission that cannot be
  /// read, two for one student), relative to SUBMISSIONS.
  /// The seconds each graded submission took, in the order graded (after ``run()``).
  final class Times: @unchecked Sendable { var seconds: [Double] = [] }
  let times = Times()

  func run() throws(UsageError) -> [ClassProblem] {
    var problems: [ClassProblem] = []
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: submissions.path)
        .filter { !$0.hasPrefix(".") }.sorted()
    } catch {
      throw UsageError(tr("grade.noSubmissions", ["path": submissions.path]))
    }
    var byStudent: [String: [String]] = [:]
    for entry in entries {
      var isFolder: ObjCBool = false
      FileManager.default.fileExists(
        atPath: submissions.appendingPathComponent(entry).path, isDirectory: &isFolder)
      if isFolder.boolValue {
        byStudent[entry, default: []].append(entry)
      } else if entry.lowercased().hasSuffix(".zip") {
        byStudent[String(entry.dropLast(4)), default: []].append(entry)
      } else {
        problems.append(ClassProblem(file: entry, problem: tr("grade.notSubmission")))
      }
    }
    for (student, found) in byStudent where found.count > 1 {
      problems.append(
        ClassProblem(
          file: found.joined(separator: ", "),
          problem: tr("grade.twoSubmissions", ["student": student])))
    }
    let students = byStudent.filter { $0.value.count == 1 }.keys.sorted()
    guard !students.isEmpty else {
      throw UsageError(tr("grade.noSubmissions", ["path": submissions.path]))
    }
    let work = out.appendingPathComponent(".grading")
    let package = work.appendingPathComponent("package")
    let probe = try referenceProbe()
    try prepare(package)
    let asRoot = getuid() == 0
    if !asRoot { progress(tr("grade.notRoot")) }
    var seconds: [Double] = []
    for (index, student) in students.enumerated() {
      let entry = byStudent[student]![0]
      var line = tr(
        "grade.gradingOne",
        ["student": student, "index": "\(index + 1)", "count": "\(students.count)"])
      if !seconds.isEmpty {
        let left = seconds.sorted()[seconds.count / 2] * Double(students.count - index)
        line += tr("grade.timeLeft", ["minutes": "\(Int((left / 60).rounded(.up)))"])
      }
      progress(line)
      let start = Date()
      defer {
        seconds.append(Date().timeIntervalSince(start))
        times.seconds = seconds
      }
      let source: URL
      if entry.lowercased().hasSuffix(".zip") {
        let folder = work.appendingPathComponent("unzipped/\(student)")
        guard unzip(submissions.appendingPathComponent(entry), into: folder) else {
          problems.append(ClassProblem(file: entry, problem: tr("grade.badZip")))
          continue
        }
        source = folder
      } else {
        source = submissions.appendingPathComponent(entry)
      }
      do {
        try ExerciseTree(root: package).write(force: true)
      } catch {
        throw UsageError(tr("grade.cannotPrepare", ["error": "\(error)"]))
      }
      let results = out.appendingPathComponent("results/\(student)/results.json")
      try? FileManager.default.createDirectory(
        at: results.deletingLastPathComponent(), withIntermediateDirectories: true)
      let grading = Autograde(
        root: package, submission: source, results: results,
        sandboxFolder: URL(fileURLWithPath: "/tmp/companion-grading-\(UUID().uuidString)"),
        user: asRoot ? "companion-student" : nil, budget: budget, timeout: timeout,
        referenceProbe: probe, progress: { _ in })
      do {
        // What the submission held that was not graded: one line, as on Gradescope's page.
        if let overlay = try grading.run() {
          if overlay.taken.isEmpty {
            problems.append(ClassProblem(file: entry, problem: tr("grade.nothingTaken")))
          }
          let left = overlay.leftOut.count + overlay.ignored
          if left > 0 {
            problems.append(
              ClassProblem(
                file: entry,
                problem: tr(
                  "grade.leftOut",
                  [
                    "count": "\(left)",
                    "first": overlay.leftOut.first ?? tr("grade.outsideExercises"),
                  ])))
          }
        }
      } catch {
        problems.append(ClassProblem(file: entry, problem: "\(error)"))
      }
    }
    return problems
  }

  /// The reference's probe binary, built in the instructor's package.
  private func referenceProbe() throws(UsageError) -> URL {
    progress(tr("grade.buildingProbes"))
    let built = runProgram(
      ["swift", "build", "--product", "probe"], in: root, environment: ["COMPANION_TRACK": nil])
    let binary = root.appendingPathComponent(".build/debug/probe")
    guard built.status == 0, FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw UsageError(
        tr("grade.cannotPrepare", ["error": String(built.output.suffix(800))]))
    }
    return binary
  }

  /// The work copy: the package's sources, tests, solutions, guides and catalog (its builds kept
  /// from one run to the next), root's alone when run as root.
  private func prepare(_ package: URL) throws(UsageError) {
    do {
      try FileManager.default.createDirectory(at: package, withIntermediateDirectories: true)
      for item in [
        "Package.swift", "README.md", "Sources", "Tests", "Solutions", "Exercises", "Guides",
        "Mistakes",
      ] {
        let target = package.appendingPathComponent(item)
        try? FileManager.default.removeItem(at: target)
        let source = root.appendingPathComponent(item)
        guard FileManager.default.fileExists(atPath: source.path) else { continue }
        try FileManager.default.copyItem(at: source, to: target)
      }
      chmod(package.path, getuid() == 0 ? 0o700 : 0o755)
    } catch {
      throw UsageError(tr("grade.cannotPrepare", ["error": "\(error)"]))
    }
  }
}

/// Unzips `zip` into a fresh `folder` with the system's `unzip`, or Python's zipfile when there
/// is none; whether it worked. Nothing in the zip is run.
func unzip(_ zip: URL, into folder: URL) -> Bool {
  try? FileManager.default.removeItem(at: folder)
  try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  for command in [
    ["unzip", "-qq", "-o", zip.path, "-d", folder.path],
    ["python3", "-m", "zipfile", "-e", zip.path, folder.path],
  ] {
    // Bounded: a zip can be made to take for ever to unpack.
    let log = folder.deletingLastPathComponent().appendingPathComponent(
      folder.lastPathComponent + "-unzip.log")
    let ending = runChild(command, in: folder, output: log, timeout: 120)
    if ending.succeeded { return true }
    if ending != .exited(127) { return false }
  }
  return false
}
