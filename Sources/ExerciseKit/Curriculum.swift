import Foundation

/// The course's order and hints, read from where instructors edit them, next to each chapter:
/// the chapters in the order of the README's chapter table, and each chapter's exercises, in
/// the order to do them, with their hints, from the `## Hints` section of its guide
/// (`Guides/<Chapter>.md`), one `### `name`` heading per exercise.
///
/// `companion hint` prints a hint; `check` and `watch` follow the order; `companion verify`
/// fails when an exercise has no hint or the README's table misses a chapter.
public struct Curriculum: Sendable {
  /// The chapters in teaching order, each with its exercises in order and their hints.
  public let chapters: [(chapter: String, exercises: [(name: String, hint: String)])]

  public init(chapters: [(chapter: String, exercises: [(name: String, hint: String)])]) {
    self.chapters = chapters
  }

  /// The curriculum of the package at `tree`'s root. What cannot be read is left out: the order
  /// then falls back to names, and an exercise without a hint has none.
  ///
  /// With `chinese`, each hint is the one of the chapter's Chinese guide
  /// (`Guides/zh/<Chapter>.md`, under `## 提示`) where it has one; the order stays the English
  /// guide's.
  public static func read(from tree: ExerciseTree, chinese: Bool = false) -> Curriculum {
    let order = ((try? tree.text("README.md")).map(chapterTable) ?? [])
    let all = (try? tree.chapters()) ?? []
    let chapters = order.filter(all.contains) + all.filter { !order.contains($0) }.sorted()
    return Curriculum(
      chapters: chapters.map { chapter in
        let english = (try? tree.text("Guides/\(chapter).md")).map { hints($0) } ?? []
        guard chinese, let guide = try? tree.text("Guides/zh/\(chapter).md") else {
          return (chapter, english)
        }
        let translated = Dictionary(
          hints(guide, heading: chineseHintsHeading).map { ($0.name, $0.hint) },
          uniquingKeysWith: { first, _ in first })
        return (chapter, english.map { ($0.name, translated[$0.name] ?? $0.hint) })
      })
  }

  /// Every exercise with a hint, in teaching order.
  public var exerciseNames: [String] { chapters.flatMap { $0.exercises.map(\.name) } }

  /// The hint of an exercise, if it has one.
  public func hint(for exercise: String) -> String? {
    for chapter in chapters {
      if let entry = chapter.exercises.first(where: { $0.name == exercise }) { return entry.hint }
    }
    return nil
  }

  /// The chapters in teaching order: those of the curriculum first, then any others by name.
  public func teachingOrder(of names: [String]) -> [String] {
    let known = chapters.map(\.chapter).filter(names.contains)
    return known + names.filter { !known.contains($0) }.sorted()
  }

  /// Exercises sorted in the order to do them: the curriculum's order, then by file and line.
  public func teachingOrder(of exercises: [Exercise]) -> [Exercise] {
    let order = Dictionary(
      exerciseNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    return exercises.sorted { a, b in
      let left = order[a.name] ?? Int.max
      let right = order[b.name] ?? Int.max
      if left != right { return left < right }
      return (a.file, a.line) < (b.file, b.line)
    }
  }
}

/// The chapters of a README's chapter table, in its order: the first cell of each row that
/// starts with "| `".
func chapterTable(_ readme: String) -> [String] {
  readme.split(separator: "\n").compactMap { line in
    guard line.hasPrefix("| `") else { return nil }
    let cell = line.dropFirst(3).prefix { $0 != "`" }
    return cell.isEmpty ? nil : String(cell)
  }
}

/// The README with the exercise count of each chapter row (the cell before the last) set from
/// `exercises`: `exercises generate` keeps the table's counts, `companion verify` checks them.
public func readmeWithExerciseCounts(_ readme: String, exercises: [Exercise]) -> String {
  let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map { line in
    guard line.hasPrefix("| `"), let chapter = chapterTable(String(line)).first else {
      return String(line)
    }
    var cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    // "| a | b | 13 | c |" splits into "", " a ", " b ", " 13 ", " c ", "".
    guard cells.count >= 5, Int(cells[cells.count - 3].trimmingCharacters(in: .whitespaces)) != nil
    else { return String(line) }
    cells[cells.count - 3] = " \(exercises.filter { $0.chapter == chapter }.count) "
    return cells.joined(separator: "|")
  }
  return lines.joined(separator: "\n")
}

/// The hints of a guide: under its `## Hints` heading (`heading`), each `### `name`` heading and
/// the text up to the next heading.
func hints(_ guide: String, heading: String = "## Hints") -> [(name: String, hint: String)] {
  var hints: [(name: String, hint: String)] = []
  var inHints = false
  var name: String?
  var lines: [String] = []
  func close() {
    if let name {
      let text = lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()
      hints.append((name, text.joined(separator: "\n")))
    }
    name = nil
    lines = []
  }
  for line in guide.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
    if line.hasPrefix("## ") {
      close()
      inHints = line == heading
    } else if inHints && line.hasPrefix("### `") {
      close()
      name = String(line.dropFirst(5).prefix { $0 != "`" })
    } else if name != nil {
      lines.append(line)
    }
  }
  close()
  return hints
}
