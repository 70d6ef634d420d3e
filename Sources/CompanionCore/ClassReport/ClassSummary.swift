import Foundation

/// The class at a glance: what `grades.csv`, `mistakes.csv` and `report.html` show.
struct ClassSummary: Sendable {
  /// A catalog mistake seen in the class, with the students who made it.
  struct SeenMistake: Sendable, Equatable {
    /// `Chapter/slug`.
    var id: String
    /// `Chapter/exercise`.
    var exercise: String
    /// The catalog's diagnosis; empty for an id the catalog does not know.
    var diagnosis: String
    /// The students, sorted.
    var students: [String]
  }

  var course: Course
  var students: [StudentResult]
  var problems: [ClassProblem]

  /// Each exercise's standing for each student: `broken` where the results do not grade it.
  func standing(_ student: StudentResult, _ exercise: String) -> Standing {
    student.standings[exercise] ?? .broken
  }

  /// How many students stand where on an exercise (`Chapter/exercise`).
  func counts(of exercise: String) -> [Standing: Int] {
    var counts: [Standing: Int] = [:]
    for student in students { counts[standing(student, exercise), default: 0] += 1 }
    return counts
  }

  /// The same, over every exercise of a chapter.
  func counts(ofChapter chapter: String) -> [Standing: Int] {
    let exercises = course.chapters.first { $0.chapter == chapter }?.exercises ?? []
    var counts: [Standing: Int] = [:]
    for exercise in exercises {
      counts.merge(self.counts(of: "\(chapter)/\(exercise)"), uniquingKeysWith: +)
    }
    return counts
  }

  /// The mistakes seen, by how many students made them (most first), then by id.
  var mistakes: [SeenMistake] {
    var seen: [String: SeenMistake] = [:]
    for student in students {
      for (id, exercise) in student.mistakes {
        let known = course.mistake(id)
        seen[
          id,
          default: SeenMistake(
            id: id, exercise: known?.exerciseKey ?? exercise, diagnosis: known?.diagnosis ?? "",
            students: [])
        ].students.append(student.name)
      }
    }
    return seen.values.map { mistake in
      var sorted = mistake
      sorted.students.sort()
      return sorted
    }.sorted { ($1.students.count, $0.id) < ($0.students.count, $1.id) }
  }

  /// Where students stopped: per exercise, how many students have it as their first exercise
  /// in teaching order that is not done; most first, then in teaching order. Students with
  /// every exercise done are not counted.
  var stops: [(exercise: String, count: Int)] {
    let keys = course.exerciseKeys
    var counts: [String: Int] = [:]
    for student in students {
      if let first = keys.first(where: { standing(student, $0) != .done }) {
        counts[first, default: 0] += 1
      }
    }
    let order = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    return counts.map { ($0.key, $0.value) }.sorted {
      ($1.1, order[$0.0] ?? .max) < ($0.1, order[$1.0] ?? .max)
    }
  }

  /// The students with every exercise done.
  var finished: Int {
    students.filter { student in course.exerciseKeys.allSatisfy { standing(student, $0) == .done } }
      .count
  }

  /// The totals in bins of `width` points, from 0 to the most points there are.
  func histogram(width: Int) -> [(from: Int, to: Int, count: Int)] {
    let most = max(course.exerciseKeys.count, Int(students.map(\.total).max() ?? 0))
    var bins = Swift.stride(from: 0, through: most, by: width).map {
      (from: $0, to: min($0 + width - 1, most), count: 0)
    }
    for student in students {
      let index = min(max(Int(student.total) / width, 0), bins.count - 1)
      bins[index].count += 1
    }
    return bins
  }

  /// The median total.
  var median: Double {
    let totals = students.map(\.total).sorted()
    guard !totals.isEmpty else { return 0 }
    let middle = totals.count / 2
    return totals.count % 2 == 1 ? totals[middle] : (totals[middle - 1] + totals[middle]) / 2
  }
}

/// A number of points as it is written: without ".0" when whole.
func pointsText(_ points: Double) -> String {
  points == points.rounded() && abs(points) < 1e15
    ? String(Int(points)) : String(format: "%.2f", points)
}
