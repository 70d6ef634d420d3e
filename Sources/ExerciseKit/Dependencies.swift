import Foundation

extension ExerciseTree {
  /// The chapters each chapter builds on, as the compiler sees them: the other chapters that the
  /// files of `Solutions/CHAPTER` import (ConvNets imports Convolution and Pooling).
  public func chapterDependencies() throws -> [String: [String]] {
    let all = try chapters()
    var dependencies: [String: [String]] = [:]
    for chapter in all {
      var imported: Set<String> = []
      for file in files(in: "Solutions/" + chapter) where file.hasSuffix(".swift") {
        imported.formUnion(importedModules(in: try text("Solutions/\(chapter)/\(file)")))
      }
      dependencies[chapter] = all.filter { $0 != chapter && imported.contains($0) }
    }
    return dependencies
  }

  /// `chapters` and every chapter they build on, directly or not.
  public func withDependencies(_ chapters: [String]) throws -> Set<String> {
    let dependencies = try chapterDependencies()
    var all = Set(chapters)
    var queue = chapters
    while let chapter = queue.popLast() {
      for other in dependencies[chapter] ?? [] where all.insert(other).inserted {
        queue.append(other)
      }
    }
    return all
  }
}

/// The modules a Swift file imports: `import X` and `@testable import X` at the start of a line.
func importedModules(in source: String) -> Set<String> {
  var modules: Set<String> = []
  for line in source.split(separator: "\n") {
    var words = line.split(separator: " ")
    if words.first?.hasPrefix("@") == true { words.removeFirst() }
    if words.count >= 2, words[0] == "import" { modules.insert(String(words[1])) }
  }
  return modules
}
