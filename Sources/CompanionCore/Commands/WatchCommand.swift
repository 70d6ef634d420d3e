import ExerciseKit
import Foundation

let watchCommand = Command(
  name: "watch", summary: "checks a chapter again every time you save, on one screen",
  help: """
    usage: companion watch [CHAPTER] [--timeout SECONDS]

    Checks CHAPTER (by default the first with exercises not written yet) and shows one screen:
    the chapter's and the course's progress, the exercise to do now with its file and line,
    and its first failure as `swift test` shows it. Every time a file of Exercises/ is saved,
    it checks again and redraws; when the exercise passes, it moves on to the next.

    Keys: h  the hint of the exercise    n  the next exercise not done
          r  check again                 q  quit (Ctrl-C too)

    When standard output is not a terminal, it prints one report after another instead.

    --timeout SECONDS  the time limit of the chapter's tests (default 60)

    """
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(arguments, valued: ["--timeout"])
  let timeout = try parsed.seconds("--timeout", default: 60)
  guard parsed.positional.count <= 1 else { throw UsageError("watch takes at most one chapter") }
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

  private var report: ChapterReport?
  /// The exercise on the screen.
  private var current: String?
  private var showHint = false
  /// A line on what just happened ("✔ zeroPad passes its tests").
  private var news: String?
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
      Terminal.draw(screen(status: "checking \(chapter) ..."))
    } else {
      Terminal.write("companion watch: checking \(chapter) ...\n")
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
      news =
        (now.isDone
          ? "✔ \(current) passes its tests."
          : "◑ \(current) passes the tests that can judge it so far.")
        + (next.map { " On to \($0)." } ?? " Nothing is left to write in \(chapter).")
      self.current = next
      showHint = false
    } else if current == nil || status(of: current!).map(passes) == true {
      current = firstOpen()
    }
    draw()
  }

  private mutating func moveToNext() {
    let open = report?.exercises.filter { !passes($0.status) }.map(\.name) ?? []
    guard !open.isEmpty else { return }
    let index = current.flatMap { open.firstIndex(of: $0) }.map { ($0 + 1) % open.count } ?? 0
    current = open[index]
    showHint = false
  }

  /// The exercise that needs the student first, as `check` names it: the first, in teaching
  /// order, that fails or does not compile; else the first not written, waiting or broken.
  private func firstOpen() -> String? {
    let exercises = report?.exercises ?? []
    let failing = exercises.first { exercise in
      switch exercise.status {
      case .failing: true
      case .broken(let why): why.hasPrefix("does not compile")
      default: false
      }
    }
    return (failing ?? exercises.first { !passes($0.status) })?.name
  }

  /// Whether an exercise needs nothing more for now: done, or passing so far.
  private func passes(_ status: ExerciseStatus) -> Bool {
    if case .passingSoFar = status { return true }
    return status.isDone
  }

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
    if interactive { text += "        h hint · n next · r check again · q quit" }
    text += "\n\n"
    let width = max(chapter.count, "Course".count)
    if let report {
      text += bar(chapter, done: report.done, of: report.exercises.count, width: width)
      var cached = ProgressCache(root: root).done()
      cached[chapter] = report.exercises.filter(\.status.isDone).map(\.name)
      let total = (try? ExerciseTree(root: root).exercises().count) ?? 0
      text += bar("Course", done: cached.values.map(\.count).reduce(0, +), of: total, width: width)
    }
    text += "\n"
    if let news { text += news + "\n\n" }
    if let problem = report?.problem { text += "! \(problem)\n\n" }
    if let current, let exercise = report?.exercises.first(where: { $0.name == current }) {
      text += exerciseLines(exercise).joined(separator: "\n") + "\n"
      if showHint, let hint = Curriculum.read(from: ExerciseTree(root: root)).hint(for: current) {
        text += "\nHint:\n" + hint.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        text += "\n"
      }
    } else if report != nil {
      text += "Every exercise of \(chapter) is done: `swift run companion check` for the course.\n"
    }
    text += "\n"
    if let status {
      text += status + "\n"
    } else {
      let time = DateFormatter.localizedString(
        from: checkedAt, dateStyle: .none, timeStyle: .medium)
      text +=
        "Checked at \(time) in \(formatted(seconds)) s. Save a file of Exercises/ to check again.\n"
    }
    return text
  }

  /// The exercise on the screen: its state, its place, and its failure.
  private func exerciseLines(_ exercise: ExerciseReport) -> [String] {
    var lines = [
      "Now: \(exercise.name)  \(phrase(exercise.status))", "     \(exercise.file):\(exercise.line)",
    ]
    switch exercise.status {
    case .failing(let failure):
      lines.append("")
      lines.append("test \"\(failure.test)\" (\(suite(of: failure.testID)))")
      let message = failure.message.split(separator: "\n", omittingEmptySubsequences: false)
      lines += message.prefix(24).map(String.init)
    case .notWritten:
      lines.append("")
      lines.append("Write its body between the BEGIN and END EXERCISE lines; h shows a hint.")
    default: break
    }
    return lines
  }

  /// "Convolution  ██████░░░░░░░░░░░░░░   4 of 13 done".
  private func bar(_ name: String, done: Int, of total: Int, width: Int) -> String {
    let cells = 24
    let filled = total == 0 ? 0 : done * cells / total
    let label = name.padding(toLength: width, withPad: " ", startingAt: 0)
    return "\(label)  "
      + String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
      + "  \(done) of \(total) done\n"
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
