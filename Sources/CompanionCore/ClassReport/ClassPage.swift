import Foundation

/// `report.html`: one page, with nothing fetched from anywhere, to look at the class: each
/// chapter's and exercise's bar of done / failing / not written / does not compile, the mistakes
/// by how many students made them, where students stopped, and the totals. Every text that comes
/// from the results (names, ids, diagnoses, problems) is escaped.
extension ClassSummary {
  func page(_ mistakes: [SeenMistake]) -> String {
    let e = escapedXML
    var html = """
      <!DOCTYPE html>
      <html lang="\(Language.current.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(tr("grade.pageTitle")))</title>
      <style>\(pageStyle)</style>
      </head>
      <body>
      <h1>\(e(tr("grade.pageTitle")))</h1>

      """
    html += facts(mistakes)
    if !problems.isEmpty { html += problemSection }
    html += progressSection
    html += mistakeSection(mistakes)
    html += stopSection
    html += totalSection
    html += """
      <script>
      document.documentElement.setAttribute("data-script", "ran");
      for (const button of document.querySelectorAll("button[data-open]")) {
        button.addEventListener("click", () => {
          const open = button.getAttribute("data-open") === "all";
          for (const details of document.querySelectorAll("#mistakes details")) details.open = open;
        });
      }
      </script>
      </body>
      </html>

      """
    return html
  }

  /// The numbers at the top.
  private func facts(_ mistakes: [SeenMistake]) -> String {
    let points = course.exerciseKeys.count
    let items = [
      tr("grade.factStudents", ["count": "<b id=\"student-count\">\(students.count)</b>"]),
      tr(
        "grade.factExercises",
        ["count": "<b>\(points)</b>", "chapters": "\(course.chapters.count)"]),
      tr("grade.factMedian", ["median": "<b>\(pointsText(median))</b>", "points": "\(points)"]),
      tr("grade.factFinished", ["count": "<b>\(finished)</b>"]),
      tr("grade.factMistakes", ["count": "<b id=\"mistake-count\">\(mistakes.count)</b>"]),
      tr("grade.factProblems", ["count": "<b id=\"problem-count\">\(problems.count)</b>"]),
    ]
    return "<p class=\"facts\">" + items.map { "<span>\($0)</span>" }.joined() + "</p>\n"
  }

  private var problemSection: String {
    var html = "<section id=\"problems\">\n<h2>\(escapedXML(tr("grade.problemsHeading")))</h2>\n"
    html += "<p>\(escapedXML(tr("grade.problemsNote")))</p>\n<ul>\n"
    for problem in problems { html += "<li><code>\(escapedXML(problem.line))</code></li>\n" }
    return html + "</ul>\n</section>\n"
  }

  /// The words of the four standings, in the page's language.
  private func word(_ standing: Standing) -> String {
    switch standing {
    case .done: tr("grade.standingDone")
    case .failing: tr("grade.standingFailing")
    case .unwritten: tr("grade.standingUnwritten")
    case .broken: tr("grade.standingBroken")
    }
  }

  private var legend: String {
    "<p class=\"legend\">"
      + Standing.allCases.map {
        "<span><i class=\"\($0.rawValue)\"></i>\(escapedXML(word($0)))</span>"
      }.joined() + "</p>\n"
  }

  /// A stacked bar of the four standings.
  private func bar(_ counts: [Standing: Int], label: String, chapter: Bool) -> String {
    let total = max(Standing.allCases.map { counts[$0] ?? 0 }.reduce(0, +), 1)
    var html =
      "<div class=\"row\(chapter ? " chapter" : "")\"><span class=\"label\">"
      + escapedXML(label) + "</span><span class=\"bar\">"
    for standing in Standing.allCases {
      let count = counts[standing] ?? 0
      guard count > 0 else { continue }
      let width = Double(count) / Double(total) * 100
      html +=
        "<span class=\"\(standing.rawValue)\" style=\"width:\(String(format: "%.3f", width))%\" "
        + "title=\"\(escapedXML(word(standing))): \(count)\" data-count=\"\(count)\">"
        + "\(count)</span>"
    }
    return html + "</span></div>\n"
  }

  private var progressSection: String {
    var html = "<section id=\"progress\">\n<h2>\(escapedXML(tr("grade.progressHeading")))</h2>\n"
    html += legend
    for (chapter, exercises) in course.chapters {
      html += "<div class=\"chapter-block\">\n"
      html += bar(counts(ofChapter: chapter), label: chapter, chapter: true)
      for exercise in exercises {
        html += bar(counts(of: "\(chapter)/\(exercise)"), label: exercise, chapter: false)
      }
      html += "</div>\n"
    }
    return html + "</section>\n"
  }

  private func mistakeSection(_ mistakes: [SeenMistake]) -> String {
    var html = "<section id=\"mistakes\">\n<h2>\(escapedXML(tr("grade.mistakesHeading")))</h2>\n"
    guard !mistakes.isEmpty else {
      return html + "<p>\(escapedXML(tr("grade.noMistakes")))</p>\n</section>\n"
    }
    html +=
      "<p>\(escapedXML(tr("grade.mistakesNote"))) "
      + "<button type=\"button\" data-open=\"all\">\(escapedXML(tr("grade.openAll")))</button> "
      + "<button type=\"button\" data-open=\"none\">\(escapedXML(tr("grade.closeAll")))</button></p>\n"
    html += "<ol class=\"mistakes\">\n"
    let most = max(mistakes.first?.students.count ?? 1, 1)
    for mistake in mistakes {
      let count = mistake.students.count
      let width = Double(count) / Double(most) * 100
      let diagnosis = mistake.diagnosis.isEmpty ? tr("grade.unknownMistake") : mistake.diagnosis
      let section = course.sections[mistake.exercise] ?? ""
      let chapter = mistake.exercise.split(separator: "/").first.map(String.init) ?? ""
      html += "<li data-mistake=\"\(escapedXML(mistake.id))\" data-count=\"\(count)\"><details>"
      html +=
        "<summary><span class=\"count\">\(count)</span>"
        + "<span class=\"meter\"><span style=\"width:\(String(format: "%.3f", width))%\"></span></span>"
        + "<span class=\"diagnosis\">\(escapedXML(diagnosis))</span>"
        + "<span class=\"exercise\">\(escapedXML(mistake.exercise))</span></summary>\n"
      html += "<dl>"
      html +=
        "<dt>\(escapedXML(tr("grade.mistakeID")))</dt><dd><code>\(escapedXML(mistake.id))</code></dd>"
      html +=
        "<dt>\(escapedXML(tr("grade.revisit")))</dt><dd>"
        + escapedXML(section.isEmpty ? tr("grade.guideOnly", ["chapter": chapter]) : section)
        + " <span class=\"guide\">(" + escapedXML(tr("grade.guideOf", ["chapter": chapter]))
        + ")</span></dd>"
      html +=
        "<dt>\(escapedXML(tr("grade.students", ["count": "\(count)"])))</dt><dd class=\"names\">"
        + mistake.students.map { "<span>\(escapedXML($0))</span>" }.joined(separator: " ")
        + "</dd></dl></details></li>\n"
    }
    return html + "</ol>\n</section>\n"
  }

  private var stopSection: String {
    var html = "<section id=\"stops\">\n<h2>\(escapedXML(tr("grade.stopsHeading")))</h2>\n"
    html += "<p>\(escapedXML(tr("grade.stopsNote", ["finished": "\(finished)"])))</p>\n"
    let stops = self.stops
    let most = max(stops.first?.count ?? 1, 1)
    for (exercise, count) in stops {
      let width = Double(count) / Double(most) * 100
      html +=
        "<div class=\"row\"><span class=\"label\">\(escapedXML(exercise))</span>"
        + "<span class=\"bar single\"><span class=\"stop\" style=\"width:\(String(format: "%.3f", width))%\" "
        + "data-count=\"\(count)\">\(count)</span></span></div>\n"
    }
    return html + "</section>\n"
  }

  private var totalSection: String {
    var html = "<section id=\"totals\">\n<h2>\(escapedXML(tr("grade.totalsHeading")))</h2>\n"
    let points = course.exerciseKeys.count
    let width = max(1, (points + 19) / 20)
    let bins = histogram(width: width)
    let most = max(bins.map(\.count).max() ?? 1, 1)
    html +=
      "<p>\(escapedXML(tr("grade.totalsNote", ["width": "\(width)", "points": "\(points)"])))</p>\n"
    html += "<div class=\"histogram\">\n"
    for bin in bins {
      let height = Double(bin.count) / Double(most) * 100
      let range = bin.from == bin.to ? "\(bin.from)" : "\(bin.from)–\(bin.to)"
      html +=
        "<div class=\"column\" title=\"\(range): \(bin.count)\"><span class=\"n\">\(bin.count)</span>"
        + "<span class=\"pillar\"><span style=\"height:\(String(format: "%.3f", height))%\"></span></span>"
        + "<span class=\"range\">\(range)</span></div>\n"
    }
    return html + "</div>\n</section>\n"
  }
}

/// The page's style: system fonts, four colours for the standings.
private let pageStyle = """
  :root { --done: #2e7d32; --failing: #e65100; --unwritten: #b0bec5; --broken: #6a1b9a;
    --stop: #1565c0; font-family: system-ui, sans-serif; color: #222; }
  body { max-width: 1100px; margin: 1.5em auto; padding: 0 1em; line-height: 1.4; }
  h1 { margin-bottom: .2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
  .facts span { display: inline-block; margin-right: 1.4em; }
  .legend span { margin-right: 1.2em; } .legend i { display: inline-block; width: .9em;
    height: .9em; margin-right: .3em; vertical-align: -.1em; border-radius: 2px; }
  .row { display: flex; align-items: center; margin: 2px 0; }
  .row .label { flex: 0 0 230px; font-family: ui-monospace, monospace; font-size: .85em;
    overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .row.chapter { margin-top: .8em; } .row.chapter .label { font-family: inherit; font-size: 1em;
    font-weight: bold; }
  .bar { flex: 1; display: flex; height: 1.25em; background: #f3f3f3; border-radius: 3px;
    overflow: hidden; font-size: .75em; }
  .row.chapter .bar { height: 1.6em; font-size: .85em; }
  .bar span { display: flex; align-items: center; justify-content: center; overflow: hidden;
    color: #fff; white-space: nowrap; }
  .done, i.done { background: var(--done); } .failing, i.failing { background: var(--failing); }
  .unwritten, i.unwritten { background: var(--unwritten); } .bar .unwritten { color: #222; }
  .broken, i.broken { background: var(--broken); } .stop { background: var(--stop); }
  .bar.single { background: none; } .bar.single span { justify-content: flex-end;
    padding-right: .3em; min-width: 1.5em; }
  ol.mistakes { padding-left: 2em; } ol.mistakes li { margin: 3px 0; }
  summary { cursor: pointer; display: flex; align-items: center; gap: .6em; }
  summary .count { flex: 0 0 2.5em; text-align: right; font-weight: bold; }
  summary .meter { flex: 0 0 8em; height: .8em; background: #f3f3f3; border-radius: 2px; }
  summary .meter span { display: block; height: 100%; background: var(--failing); border-radius: 2px; }
  summary .diagnosis { flex: 1; } summary .exercise { font-family: ui-monospace, monospace;
    font-size: .85em; color: #555; }
  dl { margin: .3em 0 .8em 11em; display: grid; grid-template-columns: max-content 1fr;
    gap: .2em 1em; } dt { color: #555; } dd { margin: 0; } .guide { color: #777; }
  .names span { display: inline-block; background: #eef; border-radius: 3px; padding: 0 .3em;
    margin: 1px; }
  .histogram { display: flex; align-items: flex-end; gap: 3px; height: 220px; }
  .column { flex: 1; display: flex; flex-direction: column; align-items: center; height: 100%; }
  .column .n { font-size: .8em; } .column .range { font-size: .7em; color: #555; }
  .pillar { flex: 1; width: 100%; display: flex; align-items: flex-end; }
  .pillar span { display: block; width: 100%; background: var(--stop); border-radius: 2px 2px 0 0; }
  #stops .row .label { flex-basis: 320px; }
  #problems li code { white-space: pre-wrap; }
  button { font: inherit; font-size: .85em; }
  """
