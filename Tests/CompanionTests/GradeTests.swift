import Foundation
import Testing

@testable import CompanionCore

/// `companion grade`: a class's results read back into grades, mistakes and one page.
@Suite("companion grade: the class from its results")
struct GradeTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// A new empty folder.
  static func folder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("companion-grade-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func write(_ text: String, to path: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static func read(_ path: String, in folder: URL) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
  }

  /// A results.json of the current shape for one student: the exercises given, every other
  /// exercise of the course left out (so broken).
  static func results(
    _ entries: [(exercise: String, status: String, mistakes: [String])], output: String = "",
    format: String? = resultsFormat
  ) -> String {
    let tests = entries.map { entry in
      let name = entry.exercise.replacingOccurrences(of: "/", with: ": ")
      let mistakes = entry.mistakes.map { "\"\(json($0))\"" }.joined(separator: ", ")
      return """
        {"name": "\(json(name))", "score": \(entry.status == "done" ? 1 : 0), "max_score": 1,
         "status": "\(entry.status == "done" ? "passed" : "failed")", "output": "\(json(output))",
         "extra_data": {"exercise": "\(json(entry.exercise))", "status": "\(entry.status)",
         "mistakes": [\(mistakes)]}}
        """
    }
    let score = entries.filter { $0.status == "done" }.count
    let extra =
      format.map { "{\"format\": \"\(json($0))\", \"chapters\": []}" } ?? "{\"chapters\": []}"
    return """
      {"score": \(score), "execution_time": 3, "output": "\(json(output))",
       "tests": [\(tests.joined(separator: ",\n"))], "extra_data": \(extra)}
      """
  }

  /// Text inside a JSON string.
  static func json(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
  }

  @Test("a simulated class graded gives back exactly the planted standings and mistake counts")
  func roundTrip() throws {
    let simulated = try Self.folder("simulated")
    let out = try Self.folder("out")
    let said = try writeSimulatedClass(students: 120, seed: 11, out: simulated, root: Self.root)
    #expect(said.contains("120 students"))
    let line = try gradeClass(results: simulated, out: out, root: Self.root)
    #expect(line.hasPrefix("read 120 students (0 problems)"))
    let grades = try Self.read("grades.csv", in: out)
    let mistakes = try Self.read("mistakes.csv", in: out)
    #expect(grades == (try Self.read("expected-grades.csv", in: simulated)))
    #expect(mistakes == (try Self.read("expected-mistakes.csv", in: simulated)))
    // The class is not trivial: every standing occurs, and mistakes are shared.
    for standing in Standing.allCases {
      #expect(grades.contains(",\(standing.rawValue)"), "no \(standing) in the class")
    }
    let rows = mistakes.split(separator: "\r\n").dropFirst()
    #expect(rows.count > 20)
    let counts = rows.map { Int($0.split(separator: ",")[2])! }
    #expect(counts.max()! >= 4)
    #expect(counts == counts.sorted(by: >))
    // The header: student, total, then every exercise in teaching order.
    let header = grades.split(separator: "\r\n")[0]
    #expect(header.hasPrefix("student,total,Convolution/rotate180,Convolution/zeroPad,"))
    #expect(header.hasSuffix(",ConvNets/layerParameterCount"))
    #expect(grades.split(separator: "\r\n").count == 121)
  }

  @Test("the same seed makes the same class; another seed another")
  func seeded() throws {
    let course = try Course.read(root: Self.root, language: .en)
    let a = simulateClass(students: 30, seed: 5, course: course)
    let b = simulateClass(students: 30, seed: 5, course: course)
    let c = simulateClass(students: 30, seed: 6, course: course)
    #expect(a.files.map(\.text) == b.files.map(\.text))
    #expect(a.expectedGrades == b.expectedGrades)
    #expect(a.expectedGrades != c.expectedGrades)
    #expect(a.files.first?.path == "student-001/results.json")
  }

  @Test("CSV fields are quoted as RFC 4180 has it")
  func quoting() throws {
    #expect(csvField("plain") == "plain")
    #expect(csvField("a,b") == "\"a,b\"")
    #expect(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(csvField("two\nlines") == "\"two\nlines\"")
    #expect(csvField(" padded") == "\" padded\"")
    #expect(csvText([["a", "b,c"], ["1", "2"]]) == "a,\"b,c\"\r\n1,2\r\n")
    // A name with a comma and quotes, and a diagnosis with a comma, in the files written.
    let results = try Self.folder("quoting")
    let out = try Self.folder("quoting-out")
    let course = try Course.read(root: Self.root, language: .en)
    let entry = try #require(course.catalog.first { $0.diagnosis.contains(",") })
    try Self.write(
      Self.results([(entry.exerciseKey, "failing", [entry.id])]),
      to: "Doe, \"Jo\"/results.json", in: results)
    _ = try gradeClass(results: results, out: out, root: Self.root)
    let grades = try Self.read("grades.csv", in: out)
    #expect(grades.split(separator: "\r\n")[1].hasPrefix("\"Doe, \"\"Jo\"\"\",0,"))
    let mistakes = try Self.read("mistakes.csv", in: out)
    #expect(
      mistakes.split(separator: "\r\n")[1]
        == "\(entry.id),\(entry.exerciseKey),1,\"Doe, \"\"Jo\"\"\",\(csvField(entry.diagnosis))")
  }

  @Test("bad files: each one line in the run and on the page; the others are counted")
  func badInput() throws {
    let results = try Self.folder("bad")
    let out = try Self.folder("bad-out")
    let good = Self.results([("Convolution/rotate180", "done", [])])
    try Self.write(good, to: "ada/results.json", in: results)
    try Self.write(good, to: "submission_1/results.json", in: results)
    try Self.write(good, to: "submission_2/results.json", in: results)
    try Self.write(good, to: "submission_3/deep/results.json", in: results)
    try Self.write("{\"score\": 3, oops", to: "broken-json/results.json", in: results)
    try Self.write(Self.results([], format: nil), to: "old-shape/results.json", in: results)
    try Self.write(Self.results([], format: "other/2"), to: "other-shape/results.json", in: results)
    try Self.write(
      """
      submission_1:
        :submitters:
        - :name: Grace Hopper
          :sid: '1906'
      submission_2:
        :submitters:
        - :name: "Grace Hopper"
      submission_3:
        :submitters:
        - :name: 'Alan O''Brien'
        - :name: Bo
        :score: 3.0
      """, to: "submission_metadata.yml", in: results)
    let said = try gradeClass(results: results, out: out, root: Self.root)
    let lines = said.split(separator: "\n").map(String.init)
    #expect(
      lines.dropLast() == [
        "problem: broken-json/results.json: is not JSON; left out",
        "problem: old-shape/results.json: has no extra_data.format: not written by this version "
          + "of companion check (expected \(resultsFormat)); left out",
        "problem: other-shape/results.json: is of format other/2, not \(resultsFormat); left out",
        "problem: submission_1/results.json, submission_2/results.json: 2 results for the "
          + "student Grace Hopper; none of them is counted until one is removed",
      ])
    #expect(lines.last!.hasPrefix("read 2 students (4 problems), saw 0 catalogued mistakes"))
    let grades = try Self.read("grades.csv", in: out)
    #expect(
      grades.split(separator: "\r\n").map { $0.split(separator: ",")[0] }.dropFirst() == [
        "Alan O'Brien & Bo", "ada",
      ])
    #expect(grades.contains("ada,1,done,broken,"))
    let page = try Self.read("report.html", in: out)
    #expect(page.contains("id=\"problem-count\">4<"))
    for line in lines.dropLast() {
      #expect(page.contains(escapedXML(String(line.dropFirst("problem: ".count)))))
    }
  }

  @Test("a missing or empty folder, or an output folder that cannot be written: one line, status 2")
  func usage() throws {
    let empty = try Self.folder("empty")
    let results = try Self.folder("some")
    try Self.write(Self.results([]), to: "ada/results.json", in: results)
    let file = empty.appendingPathComponent("a-file")
    try Data().write(to: file)
    let cases: [([String], String)] = [
      (
        ["grade", "--results", empty.appendingPathComponent("nowhere").path, "--out", empty.path],
        "is not a folder of results"
      ),
      (["grade", "--results", empty.path, "--out", empty.path], "no results.json under"),
      (
        ["grade", "--results", results.path, "--out", file.appendingPathComponent("out").path],
        "cannot write this file"
      ),
      (["grade", "--results", results.path], "grade needs --out"),
      (["grade", "--out", empty.path], "either --results DIR"),
      (["grade", "--simulate", "0", "--out", empty.path], "from 1 to 100000"),
      (
        ["grade", "--results", results.path, "--seed", "2", "--out", empty.path], "--seed goes with"
      ),
    ]
    for (arguments, expected) in cases {
      let outcome = runCompanion(arguments)
      #expect(outcome.status == 2, "\(arguments)")
      #expect(outcome.errors.hasPrefix("companion: error: "), "\(arguments)")
      #expect(outcome.errors.contains(expected), "\(arguments): \(outcome.errors)")
      #expect(outcome.errors.filter { $0 == "\n" }.count == 1, "\(arguments)")
    }
  }

  @Test("text from the results is escaped on the page: a hostile name, id and output")
  func escaping() throws {
    let results = try Self.folder("hostile")
    let out = try Self.folder("hostile-out")
    let hostile = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
    try Self.write(
      Self.results(
        [("Convolution/rotate180", "failing", ["Convolution/<b onmouseover=alert(2)>"])],
        output: hostile), to: "\(hostile.replacingOccurrences(of: "/", with: "|"))/results.json",
      in: results)
    try Self.write("<html><script>alert(3)</script>", to: "x<i>/results.json", in: results)
    _ = try gradeClass(results: results, out: out, root: Self.root)
    let page = try Self.read("report.html", in: out)
    #expect(!page.contains("<script>alert"))
    #expect(!page.contains("<img"))
    #expect(!page.contains("<b onmouseover"))
    #expect(!page.contains("x<i>"))
    #expect(page.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;|script&gt; &amp; &lt;img"))
    #expect(page.contains("Convolution/&lt;b onmouseover=alert(2)&gt;"))
    // The page's own script is the only one.
    #expect(page.components(separatedBy: "<script").count == 2)
  }

  @Test(
    "--lang zh: the page's own words and the run's lines in Chinese; names and diagnoses as they are"
  )
  func chinese() throws {
    let simulated = try Self.folder("zh")
    let out = try Self.folder("zh-out")
    _ = try writeSimulatedClass(students: 20, seed: 2, out: simulated, root: Self.root)
    let said = try Language.$current.withValue(.zh) {
      try gradeClass(results: simulated, out: out, root: Self.root)
    }
    #expect(said.hasPrefix("读取了 20 个学生"))
    let page = try Self.read("report.html", in: out)
    #expect(page.contains("<html lang=\"zh\">"))
    for words in ["全班概况", "各章与各练习", "常见错误，按犯错人数排列", "学生停在哪里", "总分分布", "无法编译"] {
      #expect(page.contains(words), "\(words)")
    }
    #expect(!page.contains("The class at a glance"))
    #expect(!page.contains("Where students stopped"))
    // The lecture sections come from the Chinese guides; catalog diagnoses stay English.
    let course = try Course.read(root: Self.root, language: .en)
    let sections = try Course.read(root: Self.root, language: .zh).sections
    let seen = try Self.read("mistakes.csv", in: out).split(separator: "\r\n").dropFirst()
    #expect(!seen.isEmpty)
    for row in seen {
      let cells = row.split(separator: ",").map(String.init)
      #expect(page.contains(escapedXML(course.mistake(cells[0])!.diagnosis)))
      let section = try #require(sections[cells[1]])
      #expect(section.isEmpty || page.contains(escapedXML(section)), "\(cells[1])")
    }
    #expect(sections.values.contains { $0.contains("局部滤波") })
    // The grades do not depend on the language.
    #expect(
      (try Self.read("grades.csv", in: out))
        == (try Self.read("expected-grades.csv", in: simulated)))
  }

  @Test("the lecture section of an exercise comes from its guide's table of slides")
  func sections() throws {
    let english = try Course.read(root: Self.root, language: .en).sections
    #expect(english["Convolution/correlate2D"]?.contains("\"Local filtering\"") == true)
    #expect(english["Convolution/correlate2D"]?.hasSuffix("[E1.1]") == true)
    #expect(
      english["Convolution/correlationInputGradient"]?.contains(
        "the gradient through a correlation") == true)
    #expect(english["Backprop/derivative"]?.contains("Fig. 1") == true)
    #expect(english["Convolution/fftConvolve2D"]?.contains("Convolution is fast") == true)
    let chinese = try Course.read(root: Self.root, language: .zh).sections
    #expect(chinese["Convolution/correlate2D"]?.contains("局部滤波") == true)
    let missing = english.filter { $0.value.isEmpty }.keys.sorted()
    #expect(missing.count <= 12, "no lecture section found for \(missing)")
  }

  @Test("Gradescope's submission_metadata.yml: folder to submitter, groups joined")
  func metadata() {
    let names = submitterNames(
      """
      # exported
      submission_10:
        :submitters:
        - :name: Ada Lovelace
          :sid: '1815'
          :email: ada@example.com
        :created_at: 2025-01-01 10:00:00.000000000 -08:00
        :score: 12.0
      "submission_11":
        :submitters:
        - :name: "Pair One"
        - :name: Pair Two
        :results:
          :name: not a submitter
      submission_12:
        :score: 3.0
      """)
    #expect(names == ["submission_10": "Ada Lovelace", "submission_11": "Pair One & Pair Two"])
  }
}
