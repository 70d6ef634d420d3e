import ExerciseKit
import Foundation

/// What the autograder takes from a submission: the `.swift` files that stand where a file of
/// `Exercises/` stands, either under an `Exercises/` folder (a whole checkout) or as chapter
/// folders at the submission's top (`Dropout/Mask.swift`). Each replaces the package's file of
/// the same name; everything else is left out, and the student is told what was left out and
/// what to rename.
struct Overlay {
  /// Files taken, as `Exercises/Chapter/File.swift`.
  var taken: [String] = []
  /// One line per file left out that looks meant for grading, with what to do.
  var leftOut: [String] = []
  /// Files left out that are plainly not exercises (tests, solutions, sources, other files).
  var ignored = 0

  /// A file larger than this is not a student's exercise file.
  static let largestFile = 1 << 20

  /// Lays the submission at `submission` over the package at `root`.
  init(submission: URL, root: URL) {
    let tree = ExerciseTree(root: root)
    let chapters = (try? tree.chapters()) ?? []
    var files: [String: [String]] = [:]
    for chapter in chapters {
      files[chapter] = tree.files(in: "Exercises/\(chapter)").filter { $0.hasSuffix(".swift") }
    }
    var chosen: [String: (source: URL, relative: String, underExercises: Bool)] = [:]
    for (relative, url) in Overlay.files(in: submission) {
      let parts = relative.split(separator: "/").map(String.init)
      let underExercises = parts.lastIndex(of: "Exercises")
      let rest: [String]
      if let index = underExercises {
        rest = Array(parts[(index + 1)...])
      } else if chapters.contains(parts[0])
        || (parts.count == 2 && closest(parts[0], among: chapters) != nil)
      {
        rest = parts
      } else {
        // Not in Exercises/ nor a chapter folder: a whole checkout's other files, or a file
        // uploaded on its own.
        if parts.count == 1, relative.hasSuffix(".swift") {
          let homes = chapters.filter { files[$0]?.contains(parts[0]) == true }
          leftOut.append(
            "\(relative): not in a chapter folder; upload it as "
              + (homes.isEmpty
                ? "Exercises/CHAPTER/\(parts[0])"
                : homes.map { "Exercises/\($0)/\(parts[0])" }.joined(separator: " or ")))
        } else {
          ignored += 1
        }
        continue
      }
      guard relative.hasSuffix(".swift") else {
        if underExercises != nil {
          leftOut.append("\(relative): not a .swift file")
        } else {
          ignored += 1
        }
        continue
      }
      guard rest.count == 2 else {
        leftOut.append(
          "\(relative): not directly in a chapter folder; move it to Exercises/CHAPTER/\(parts.last!)"
        )
        continue
      }
      let (chapter, file) = (rest[0], rest[1])
      guard let known = files[chapter] else {
        let near = closest(chapter, among: chapters)
        leftOut.append(
          "\(relative): there is no chapter \(chapter)"
            + (near.map { "; rename the folder to \($0)" } ?? "; the chapters are "
              + chapters.joined(separator: ", ")))
        continue
      }
      guard known.contains(file) else {
        let near = closest(file, among: known)
        leftOut.append(
          "\(relative): Exercises/\(chapter) has no file \(file)"
            + (near.map { "; rename it to \($0)" } ?? "; its files are "
              + known.joined(separator: ", ")))
        continue
      }
      let target = "Exercises/\(chapter)/\(file)"
      if let earlier = chosen[target] {
        // A file under Exercises/ wins over a chapter folder's; else the first found.
        if underExercises != nil && !earlier.underExercises {
          leftOut.append("\(earlier.relative): \(relative) is graded as \(target) instead")
          chosen[target] = (url, relative, true)
        } else {
          leftOut.append("\(relative): \(earlier.relative) is graded as \(target) instead")
        }
        continue
      }
      chosen[target] = (url, relative, underExercises != nil)
    }
    for (target, source) in chosen.sorted(by: { $0.key < $1.key }) {
      guard let data = try? Overlay.read(source.source) else {
        leftOut.append("\(source.relative): cannot be read, or larger than 1 MB")
        continue
      }
      guard !String(decoding: data, as: UTF8.self).contains("#sourceLocation") else {
        leftOut.append(
          "\(source.relative): it holds #sourceLocation, which the grader does not take")
        continue
      }
      do {
        try data.write(to: root.appendingPathComponent(target))
        taken.append(target)
      } catch {
        leftOut.append("\(source.relative): cannot be written to \(target)")
      }
    }
  }

  /// The lines the student reads at the top of the results.
  var summary: String {
    var lines = ["Taken from the submission: \(taken.count) files of Exercises/."]
    if !leftOut.isEmpty {
      lines.append("Left out (only the files of Exercises/ are graded, by their exact names):")
      lines += leftOut.map { "  - " + $0 }
    }
    if ignored > 0 {
      lines.append(
        "Also left out: \(ignored) files outside Exercises/ (tests, solutions and the like).")
    }
    return lines.joined(separator: "\n")
  }

  /// The regular files of `folder`, by their path relative to it; links are not followed, and
  /// hidden folders (`.git`, build folders) are skipped.
  static func files(in folder: URL) -> [(String, URL)] {
    guard
      let walker = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var found: [(String, URL)] = []
    let prefix = folder.standardizedFileURL.path + "/"
    for case let url as URL in walker {
      let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
      guard values?.isSymbolicLink != true, values?.isRegularFile == true else { continue }
      let path = url.standardizedFileURL.path
      guard path.hasPrefix(prefix) else { continue }
      found.append((String(path.dropFirst(prefix.count)), url))
    }
    return found.sorted { $0.0 < $1.0 }
  }

  /// A submitted file's bytes, refusing links and files over ``largestFile``.
  static func read(_ url: URL) throws -> Data {
    let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { throw SandboxError("cannot open") }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    let data = try handle.read(upToCount: largestFile + 1) ?? Data()
    guard data.count <= largestFile else { throw SandboxError("too large") }
    return data
  }
}

/// The name among `names` closest to `name` (letters compared without case, at most three edits
/// apart), if any.
func closest(_ name: String, among names: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return a.isEmpty ? b.count : row[b.count]
  }
  let lowered = Array(name.lowercased())
  return names.map { ($0, distance(lowered, Array($0.lowercased()))) }
    .filter { $0.1 <= 3 }.min { $0.1 < $1.1 }?.0
}
