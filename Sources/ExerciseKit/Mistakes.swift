import Foundation

/// One realistic student mistake, written as an edit of an exercise's reference body, with the
/// diagnosis the failing tests must show. Instructors keep them in `Mistakes/<Chapter>.json`, a
/// list of objects with these keys:
///
/// ```json
/// {
///   "id": "kernel-not-flipped",
///   "exercise": "convolve2D",
///   "mistake": "the kernel is not flipped",
///   "replace": "x[i * stride + kernel.rows - 1 - k, j * stride + kernel.columns - 1 - l]",
///   "with": "x[i * stride + k, j * stride + l]",
///   "diagnosis": "the kernel is not flipped"
/// }
/// ```
/// `id` is the entry's name for good: a kebab-case slug (`[a-z0-9]+(-[a-z0-9]+)*`), unique in
/// its chapter, never changed once written, so that results written by one version of the
/// package can be compared with another's. `replace` must occur exactly once in the body.
/// `companion verify --mistakes` plants each mistake alone in a copy of the reference and proves
/// that the chapter's tests fail and that their failures contain `diagnosis`.
public struct Mistake: Sendable, Equatable, Decodable {
  /// The entry's slug, as written in the catalog: `kernel-not-flipped`. Empty when the entry
  /// has none (``ExerciseTree/mistakes()`` refuses such a catalog).
  public let slug: String
  /// The chapter whose catalog holds the entry, set when the catalog is read.
  public internal(set) var chapter: String
  /// The exercise whose body is edited.
  public let exercise: String
  /// The mistake, in the student's terms.
  public let mistake: String
  /// A piece of the reference body...
  public let replace: String
  /// ...and what the student wrote instead.
  public let with: String
  /// Text that the failures must contain: the tests' name for this mistake.
  public let diagnosis: String

  /// The entry's id in the whole package: `Convolution/kernel-not-flipped`.
  public var id: String { "\(chapter)/\(slug)" }

  public init(
    id slug: String = "", chapter: String = "", exercise: String, mistake: String,
    replace: String, with: String, diagnosis: String
  ) {
    self.slug = slug
    self.chapter = chapter
    self.exercise = exercise
    self.mistake = mistake
    self.replace = replace
    self.with = with
    self.diagnosis = diagnosis
  }

  private enum CodingKeys: String, CodingKey {
    case slug = "id"
    case exercise, mistake, replace, with, diagnosis
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    // A missing id is read as empty, so that the catalog's reader can say which entry lacks it.
    slug = try container.decodeIfPresent(String.self, forKey: .slug) ?? ""
    chapter = ""
    exercise = try container.decode(String.self, forKey: .exercise)
    mistake = try container.decode(String.self, forKey: .mistake)
    replace = try container.decode(String.self, forKey: .replace)
    with = try container.decode(String.self, forKey: .with)
    diagnosis = try container.decode(String.self, forKey: .diagnosis)
  }

  /// Whether `slug` is a well-formed id: lower-case letters and digits in words joined by
  /// single hyphens.
  public static func isWellFormed(slug: String) -> Bool {
    let words = slug.split(separator: "-", omittingEmptySubsequences: false)
    return words.allSatisfy { word in
      !word.isEmpty
        && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
  }

  /// The lines of `exercise`'s body with this mistake planted in it.
  /// - Throws: ``MistakeError`` when `replace` does not occur exactly once in the body, or the
  ///   edit changes nothing.
  public func plantedBody(in exercise: Exercise) throws(MistakeError) -> [String] {
    let body = exercise.body.joined(separator: "\n")
    let occurrences = body.components(separatedBy: replace).count - 1
    guard occurrences == 1 else {
      throw MistakeError(
        "\(self.exercise) (\(mistake)): the text to replace occurs \(occurrences) times in its "
          + "body, not once")
    }
    guard replace != with else {
      throw MistakeError("\(self.exercise) (\(mistake)): the edit changes nothing")
    }
    return body.replacingOccurrences(of: replace, with: with)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The text of `file` (the exercise's whole file) with this mistake planted in the body of
  /// `exercise`, as ``plantedBody(in:)`` gives it.
  public func planted(in file: String, at exercise: Exercise) throws(MistakeError) -> String {
    var lines = file.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let bodyRange = exercise.line..<(exercise.line + exercise.body.count)
    guard bodyRange.upperBound <= lines.count else {
      throw MistakeError("\(self.exercise): its body is not where the marker says")
    }
    // The body as it stands in `file`, which may differ from the reference's.
    let current = Exercise(
      name: exercise.name, file: exercise.file, line: exercise.line,
      body: Array(lines[bodyRange]), stub: exercise.stub)
    lines.replaceSubrange(bodyRange, with: try plantedBody(in: current))
    return lines.joined(separator: "\n")
  }
}

/// A catalog entry that cannot be planted, or a catalog that cannot be read.
public struct MistakeError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

extension ExerciseTree {
  /// The catalog: `Mistakes/<Chapter>.json` for every chapter that has one, in the chapters'
  /// order, each entry checked against the exercises it names and for its id (present,
  /// well-formed, unique in the chapter), and given its chapter.
  public func mistakes() throws -> [(chapter: String, mistakes: [Mistake])] {
    let exercises = try self.exercises()
    var catalog: [(chapter: String, mistakes: [Mistake])] = []
    for chapter in try chapters() {
      let path = "Mistakes/\(chapter).json"
      guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
        continue
      }
      var entries: [Mistake]
      do {
        entries = try JSONDecoder().decode([Mistake].self, from: Data(try text(path).utf8))
      } catch {
        throw MistakeError("\(path): not a list of mistakes: \(error)")
      }
      var seen: [String: Int] = [:]
      for (index, entry) in entries.enumerated() {
        let which = "\(path), entry \(index + 1) (\(entry.exercise): \(entry.mistake))"
        guard !entry.slug.isEmpty else {
          throw MistakeError("\(which): no \"id\"; every entry needs one, a kebab-case slug")
        }
        guard Mistake.isWellFormed(slug: entry.slug) else {
          throw MistakeError(
            "\(which): the id \"\(entry.slug)\" is not kebab-case: lower-case letters and digits, "
              + "in words joined by single hyphens (like \"kernel-not-flipped\")")
        }
        if let first = seen[entry.slug] {
          throw MistakeError(
            "\(which): the id \"\(entry.slug)\" is already entry \(first)'s; ids are unique in "
              + "a chapter")
        }
        seen[entry.slug] = index + 1
        entries[index].chapter = chapter
        guard let exercise = exercises.first(where: { $0.name == entry.exercise }) else {
          throw MistakeError("\(path): no exercise named '\(entry.exercise)'")
        }
        guard exercise.chapter == chapter else {
          throw MistakeError(
            "\(path): \(entry.exercise) belongs to \(exercise.chapter), not \(chapter)")
        }
      }
      catalog.append((chapter, entries))
    }
    return catalog
  }
}
