import Foundation

/// The chapter guides (`Guides/<Chapter>.md`) against the code: every chapter has a guide, every
/// exercise of the chapter is named in it (as `name`), and every example id it cites (E1.1 ...)
/// is checked by a test whose name carries it. One line per problem; empty when all is well.
public func guideProblems(in tree: ExerciseTree) throws -> [String] {
  var problems: [String] = []
  let exercises = try tree.exercises()
  let testText = tree.files(in: "Tests").filter { $0.hasSuffix(".swift") }
    .compactMap { try? tree.text("Tests/" + $0) }.joined(separator: "\n")
  let testedIDs = exampleIDs(in: testText)
  for chapter in try tree.chapters() {
    let path = "Guides/\(chapter).md"
    guard let guide = try? tree.text(path) else {
      problems.append("\(path) is missing")
      continue
    }
    for exercise in exercises where exercise.chapter == chapter {
      if !guide.contains("`\(exercise.name)`") {
        problems.append("\(path) does not name the exercise `\(exercise.name)`")
      }
    }
    for id in exampleIDs(in: guide).subtracting(testedIDs).sorted() {
      problems.append("\(path) cites \(id), but no test's name carries it")
    }
  }
  return problems
}

/// The example ids (E1.1, E3, E6.12, ...) in a text, each as a whole word; a range such as
/// E2.1-E2.3 counts for its two ends.
func exampleIDs(in text: String) -> Set<String> {
  var ids: Set<String> = []
  let characters = Array(text)
  var index = 0
  while index < characters.count {
    let startsWord =
      index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
    if characters[index] == "E", startsWord, index + 1 < characters.count,
      characters[index + 1].isNumber
    {
      var end = index + 1
      while end < characters.count, characters[end].isNumber { end += 1 }
      if end + 1 < characters.count, characters[end] == ".", characters[end + 1].isNumber {
        end += 1
        while end < characters.count, characters[end].isNumber { end += 1 }
      }
      let endsWord =
        end == characters.count || !(characters[end].isLetter || characters[end].isNumber)
      if endsWord { ids.insert(String(characters[index..<end])) }
      index = end
    } else {
      index += 1
    }
  }
  return ids
}
