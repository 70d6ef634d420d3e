import Foundation

/// One realistic student mistake, written as an edit of an exercise's reference body, with the
/// diagnosis the failing tests must show. Instructors keep them in `Mistakes/<Chapter>.json`, a
/// list of objects with these keys:
///
/// ```json
/// {
///   "exercise": "convolve2D",
///   "mistake": "the kernel is not flipped",
///   "replace": "x[i * stride + kernel.rows - 1 - k, j * stride + kernel.columns - 1 - l]",
///   "with": "x[i * stride + k, j * stride + l]",
///   "diagnosis": "the kernel is not flipped"
/// }
/// ```
/// `replace` must occur exactly once in the body. `companion verify --mistakes` plants each
/// mistake alone in a copy of the reference and proves that the chapter's tests fail and that
/// their failures contain `diagnosis`.
public struct Mistake: Sendable, Equatable, Decodable {
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

  public init(exercise: String, mistake: String, replace: String, with: String, diagnosis: String) {
    self.exercise = exercise
    self.mistake = mistake
    self.replace = replace
    self.with = with
    self.diagnosis = diagnosis
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
  /// order, each entry checked against the exercises it names.
  public func mistakes() throws -> [(chapter: String, mistakes: [Mistake])] {
    let exercises = try self.exercises()
    var catalog: [(chapter: String, mistakes: [Mistake])] = []
    for chapter in try chapters() {
      let path = "Mistakes/\(chapter).json"
      guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
        continue
      }
      let entries: [Mistake]
      do {
        entries = try JSONDecoder().decode([Mistake].self, from: Data(try text(path).utf8))
      } catch {
        throw MistakeError("\(path): not a list of mistakes: \(error)")
      }
      for entry in entries {
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
