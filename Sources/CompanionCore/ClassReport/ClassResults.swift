import Foundation

/// The shape of `results.json` that `companion grade` reads: what `companion check --format
/// json` prints, with `extra_data.format` set to this.
let resultsFormat = checkJSONFormat

/// Where a student stands on one exercise, as the class report counts it.
enum Standing: String, Sendable, CaseIterable {
  case done
  case failing
  case unwritten
  /// The chapter does not compile, or the exercise was not graded at all.
  case broken
}

/// One student's graded submission.
struct StudentResult: Sendable, Equatable {
  /// The name the report shows: the submitter's from Gradescope's metadata, else the folder's.
  var name: String
  /// The `results.json`, relative to the folder read.
  var file: String
  /// The total points.
  var total: Double
  /// Each exercise's standing, keyed `Chapter/exercise`.
  var standings: [String: Standing]
  /// The catalog mistakes named in the student's results, `Chapter/slug`, each with the
  /// exercise it was seen on (`Chapter/exercise`).
  var mistakes: [(id: String, exercise: String)]

  static func == (a: StudentResult, b: StudentResult) -> Bool {
    a.name == b.name && a.file == b.file && a.total == b.total && a.standings == b.standings
      && a.mistakes.map(\.id) == b.mistakes.map(\.id)
      && a.mistakes.map(\.exercise) == b.mistakes.map(\.exercise)
  }
}

/// Something in the folder that could not be counted, said in one line.
struct ClassProblem: Sendable, Equatable {
  /// The file or files concerned, relative to the folder read.
  var file: String
  /// What is wrong, in the run's language.
  var problem: String

  var line: String { "\(file): \(problem)" }
}

/// Everything read from a folder of results.
struct ClassResults: Sendable {
  var students: [StudentResult]
  var problems: [ClassProblem]
}

/// The part of `results.json` the report needs. Every field is optional, so that a file of
/// another shape is told apart from one that is not JSON at all.
private struct ResultsFile: Decodable {
  struct Test: Decodable {
    struct Extra: Decodable {
      let exercise: String?
      let status: String?
      let mistakes: [String]?
    }
    let name: String?
    let score: Double?
    let extraData: Extra?
  }
  struct Extra: Decodable {
    let format: String?
  }
  let score: Double?
  let tests: [Test]?
  let extraData: Extra?
}

/// Reads every `results.json` under `folder`: one student per folder directly under it (the
/// first component of the file's relative path), named from Gradescope's
/// `submission_metadata.yml` where it names the folder's submitter. A file that is not JSON,
/// that is not of ``resultsFormat``, or a second result for a student's name is a problem and
/// is left out; everything else is read.
///
/// - Throws: ``UsageError`` when the folder is missing or holds no `results.json`.
func readClassResults(in folder: URL) throws(UsageError) -> ClassResults {
  var isFolder: ObjCBool = false
  guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
    isFolder.boolValue
  else {
    throw UsageError(tr("grade.noFolder", ["path": folder.path]))
  }
  let files = resultsFiles(in: folder)
  guard !files.isEmpty else {
    throw UsageError(tr("grade.noResults", ["path": folder.path]))
  }
  let submitters = submitterNames(
    (try? String(
      contentsOf: folder.appendingPathComponent("submission_metadata.yml"), encoding: .utf8))
      ?? "")
  // Decoding is most of the time: the files are read on every core, each into its own slot.
  let slots = ResultSlots(count: files.count)
  let language = Language.current
  DispatchQueue.concurrentPerform(iterations: files.count) { index in
    let relative = files[index]
    let component = relative.split(separator: "/").first.map(String.init) ?? relative
    let folderName = relative.contains("/") ? component : folder.lastPathComponent
    let name = submitters[folderName] ?? folderName
    // The worker threads do not inherit the task's language.
    Language.$current.withValue(language) {
      slots.set(
        index, readResult(folder.appendingPathComponent(relative), file: relative, name: name))
    }
  }
  var students: [StudentResult] = []
  var problems: [ClassProblem] = []
  for outcome in slots.values {
    switch outcome {
    case .success(let student): students.append(student)
    case .failure(let problem): problems.append(problem)
    }
  }
  // Two results for one name: neither is counted, since either may be the one that stands.
  let byName = Dictionary(grouping: students, by: \.name)
  for (name, results) in byName where results.count > 1 {
    let files = results.map(\.file).sorted()
    problems.append(
      ClassProblem(
        file: files.joined(separator: ", "),
        problem: tr("grade.twoResults", ["name": name, "count": "\(results.count)"])))
  }
  students = students.filter { byName[$0.name]!.count == 1 }.sorted { $0.name < $1.name }
  problems.sort { $0.file < $1.file }
  return ClassResults(students: students, problems: problems)
}

/// The paths of the `results.json` files under `folder`, relative to it, sorted.
func resultsFiles(in folder: URL) -> [String] {
  let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
  guard
    let walker = FileManager.default.enumerator(
      at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
  else { return [] }
  var files: [String] = []
  for case let url as URL in walker where url.lastPathComponent == "results.json" {
    let path = url.standardizedFileURL.resolvingSymlinksInPath().path
    guard path.hasPrefix(base + "/") else { continue }
    files.append(String(path.dropFirst(base.count + 1)))
  }
  return files.sorted()
}

/// One slot per file, filled from several threads.
private final class ResultSlots: @unchecked Sendable {
  private var slots: [Result<StudentResult, ClassProblem>?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Result<StudentResult, ClassProblem>) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Result<StudentResult, ClassProblem>] { slots.compactMap { $0 } }
}

extension ClassProblem: Error {}

/// One `results.json`, or the one line that says why it cannot be counted.
private func readResult(_ url: URL, file: String, name: String) -> Result<
  StudentResult, ClassProblem
> {
  func problem(_ key: String, _ arguments: [String: String] = [:]) -> Result<
    StudentResult, ClassProblem
  > {
    .failure(ClassProblem(file: file, problem: tr(key, arguments)))
  }
  guard let data = try? Data(contentsOf: url) else { return problem("grade.unreadable") }
  let decoder = JSONDecoder()
  decoder.keyDecodingStrategy = .convertFromSnakeCase
  guard let results = try? decoder.decode(ResultsFile.self, from: data) else {
    // Parsed again only to tell which problem it is.
    guard (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    else { return problem("grade.notJSON") }
    return problem("grade.wrongShape", ["format": resultsFormat])
  }
  guard let format = results.extraData?.format else {
    return problem("grade.noFormat", ["format": resultsFormat])
  }
  guard format == resultsFormat else {
    return problem("grade.otherFormat", ["found": format, "format": resultsFormat])
  }
  var standings: [String: Standing] = [:]
  var mistakes: [(id: String, exercise: String)] = []
  for test in results.tests ?? [] {
    guard let exercise = test.extraData?.exercise ?? exerciseKey(testName: test.name) else {
      continue
    }
    standings[exercise] = test.extraData?.status.flatMap(Standing.init(rawValue:)) ?? .broken
    for id in test.extraData?.mistakes ?? [] where !mistakes.contains(where: { $0.id == id }) {
      mistakes.append((id, exercise))
    }
  }
  return .success(
    StudentResult(
      name: name, file: file,
      total: results.score ?? (results.tests ?? []).compactMap(\.score).reduce(0, +),
      standings: standings, mistakes: mistakes))
}

/// `Chapter/exercise` from a test's name, "Chapter: exercise".
private func exerciseKey(testName: String?) -> String? {
  guard let testName, let colon = testName.range(of: ": ") else { return nil }
  return testName[..<colon.lowerBound] + "/" + testName[colon.upperBound...]
}

/// The submitters' names of Gradescope's `submission_metadata.yml`, keyed by submission folder:
///
/// ```yaml
/// submission_123456:
///   :submitters:
///   - :name: Ada Lovelace
///     :sid: '1815'
/// ```
///
/// A group's names are joined with " & ". Only this much of YAML is read: a folder whose entry
/// does not look like this keeps its own name.
func submitterNames(_ yaml: String) -> [String: String] {
  var names: [String: [String]] = [:]
  var folder: String?
  var submittersIndent: Int?
  for raw in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
    let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
    let indent = line.prefix { $0 == " " }.count
    let text = line.dropFirst(indent)
    if text.isEmpty || text.hasPrefix("#") { continue }
    if indent == 0 {
      submittersIndent = nil
      folder = text.hasSuffix(":") ? unquoted(String(text.dropLast())) : nil
      continue
    }
    if text == ":submitters:" {
      submittersIndent = indent
      continue
    }
    if let level = submittersIndent, indent <= level, !text.hasPrefix("- ") {
      submittersIndent = nil
    }
    guard let folder, submittersIndent != nil else { continue }
    var entry = Substring(text)
    if entry.hasPrefix("- ") { entry = entry.dropFirst(2) }
    if entry.hasPrefix(":name:") {
      let name = unquoted(entry.dropFirst(":name:".count).trimmingCharacters(in: .whitespaces))
      if !name.isEmpty { names[folder, default: []].append(name) }
    }
  }
  return names.mapValues { $0.joined(separator: " & ") }
}

/// A YAML scalar without its quotes.
private func unquoted(_ text: String) -> String {
  for quote in ["'", "\""] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
    let inner = String(text.dropFirst().dropLast())
    return quote == "'" ? inner.replacingOccurrences(of: "''", with: "'") : inner
  }
  return text
}
