import ExerciseKit
import Foundation

/// The exercises found done by the last check of each chapter, kept in
/// `.build-exercises/progress.json`: `watch` checks one chapter and shows the course's progress
/// from it.
struct ProgressCache {
  let root: URL

  private var file: URL {
    root.appendingPathComponent("\(CheckBuild.scratch)/progress.json")
  }

  /// Chapter → the exercises done when it was last checked.
  func done() -> [String: [String]] {
    guard let data = try? Data(contentsOf: file),
      let done = try? JSONDecoder().decode([String: [String]].self, from: data)
    else { return [:] }
    return done
  }

  /// Keeps what `reports` found, beside what earlier checks found of other chapters.
  func record(_ reports: [ChapterReport]) {
    var all = done()
    for report in reports {
      all[report.chapter] = report.exercises.filter(\.status.isDone).map(\.name)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try? encoder.encode(all).write(to: file)
  }
}
