import Foundation
import LectureKit

/// A made-up class, for tests and for timing `grade`: a `results.json` per student in the shape
/// `check --format json` prints, and what grading them must give back.
///
/// Each student works through the exercises in teaching order up to a point of their own: before
/// it nine exercises in ten are done and the rest failing; after it most are not written, a few
/// done or failing. Now and then a whole chapter does not compile (its exercises are broken)
/// and, more rarely, one exercise is missing from the results (broken too). A failing exercise
/// carries at most one catalog mistake of its own: entry i of the exercise's catalog entries with
/// its own probability p_i (drawn once per class), none with what is left. Everything follows
/// from the seed.
struct SimulatedClass {
  /// Each student's file, `student-001/results.json`, and its text.
  var files: [(path: String, text: String)]
  /// The standings planted: per student (sorted by name), per exercise.
  var students: [(name: String, standings: [String: Standing], mistakes: [String])]
  /// `grades.csv` as grading the files must write it.
  var expectedGrades: String
  /// `mistakes.csv` as grading the files must write it.
  var expectedMistakes: String
}

/// The chance that a failing exercise carries each of its catalog entries, by id.
func plantingChances(_ course: Course, seed: UInt64) -> [String: Double] {
  var generator = SeededGenerator(seed: seed ^ 0x5EED_CA7A_1060)
  var weights: [String: Double] = [:]
  for entry in course.catalog {
    let u = Double.random(in: 0..<1, using: &generator)
    weights[entry.id] = 0.05 + 0.95 * u * u
  }
  var chances: [String: Double] = [:]
  for entries in Dictionary(grouping: course.catalog, by: \.exerciseKey).values {
    // What is left over is the chance of no catalogued mistake.
    let sum = entries.map { weights[$0.id]! }.reduce(0, +) + 0.4
    for entry in entries { chances[entry.id] = weights[entry.id]! / sum }
  }
  return chances
}

func simulateClass(students count: Int, seed: UInt64, course: Course) -> SimulatedClass {
  var generator = SeededGenerator(seed: seed)
  let chances = plantingChances(course, seed: seed)
  let byExercise = Dictionary(grouping: course.catalog, by: \.exerciseKey)
  let keys = course.exerciseKeys
  let digits = max(3, String(count).count)
  var files: [(path: String, text: String)] = []
  var planted: [(name: String, standings: [String: Standing], mistakes: [String])] = []
  for index in 1...max(count, 1) where count > 0 {
    let number = String(index)
    let name = "student-" + String(repeating: "0", count: max(0, digits - number.count)) + number
    let stop = Int(Double(keys.count) * min(1, Double.random(in: 0..<1.25, using: &generator)))
    let broken = Set(
      course.chapters.map(\.chapter).filter { _ in
        Double.random(in: 0..<1, using: &generator) < 0.03
      })
    var standings: [String: Standing] = [:]
    var mistakes: [(exercise: String, id: String)] = []
    var tests: [SimulatedTest] = []
    for (position, key) in keys.enumerated() {
      let chapter = String(key.split(separator: "/")[0])
      let exercise = String(key.split(separator: "/")[1])
      let u = Double.random(in: 0..<1, using: &generator)
      var standing: Standing
      if broken.contains(chapter) {
        standing = .broken
      } else if position < stop {
        standing = u < 0.9 ? .done : .failing
      } else {
        standing = u < 0.85 ? .unwritten : (u < 0.9 ? .done : .failing)
      }
      // Now and then an exercise is not in the results at all: it counts as broken.
      if Double.random(in: 0..<1, using: &generator) < 0.005 {
        standings[key] = .broken
        continue
      }
      var named: [String] = []
      if standing == .failing {
        var draw = Double.random(in: 0..<1, using: &generator)
        for entry in byExercise[key] ?? [] {
          draw -= chances[entry.id] ?? 0
          if draw < 0 {
            named = [entry.id]
            mistakes.append((key, entry.id))
            break
          }
        }
      }
      standings[key] = standing
      tests.append(
        SimulatedTest(chapter: chapter, exercise: exercise, standing: standing, mistakes: named))
    }
    planted.append((name, standings, mistakes.map(\.id)))
    files.append((name + "/results.json", simulatedResults(tests, broken: broken, course: course)))
  }
  return SimulatedClass(
    files: files, students: planted, expectedGrades: expectedGrades(planted, keys: keys),
    expectedMistakes: expectedMistakes(planted, course: course))
}

/// One exercise's entry in a simulated `results.json`.
private struct SimulatedTest {
  var chapter: String
  var exercise: String
  var standing: Standing
  var mistakes: [String]
}

/// A `results.json` in the shape `check --format json` prints.
private func simulatedResults(_ tests: [SimulatedTest], broken: Set<String>, course: Course)
  -> String
{
  typealias Test = ResultsDocument.Test
  let entries = tests.map { test in
    Test(
      name: "\(test.chapter): \(test.exercise)", score: test.standing == .done ? 1 : 0,
      maxScore: 1, status: test.standing == .done ? "passed" : "failed",
      output: simulatedOutput(test),
      extraData: ExerciseExtra(
        exercise: "\(test.chapter)/\(test.exercise)", status: test.standing.rawValue,
        mistakes: test.mistakes))
  }
  let chapters = course.chapters.map { chapter in
    ResultsDocument.Chapter(
      name: chapter.chapter,
      score: entries.filter { $0.name.hasPrefix(chapter.chapter + ": ") }.map(\.score).reduce(0, +),
      maxScore: chapter.exercises.count,
      problem: broken.contains(chapter.chapter)
        ? "Exercises/\(chapter.chapter)/Chapter.swift:1:1: error: cannot compile" : nil)
  }
  let score = entries.map(\.score).reduce(0, +)
  return ResultsDocument(
    score: score, executionTime: 40 + entries.count / 4,
    output: "\(score) of \(course.exerciseKeys.count) exercises done (simulated)\n",
    tests: entries,
    extraData: ResultsDocument.Extra(maxScore: course.exerciseKeys.count, chapters: chapters)
  ).text
}

/// What Gradescope would show under a simulated exercise.
private func simulatedOutput(_ test: SimulatedTest) -> String {
  switch test.standing {
  case .done: "done"
  case .failing:
    "failing: test \"\(test.exercise)\" (\(test.chapter)Tests)\nexpected [1.0, 2.0], computed [2.0, 1.0]"
  case .unwritten: "not written yet (Exercises/\(test.chapter)/\(test.exercise).swift:1)"
  case .broken: "Exercises/\(test.chapter)/Chapter.swift:1:1: error: cannot compile"
  }
}

/// `grades.csv` from the planted standings, without the grading code.
private func expectedGrades(
  _ students: [(name: String, standings: [String: Standing], mistakes: [String])], keys: [String]
) -> String {
  let rows = students.map { student in
    let total = keys.filter { student.standings[$0] == .done }.count
    return [student.name, "\(total)"] + keys.map { student.standings[$0]!.rawValue }
  }
  return csvText([["student", "total"] + keys] + rows)
}

/// `mistakes.csv` from the planted mistakes, without the grading code.
private func expectedMistakes(
  _ students: [(name: String, standings: [String: Standing], mistakes: [String])], course: Course
) -> String {
  var who: [String: [String]] = [:]
  for student in students {
    for id in Set(student.mistakes) { who[id, default: []].append(student.name) }
  }
  let rows = who.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.map { id, names in
    let entry = course.mistake(id)!
    return [
      id, entry.exerciseKey, "\(names.count)", names.sorted().joined(separator: " "),
      entry.diagnosis,
    ]
  }
  return csvText([["mistake", "exercise", "count", "students", "diagnosis"]] + rows)
}
