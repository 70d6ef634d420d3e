import ExerciseKit
import Foundation

/// What the class report needs to know of the course: the exercises in teaching order, the
/// catalog of mistakes with their ids, and the lecture section that goes with each exercise.
struct Course: Sendable {
  /// The chapters in teaching order, each with its exercises in the order to do them.
  var chapters: [(chapter: String, exercises: [String])]
  /// The catalog, in the chapters' order.
  var catalog: [CatalogMistake]
  /// The lecture section to revisit for each exercise, keyed `Chapter/exercise`, in the
  /// language the course was read in.
  var sections: [String: String]

  /// Every exercise, `Chapter/exercise`, in teaching order.
  var exerciseKeys: [String] {
    chapters.flatMap { chapter in chapter.exercises.map { "\(chapter.chapter)/\($0)" } }
  }

  /// The catalog entry with this id, if any.
  func mistake(_ id: String) -> CatalogMistake? { catalogByID[id] }

  private var catalogByID: [String: CatalogMistake] = [:]

  init(
    chapters: [(chapter: String, exercises: [String])], catalog: [CatalogMistake],
    sections: [String: String]
  ) {
    self.chapters = chapters
    self.catalog = catalog
    self.sections = sections
    catalogByID = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The course of the package at `root`, with the lecture sections of the guides in
  /// `language`.
  static func read(root: URL, language: Language) throws(UsageError) -> Course {
    let tree = ExerciseTree(root: root)
    let chapterOrder = try chapterNames(in: tree)
    let exercises: [Exercise]
    do { exercises = try tree.exercises() } catch {
      throw UsageError(tr("check.cannotReadSolutions", ["error": "\(error)"]))
    }
    let ordered = Curriculum.read(from: tree).teachingOrder(of: exercises)
    let chapters = chapterOrder.map { chapter in
      (chapter, ordered.filter { $0.chapter == chapter }.map(\.name))
    }
    var sections: [String: String] = [:]
    for (chapter, names) in chapters {
      let guide =
        (language == .zh ? try? tree.text("Guides/zh/\(chapter).md") : nil)
        ?? (try? tree.text("Guides/\(chapter).md")) ?? ""
      for name in names {
        sections["\(chapter)/\(name)"] = lectureSection(of: name, in: guide)
      }
    }
    return Course(chapters: chapters, catalog: catalogMistakes(in: tree), sections: sections)
  }
}

/// One entry of the catalog (`Mistakes/<Chapter>.json`), with its id.
struct CatalogMistake: Sendable, Equatable {
  /// `Chapter/slug`.
  var id: String
  var chapter: String
  var exercise: String
  var mistake: String
  var diagnosis: String

  /// `Chapter/exercise`.
  var exerciseKey: String { "\(chapter)/\(exercise)" }
}

/// The catalog read through ExerciseKit, each entry with its id: the entry's `"id"` where it has
/// one, else a slug made of its exercise and its mistake (unique within the chapter). Empty when
/// the catalog cannot be read.
func catalogMistakes(in tree: ExerciseTree) -> [CatalogMistake] {
  /// The ids only: an entry without one decodes to nil.
  struct Identified: Decodable { let id: String? }
  guard let catalog = try? tree.mistakes() else { return [] }
  var result: [CatalogMistake] = []
  for (chapter, mistakes) in catalog {
    let ids =
      (try? tree.text("Mistakes/\(chapter).json")).flatMap {
        try? JSONDecoder().decode([Identified].self, from: Data($0.utf8))
      } ?? []
    var used: Set<String> = []
    for (index, entry) in mistakes.enumerated() {
      var slug = index < ids.count ? ids[index].id ?? "" : ""
      if slug.isEmpty { slug = madeSlug(entry.exercise + " " + entry.mistake) }
      var unique = slug
      var number = 2
      while used.contains(unique) {
        unique = "\(slug)-\(number)"
        number += 1
      }
      used.insert(unique)
      result.append(
        CatalogMistake(
          id: "\(chapter)/\(unique)", chapter: chapter, exercise: entry.exercise,
          mistake: entry.mistake, diagnosis: entry.diagnosis))
    }
  }
  return result
}

/// Lower-case letters and digits, words joined by "-".
private func madeSlug(_ text: String) -> String {
  text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: "-")
}

/// The lecture section to revisit for an exercise: the "Lecture" cell of the first row of the
/// guide's table of slides, functions and tests whose "Function" cell names the exercise's
/// function (`correlate2D` is `correlate`, `derivative` is `Activation.derivative`), with the
/// row's example ids. Empty when no row names it.
func lectureSection(of exercise: String, in guide: String) -> String {
  var base = exercise
  for suffix in ["1D", "2D"] where base.hasSuffix(suffix) && base.count > 2 {
    base = String(base.dropLast(2))
  }
  var fallback: String?
  for line in guide.split(separator: "\n") where line.hasPrefix("| ") {
    let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
      .map { $0.trimmingCharacters(in: .whitespaces) }
    guard cells.count >= 3, !cells[0].hasPrefix("---") else { continue }
    let names = functionNames(in: cells[2])
    let lecture = cells[0].replacingOccurrences(of: "`", with: "")
    let ids = cells[1]
    let section = ids.isEmpty || !ids.hasPrefix("E") ? lecture : "\(lecture) [\(ids)]"
    if names.contains(exercise) { return section }
    if fallback == nil, names.contains(base) { fallback = section }
  }
  return fallback ?? ""
}

/// The function names in a table cell: each backquoted span up to its "(", after its last ".".
private func functionNames(in cell: String) -> Set<String> {
  let spans = cell.split(separator: "`", omittingEmptySubsequences: false).enumerated()
    .filter { $0.offset % 2 == 1 }.map(\.element)
  return Set(
    spans.map { span in
      let name = span.prefix { $0 != "(" }
      return String(name.split(separator: ".").last ?? name)
    })
}
