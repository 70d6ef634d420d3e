import Foundation

/// `companion grade --results DIR --out OUT`: the class from Gradescope's results, as
/// `grades.csv`, `mistakes.csv` and `report.html`; `companion grade --simulate N --seed S --out
/// DIR` writes a made-up class to try it on.
let gradeCommand = Command(
  name: "grade", summary: tr("summary.grade"), help: tr("help.grade")
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(
    arguments, valued: ["--results", "--out", "--simulate", "--seed", "--budget", "--timeout"])
  guard parsed.positional.count <= 1 else {
    throw UsageError(tr("grade.noArguments", ["argument": parsed.positional[1]]))
  }
  guard let out = parsed.values["--out"] else { throw UsageError(tr("grade.needsOut")) }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  if let folder = parsed.positional.first {
    guard parsed.values["--results"] == nil, parsed.values["--simulate"] == nil else {
      throw UsageError(tr("grade.resultsOrSimulate"))
    }
    let outFolder = URL(fileURLWithPath: out)
    var grading = ClassGrading(
      submissions: URL(fileURLWithPath: folder), out: outFolder, root: root)
    grading.budget = try parsed.seconds("--budget", default: 420)
    grading.timeout = try parsed.seconds("--timeout", default: 60)
    let problems = try grading.run()
    let report = try gradeClass(
      results: outFolder.appendingPathComponent("results"), out: outFolder, root: root,
      more: problems)
    let seconds = grading.times.seconds
    let later = seconds.dropFirst().sorted()
    return report
      + tr(
        "grade.timing",
        [
          "count": "\(seconds.count)", "seconds": "\(Int(seconds.reduce(0, +).rounded()))",
          "first": "\(Int((seconds.first ?? 0).rounded()))",
          "median": later.isEmpty ? "-" : "\(Int(later[later.count / 2].rounded()))",
        ]) + "\n"
  }
  switch (parsed.values["--results"], parsed.values["--simulate"]) {
  case (let results?, nil):
    guard parsed.values["--seed"] == nil else { throw UsageError(tr("grade.seedAlone")) }
    return try gradeClass(
      results: URL(fileURLWithPath: results), out: URL(fileURLWithPath: out), root: root)
  case (nil, _?):
    let count = try parsed.integer("--simulate")!
    guard (1...100_000).contains(count) else {
      throw UsageError(tr("grade.simulateCount", ["count": "\(count)"]))
    }
    let seed = try parsed.integer("--seed", default: 1)!
    guard seed >= 0 else { throw UsageError(tr("input.drawSeed", ["seed": "\(seed)"])) }
    return try writeSimulatedClass(
      students: count, seed: UInt64(seed), out: URL(fileURLWithPath: out), root: root)
  default:
    throw UsageError(tr("grade.resultsOrSimulate"))
  }
}

/// Reads the results under `results`, writes the three files into `out`, and says what it read:
/// a line per problem, then what it wrote.
func gradeClass(
  results: URL, out: URL, root: URL, more: [ClassProblem] = []
) throws(UsageError) -> String {
  var read = try readClassResults(in: results)
  read.problems = more + read.problems
  let course = try Course.read(root: root, language: Language.current)
  let summary = ClassSummary(course: course, students: read.students, problems: read.problems)
  let mistakes = summary.mistakes
  let page = out.appendingPathComponent("report.html")
  try writeFiles(
    [
      ("grades.csv", summary.gradesCSV), ("mistakes.csv", summary.mistakesCSV(mistakes)),
      ("report.html", summary.page(mistakes)),
    ], into: out)
  var lines = read.problems.map { tr("grade.problemLine", ["problem": $0.line]) }
  lines.append(
    tr(
      "grade.summaryLine",
      [
        "students": "\(read.students.count)", "mistakes": "\(mistakes.count)",
        "problems": "\(read.problems.count)", "page": page.path,
      ]))
  return lines.joined(separator: "\n") + "\n"
}

/// Writes a simulated class into `out`, with the grades and mistakes it must give back.
func writeSimulatedClass(students: Int, seed: UInt64, out: URL, root: URL) throws(UsageError)
  -> String
{
  // The catalog's ids and the exercises do not depend on the language; the files are English.
  let course = try Course.read(root: root, language: .en)
  let simulated = simulateClass(students: students, seed: seed, course: course)
  try writeFiles(
    simulated.files + [
      ("expected-grades.csv", simulated.expectedGrades),
      ("expected-mistakes.csv", simulated.expectedMistakes),
    ], into: out)
  return tr(
    "grade.simulatedLine", ["count": "\(students)", "seed": "\(seed)", "path": out.path]) + "\n"
}

/// Writes each file (a path relative to `folder`), making the folders it needs.
private func writeFiles(_ files: [(path: String, text: String)], into folder: URL)
  throws(UsageError)
{
  for (path, text) in files {
    let url = folder.appendingPathComponent(path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    } catch {
      throw UsageError(tr("input.cannotWriteFile"), file: url.path)
    }
  }
}
