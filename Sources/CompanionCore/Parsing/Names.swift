/// How the tool finds what a user named: a chapter, an exercise, an example or a command,
/// without regard to case; a near miss gets a suggestion instead of a list of every name.

/// The name among `names` that `typed` means: the exact one, else the only one equal to it
/// without regard to case. Otherwise a usage error that says what `kind` was not found and, for
/// a near miss, which name was probably meant.
///
/// - Parameters:
///   - kind: `command`, `example`, `exercise`, `chapter` or `chapter or exercise`, said in
///     the run's language.
///   - listing: what to do instead, in the run's language (`tr("input.tryHelp")`).
func resolve(_ typed: String, among names: [String], kind: String, listing: String? = nil)
  throws(UsageError) -> String
{
  if names.contains(typed) { return typed }
  let folded = names.filter { $0.lowercased() == typed.lowercased() }
  if folded.count == 1 { return folded[0] }
  let kind = kindName(kind)
  if let near = nearest(to: typed, among: names) {
    throw UsageError(tr("input.nearMiss", ["kind": kind, "name": typed, "near": near]))
  }
  guard let listing else {
    throw UsageError(tr("input.unknownName", ["kind": kind, "name": typed]))
  }
  throw UsageError(
    tr("input.unknownNameListing", ["kind": kind, "name": typed, "listing": listing]))
}

/// What a user names, as a noun in the current language.
private func kindName(_ kind: String) -> String {
  switch kind {
  case "command": tr("input.kindCommand")
  case "example": tr("input.kindExample")
  case "exercise": tr("input.kindExercise")
  case "chapter": tr("input.kindChapter")
  case "chapter or exercise": tr("input.kindChapterOrExercise")
  default: kind
  }
}

/// The name closest to `typed` (case aside): within a third of its length in edits, at most 3,
/// or one that starts with it; nil when none is that close.
func nearest(to typed: String, among names: [String]) -> String? {
  let word = typed.lowercased()
  guard !word.isEmpty else { return nil }
  let scored = names.map { name in (name, editDistance(word, name.lowercased())) }
  let limit = min(3, max(1, word.count / 3))
  if let best = scored.filter({ $0.1 <= limit }).min(by: { $0.1 < $1.1 }) { return best.0 }
  let prefixed = names.filter { $0.lowercased().hasPrefix(word) }
  return word.count >= 3 && prefixed.count == 1 ? prefixed[0] : nil
}

/// The Levenshtein distance: the fewest insertions, deletions and substitutions from a to b.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  guard !a.isEmpty else { return b.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in stride(from: 1, through: b.count, by: 1) {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}

/// "1 entry", "3 entries": a count with its noun in the right number.
func counted(_ count: Int, _ one: String, _ many: String) -> String {
  "\(count) \(count == 1 ? one : many)"
}
