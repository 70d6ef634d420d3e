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
    problems += chineseGuideProblems(
      chapter: chapter, english: guide, exercises: exercises.filter { $0.chapter == chapter },
      testedIDs: testedIDs, in: tree)
  }
  for path in ["Guides/zh/README.md", "Guides/zh/Glossary.md"] where (try? tree.text(path)) == nil {
    problems.append("\(path) is missing")
  }
  let avoided = avoidedTerms(in: (try? tree.text("Guides/zh/Glossary.md")) ?? "")
  let chinese = tree.files(in: "Guides/zh").filter { $0.hasSuffix(".md") && $0 != "Glossary.md" }
  for file in chinese.sorted() {
    let text = (try? tree.text("Guides/zh/" + file)) ?? ""
    for (term, instead) in avoided where text.contains(term) {
      problems.append("Guides/zh/\(file) writes \(term); the glossary says \(instead)")
    }
  }
  return problems
}

/// The Chinese guide of a chapter against its English one: it exists, names every exercise,
/// cites only tested ids, and has a hint for each exercise, in the English guide's order.
func chineseGuideProblems(
  chapter: String, english: String, exercises: [Exercise], testedIDs: Set<String>,
  in tree: ExerciseTree
) -> [String] {
  let path = "Guides/zh/\(chapter).md"
  guard let guide = try? tree.text(path) else { return ["\(path) is missing"] }
  var problems: [String] = []
  for exercise in exercises where !guide.contains("`\(exercise.name)`") {
    problems.append("\(path) does not name the exercise `\(exercise.name)`")
  }
  for id in exampleIDs(in: guide).subtracting(testedIDs).sorted() {
    problems.append("\(path) cites \(id), but no test's name carries it")
  }
  let englishNames = hints(english).map(\.name)
  let chinese = hints(guide, heading: chineseHintsHeading)
  if chinese.map(\.name) != englishNames {
    problems.append(
      "\(path): the hints under \(chineseHintsHeading) are \(chinese.map(\.name)), but the "
        + "English guide's are \(englishNames)")
  }
  for (name, hint) in chinese where hint.isEmpty {
    problems.append("\(path): the hint of `\(name)` is empty")
  }
  return problems
}

/// The heading of the hints in a Chinese guide.
let chineseHintsHeading = "## 提示"

/// The renderings the glossary rules out, each with the one it asks for instead: the rows of
/// the table under its `## 不用的译法` heading, `| avoided | instead | why |`.
public func avoidedTerms(in glossary: String) -> [(term: String, instead: String)] {
  var terms: [(term: String, instead: String)] = []
  var inSection = false
  for line in glossary.split(separator: "\n").map(String.init) {
    if line.hasPrefix("## ") { inSection = line == "## 不用的译法" }
    guard inSection, line.hasPrefix("| ") else { continue }
    let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    guard cells.count >= 2, !cells[0].hasPrefix("---"), cells[0] != "不用" else { continue }
    terms.append((cells[0], cells[1]))
  }
  return terms
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
