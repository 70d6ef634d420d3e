import Foundation

/// Given code must never hand out an exercise's answer: the places where the body of an
/// exercise appears again, up to white space, comments and names, in code students are given
/// (the chapters outside their exercise markers, and LectureKit). One line per place.
///
/// Bodies shorter than `minimumTokens` tokens (`return x`) are left out: they say too little to
/// be an answer.
public func answerLeaks(in tree: ExerciseTree, minimumTokens: Int = 16) throws -> [String] {
  var given: [(file: String, shape: String)] = []
  for file in tree.files(in: "Solutions") where file.hasSuffix(".swift") {
    let marked = try MarkedFile(text: try tree.text("Solutions/" + file), file: file)
    let outside = marked.parts.compactMap { part -> String? in
      if case .text(let lines) = part { return lines.joined(separator: "\n") }
      return nil
    }
    given.append(("Solutions/" + file, codeShape(outside.joined(separator: "\n"))))
  }
  for file in tree.files(in: "Sources/LectureKit") where file.hasSuffix(".swift") {
    given.append(
      ("Sources/LectureKit/" + file, codeShape(try tree.text("Sources/LectureKit/" + file))))
  }
  var leaks: [String] = []
  for exercise in try tree.exercises() {
    let body = codeShape(exercise.body.joined(separator: "\n"))
    guard body.split(separator: " ").count >= minimumTokens else { continue }
    for place in given where place.shape.contains(body) {
      leaks.append("\(place.file) repeats the body of \(exercise.name) (\(exercise.file))")
    }
  }
  return leaks
}

/// The shape of a piece of Swift: its tokens separated by single spaces, comments dropped and
/// every name but Swift's keywords written `_`, so that renaming and reformatting leave it as
/// it is.
func codeShape(_ code: String) -> String {
  var tokens: [String] = []
  var word = ""
  func flush() {
    guard !word.isEmpty else { return }
    let isName = word.first!.isLetter || word.first == "_" || word.first == "$"
    tokens.append(isName && !swiftKeywords.contains(word) ? "_" : word)
    word = ""
  }
  for line in code.split(separator: "\n") {
    let text = line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
    for character in text {
      if character.isLetter || character.isNumber || character == "_" || character == "$"
        || (character == "." && word.first?.isNumber == true)
      {
        word.append(character)
      } else {
        flush()
        if !character.isWhitespace { tokens.append(String(character)) }
      }
    }
    flush()
  }
  return " " + tokens.joined(separator: " ") + " "
}

private let swiftKeywords: Set<String> = [
  "let", "var", "return", "for", "in", "if", "else", "guard", "while", "repeat", "switch", "case",
  "default", "break", "continue", "func", "try", "throw", "true", "false", "nil", "self", "Self",
  "where", "inout", "defer", "do", "catch", "as", "is", "init", "static",
]
