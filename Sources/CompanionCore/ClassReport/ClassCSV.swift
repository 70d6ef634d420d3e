import Foundation

/// One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or
/// leading or trailing space, with each quote doubled.
func csvField(_ text: String) -> String {
  let needsQuotes =
    text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    || text.first == " " || text.last == " "
  guard needsQuotes else { return text }
  return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Lines of fields, each line ended by CRLF as RFC 4180 has it.
func csvText(_ rows: [[String]]) -> String {
  rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
}

extension ClassSummary {
  /// `grades.csv`: a row per student, sorted by name: the total and each exercise's standing, in
  /// teaching order.
  var gradesCSV: String {
    let keys = course.exerciseKeys
    let header = ["student", "total"] + keys
    let rows = students.map { student in
      [student.name, pointsText(student.total)] + keys.map { standing(student, $0).rawValue }
    }
    return csvText([header] + rows)
  }

  /// `mistakes.csv`: a row per catalog mistake seen, most students first.
  func mistakesCSV(_ mistakes: [SeenMistake]) -> String {
    let header = ["mistake", "exercise", "count", "students", "diagnosis"]
    let rows = mistakes.map {
      [
        $0.id, $0.exercise, "\($0.students.count)", $0.students.joined(separator: " "),
        $0.diagnosis,
      ]
    }
    return csvText([header] + rows)
  }
}
