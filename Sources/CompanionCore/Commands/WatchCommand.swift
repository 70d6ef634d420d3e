import ExerciseKit
import Foundation

let watchCommand = Command(
  name: "watch", summary: tr("watch.summary"), help: tr("watch.help")
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--timeout"])
  let timeout = try parsed.seconds("--timeout", default: 60)
  guard parsed.positional.count <= 1 else { throw UsageError(tr("watch.oneChapter")) }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  noteTrackVariable()
  let tree = ExerciseTree(root: root)
  let all = try chapterNames(in: tree)
  let student = try? StudentExercises(tree: tree, chapters: all)
  var chapter =
    all.first { name in
      student?.exercises[name]?.contains { student!.unwritten.contains($0.name) } ?? false
    } ?? all[0]
  if let name = parsed.positional.first {
    chapter = try CompanionCore.chapter(named: name, among: all)
  }
  var watcher = Watcher(
    root: root, chapter: chapter, chapters: all, timeout: timeout,
    interactive: Terminal.isInteractive)
  do { try watcher.run() } catch let error as UsageError { throw error } catch {
    throw UsageError("\(error)")
  }
  return ""
}

/// The loop of `companion watch`: check, draw, wait for a save or a key, again.
struct Watcher {
  let root: URL
  let chapter: String
  let chapters: [String]
  let timeout: Double
  /// Redraw one screen and read keys; otherwise print report after report.
  let interactive: Bool

  /// The last check's report (set by tests to draw a screen without checking).
  var report: ChapterReport?
  /// The exercise on the screen.
  var current: String?
  var showHint = false
  /// A line on what just happened ("✔ zeroPad passes its tests").
  var news: String?
  private var seconds = 0.0
  private var checkedAt = Date()

  init(root: URL, chapter: String, chapters: [String], timeout: Double, interactive: Bool) {
    self.root = root
    self.chapter = chapter
    self.chapters = chapters
    self.timeout = timeout
    self.interactive = interactive
  }

  mutating func run() throws {
    if interactive { Terminal.enter() }
    defer { if interactive { Terminal.leave() } }
    var stamp = modificationTimes()
    try check()
    while true {
      if interactive, let key = Terminal.key(within: 0.3) {
        switch key {
        case "q", "Q": return
        case "h", "H": showHint.toggle()
        case "n", "N": moveToNext()
        case "r", "R": try check()
        default: continue
        }
        draw()
        continue
      }
      if !interactive { Thread.sleep(forTimeInterval: 0.3) }
      let now = modificationTimes()
      if now != stamp {
        stamp = now
        try check()
      }
    }
  }

  /// Checks the chapter again and redraws.
  private mutating func check() throws {
    if interactive {
      Terminal.draw(screen(status: tr("watch.checking", ["chapter": chapter])))
    } else {
      Terminal.write("companion watch: " + tr("watch.checking", ["chapter": chapter]) + "\n")
    }
    let start = Date()
    var checker = Checker(root: root, timeout: timeout)
    checker.progress = { _ in }
    let previous = report
    report = try checker.run(chapters: [chapter]).first
    seconds = Date().timeIntervalSince(start)
    checkedAt = Date()
    news = nil
    let before = previous?.exercises.first { $0.name == current }?.status
    if let current, let now = status(of: current), passes(now), before.map(passes) != true {
      let next = firstOpen()
      news = Watcher.news(current, next: next, chapter: chapter)
      self.current = next
      showHint = false
    } else if current == nil || status(of: current!).map(passes) == true {
      current = firstOpen()
    }
    draw()
  }

  /// What just happened: `exercise` now passes, and what comes next.
  static func news(_ exercise: String, next: String?, chapter: String) -> String {
    "✔ " + tr("watch.passes", ["name": exercise])
      + (next.map { tr("watch.onTo", ["name": $0]) }
        ?? tr("watch.nothingLeft", ["chapter": chapter]))
  }

  private mutating func moveToNext() {
    let open = report?.exercises.filter { !passes($0.status) }.map(\.name) ?? []
    guard !open.isEmpty else { return }
    let index = current.flatMap { open.firstIndex(of: $0) }.map { ($0 + 1) % open.count } ?? 0
    current = open[index]
    showHint = false
  }

  /// The exercise that needs the student first, as `check` names it: the first, in teaching
  /// order, that fails or does not compile; else the first not written or broken.
  private func firstOpen() -> String? {
    let exercises = report?.exercises ?? []
    let failing = exercises.first { exercise in
      switch exercise.status {
      case .failing: true
      case .broken(let why): pointsAtCompileError(why)
      default: false
      }
    }
    return (failing ?? exercises.first { !passes($0.status) })?.name
  }

  /// Whether an exercise needs nothing more: done.
  private func passes(_ status: ExerciseStatus) -> Bool { status.isDone }

  private func status(of name: String) -> ExerciseStatus? {
    report?.exercises.first { $0.name == name }?.status
  }

  private func draw() {
    if interactive {
      Terminal.draw(screen(status: nil))
    } else {
      Terminal.write(screen(status: nil) + "\n")
    }
  }

  /// The whole screen as text.
  func screen(status: String?) -> String {
    var text = "companion watch: \(chapter)"
    if interactive { text += "        " + tr("watch.keys") }
    text += "\n\n"
    let course = tr("watch.course")
    let width = max(columns(chapter), columns(course))
    if let report {
      text += bar(chapter, done: report.done, of: report.exercises.count, width: width)
      var cached = ProgressCache(root: root).done()
      cached[chapter] = report.exercises.filter(\.status.isDone).map(\.name)
      let total = (try? ExerciseTree(root: root).exercises().count) ?? 0
      text += bar(course, done: cached.values.map(\.count).reduce(0, +), of: total, width: width)
    }
    text += "\n"
    if let news { text += news + "\n\n" }
    if let problem = report?.problem { text += "! \(problem)\n\n" }
    if let report, !report.together.isEmpty, current != nil {
      // The chapter's own failure, in a line a test, above the exercise still to write.
      for failure in report.together.prefix(3) {
        text +=
          "✘ " + testLine(failure) + " "
          + tr("check.together", ["names": spokenList(failure.alsoReached)]) + "\n"
      }
      text += "\n"
    }
    if let current, let exercise = report?.exercises.first(where: { $0.name == current }) {
      text += exerciseLines(exercise).joined(separator: "\n") + "\n"
      if showHint,
        let hint = Curriculum.read(
          from: ExerciseTree(root: root), chinese: Language.current == .zh
        ).hint(for: current)
      {
        text +=
          "\n" + tr("watch.hint") + "\n"
          + hint.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        text += "\n"
      }
    } else if let report, !report.together.isEmpty {
      for failure in report.together {
        text +=
          "✘ " + testLine(failure) + " "
          + tr("check.together", ["names": spokenList(failure.alsoReached)]) + "\n"
        let message = localizedFailure(failure.message).split(
          separator: "\n", omittingEmptySubsequences: false)
        text += message.prefix(12).map { "  " + $0 + "\n" }.joined()
      }
    } else if report != nil {
      text += tr("watch.chapterDone", ["chapter": chapter]) + "\n"
    }
    text += "\n"
    if let status {
      text += status + "\n"
    } else {
      let time = DateFormatter.localizedString(
        from: checkedAt, dateStyle: .none, timeStyle: .medium)
      text += tr("watch.checked", ["time": time, "seconds": formatted(seconds)]) + "\n"
    }
    return text
  }

  /// The exercise on the screen: its state, its place, and its failure.
  private func exerciseLines(_ exercise: ExerciseReport) -> [String] {
    let now = tr("watch.now", ["name": exercise.name, "status": phrase(exercise.status)])
    // The place goes under the name.
    let label = now.range(of: exercise.name).map { columns(String(now[..<$0.lowerBound])) } ?? 0
    var lines = [now, String(repeating: " ", count: label) + "\(exercise.file):\(exercise.line)"]
    switch exercise.status {
    case .failing(let failure):
      lines.append("")
      lines += shownFailure(failure, of: exercise.name)
    case .notWritten:
      lines.append("")
      lines.append(tr("watch.writeBody"))
    default: break
    }
    return lines
  }

  /// "Convolution  ██████░░░░░░░░░░░░░░   4 of 13 done".
  private func bar(_ name: String, done: Int, of total: Int, width: Int) -> String {
    let cells = 24
    let filled = total == 0 ? 0 : done * cells / total
    let label = name + String(repeating: " ", count: max(0, width - columns(name)))
    return "\(label)  "
      + String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
      + "  " + tr("watch.barCount", ["done": "\(done)", "total": "\(total)"]) + "\n"
  }

  /// The modification times of the student's files: a change means a save.
  private func modificationTimes() -> [String: Date] {
    var times: [String: Date] = [:]
    let folder = root.appendingPathComponent("Exercises")
    let files = ExerciseTree(root: root).files(in: "Exercises").filter { $0.hasSuffix(".swift") }
    for file in files {
      let path = folder.appendingPathComponent(file).path
      times[file] =
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
    return times
  }
}

/// The columns `text` takes on a terminal: two for a Chinese character or a full-width mark,
/// one for the others.
func columns(_ text: String) -> Int {
  text.unicodeScalars.reduce(0) { count, scalar in
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6,
    ]
    return count + (wide.contains { $0.contains(scalar.value) } ? 2 : 1)
  }
}
