/// The texts of `companion grade`: its help, its errors, its lines and the words of the class
/// report's page.

let gradeMessages: [(String, Text)] = [
  (
    "summary.grade",
    Text(
      "for instructors: the class from Gradescope's results, as CSV files and one page",
      "供教师使用：从 Gradescope 的评分结果汇总全班，写成 CSV 文件和一个网页")
  ),
  (
    "help.grade",
    Text(
      """
      usage: companion grade SUBMISSIONS --out OUT [--budget SECONDS] [--timeout SECONDS]
             companion grade --results DIR --out OUT
             companion grade --simulate N [--seed S] --out DIR

      With SUBMISSIONS (a folder holding a folder or a .zip per student: Gradescope's "Export
      Submissions" unzipped, or GitHub Classroom's clones), grades each as run_autograder does:
      only its files of Exercises/ laid over a copy of this package, the same time limits
      (--budget, default 420 s, per submission), and as companion-student when run as root.
      The builds are shared; each results.json goes to OUT/results/STUDENT/. Then it reports on
      them as --results does.

      Reads every results.json under DIR (Gradescope's "Export Submissions", unzipped: a folder
      per submission; the student is the folder directly under DIR, or the submitter that
      DIR/submission_metadata.yml names for it) and writes into OUT:

        grades.csv     a row per student: the total, then each exercise in teaching order:
                       done, failing, unwritten or broken (does not compile, or not graded)
        mistakes.csv   each catalogued mistake seen (Mistakes/), with how many students made it
                       and who, most first
        report.html    one page, with nothing fetched from elsewhere: a bar per chapter and
                       exercise, the mistakes with their diagnosis and the lecture section to
                       revisit, where students stopped, the totals (--lang zh: in Chinese)

      A file that is not JSON, that is not what `check --format json` prints, or a second result
      for one student is left out and named in a line, and on the page. Run it inside the
      package: the exercises, the catalog and the guides are read from it.

      --simulate N   writes a made-up class of N students into DIR instead (student-001/...),
                     with expected-grades.csv and expected-mistakes.csv, what grading it must
                     give back; the same seed S (default 1) gives the same class

      """,
      """
      用法：companion grade SUBMISSIONS --out OUT [--budget SECONDS] [--timeout SECONDS]
            companion grade --results DIR --out OUT
            companion grade --simulate N [--seed S] --out DIR

      给出 SUBMISSIONS（每个学生一个文件夹或一个 .zip：解压后的 Gradescope "Export
      Submissions"，或 GitHub Classroom 克隆下来的仓库）时，像 run_autograder 那样为每份提交
      评分：只把它 Exercises/ 里的文件放到本包的副本上，时间限制相同（--budget，每份提交
      默认 420 s），以 root 运行时以 companion-student 身份运行。构建是共用的；每份
      results.json 写到 OUT/results/STUDENT/。然后像 --results 那样汇总。

      读取 DIR 下的每个 results.json（Gradescope 的 "Export Submissions" 解压后的文件夹：每份
      提交一个文件夹；学生就是 DIR 下面那一层的文件夹，若 DIR/submission_metadata.yml 写明了
      提交者，则用提交者的名字），在 OUT 中写出：

        grades.csv     每个学生一行：总分，然后按教学顺序列出每个练习的状态：done（完成）、
                       failing（失败）、unwritten（未完成）或 broken（无法编译，或没有评分）
        mistakes.csv   出现过的每个目录中的错误（Mistakes/），有几个学生犯了、是谁，
                       人数多的在前
        report.html    一个网页，不从别处加载任何东西：每章、每个练习一条横条，错误及其诊断和
                       应该复习的讲义章节，学生停在哪里，总分分布（加 --lang zh 时为中文）

      不是 JSON 的文件、不是 `check --format json` 输出的文件、同一个学生的第二份结果，都不计入，
      各用一行说明，网页上也列出。请在课程包里运行：练习、错误目录和指南都从包里读取。

      --simulate N   改为在 DIR 中写出一个虚构的班级，共 N 个学生（student-001/...），并附上
                     expected-grades.csv 和 expected-mistakes.csv，即汇总它应得的结果；
                     同一个种子 S（默认 1）得到同一个班级

      """)
  ),
  (
    "grade.noArguments",
    Text(
      "grade takes options only, not '{argument}'; see companion help grade",
      "grade 只接受选项，不接受 '{argument}'；见 companion help grade")
  ),
  (
    "grade.needsOut",
    Text("grade needs --out: the folder to write into", "grade 需要 --out：要写入的文件夹")
  ),
  (
    "grade.resultsOrSimulate",
    Text(
      "grade needs either --results DIR (a class's results) or --simulate N (a made-up class)",
      "grade 需要 --results DIR（一个班的评分结果）或 --simulate N（一个虚构的班级），二者选一")
  ),
  (
    "grade.seedAlone",
    Text("--seed goes with --simulate only", "--seed 只能与 --simulate 一起使用")
  ),
  (
    "grade.simulateCount",
    Text(
      "--simulate takes a number of students from 1 to 100000, not {count}",
      "--simulate 的学生人数应在 1 到 100000 之间，而这里是 {count}")
  ),
  (
    "grade.noFolder",
    Text("{path} is not a folder of results", "{path} 不是存放评分结果的文件夹")
  ),
  (
    "grade.noResults",
    Text(
      "no results.json under {path}: unzip Gradescope's export there first",
      "{path} 下没有 results.json：请先把 Gradescope 导出的压缩包解压到那里")
  ),
  (
    "grade.noSubmissions",
    Text(
      "{path} holds no submissions: a folder or a .zip per student",
      "{path} 里没有提交：每个学生应是一个文件夹或一个 .zip")
  ),
  (
    "grade.notSubmission",
    Text("not a folder or a .zip; left out", "既不是文件夹也不是 .zip，不计入")
  ),
  (
    "grade.twoSubmissions",
    Text(
      "two submissions for {student}; neither is graded",
      "{student} 有两份提交；两份都不评分")
  ),
  ("grade.badZip", Text("not a zip that can be read; not graded", "不是可读的 zip，未评分")),
  (
    "grade.cannotPrepare",
    Text("cannot prepare the grading: {error}", "无法准备评分：{error}")
  ),
  (
    "grade.buildingProbes",
    Text("grade: building the reference's probes ...", "grade：正在构建参考实现的探测程序……")
  ),
  (
    "grade.notRoot",
    Text(
      "grade: not run as root, so the submissions' code runs as you, with the time limits only",
      "grade：不是以 root 身份运行，提交的代码将以你的身份运行，只受时间限制")
  ),
  (
    "grade.gradingOne",
    Text("grade: {student} ({index} of {count})", "grade：{student}（第 {index} 个，共 {count} 个）")
  ),
  (
    "grade.timing",
    Text(
      "graded {count} submissions in {seconds} s: the first in {first} s, the others in {median} s each (median)",
      "共为 {count} 份提交评分，用时 {seconds} s：第一份 {first} s，其余每份 {median} s（中位数）")
  ),
  (
    "grade.nothingTaken",
    Text(
      "no file of Exercises/ in it: graded as if nothing were written",
      "里面没有 Exercises/ 的文件：按什么都没写来评分")
  ),
  (
    "grade.leftOut",
    Text(
      "{count} of its files left out, not graded (first: {first})",
      "其中 {count} 个文件不计入评分（第一个：{first}）")
  ),
  (
    "grade.outsideExercises",
    Text("files outside Exercises/", "Exercises/ 以外的文件")
  ),
  ("grade.timeLeft", Text(", about {minutes} min left", "，大约还要 {minutes} 分钟")),
  ("grade.unreadable", Text("cannot be read; left out", "无法读取，不计入")),
  ("grade.notJSON", Text("is not JSON; left out", "不是 JSON，不计入")),
  (
    "grade.wrongShape",
    Text(
      "is JSON, but not of the shape {format}; left out",
      "是 JSON，但不符合 {format} 的格式，不计入")
  ),
  (
    "grade.noFormat",
    Text(
      "has no extra_data.format: not written by this version of companion check "
        + "(expected {format}); left out",
      "没有 extra_data.format：不是这一版 companion check 写的（应为 {format}），不计入")
  ),
  (
    "grade.otherFormat",
    Text(
      "is of format {found}, not {format}; left out",
      "格式是 {found}，而不是 {format}，不计入")
  ),
  (
    "grade.twoResults",
    Text(
      "{count} results for the student {name}; none of them is counted until one is removed",
      "学生 {name} 有 {count} 份结果；删去多余的之前，一份都不计入")
  ),
  ("grade.problemLine", Text("problem: {problem}", "问题：{problem}")),
  (
    "grade.summaryLine",
    Text(
      "read {students} students ({problems} problems), saw {mistakes} catalogued mistakes; "
        + "the report is {page}",
      "读取了 {students} 个学生（{problems} 个问题），见到 {mistakes} 种目录中的错误；"
        + "报告在 {page}")
  ),
  (
    "grade.simulatedLine",
    Text(
      "wrote a made-up class of {count} students (seed {seed}) into {path}",
      "已在 {path} 写出一个虚构的班级，共 {count} 个学生（种子 {seed}）")
  ),

  // The page.
  ("grade.pageTitle", Text("The class at a glance", "全班概况")),
  ("grade.factStudents", Text("{count} students", "{count} 个学生")),
  (
    "grade.factExercises",
    Text("{count} exercises in {chapters} chapters", "{chapters} 章共 {count} 个练习")
  ),
  ("grade.factMedian", Text("median total {median} of {points}", "总分中位数 {median}（满分 {points}）")),
  ("grade.factFinished", Text("{count} finished everything", "{count} 人全部完成")),
  ("grade.factMistakes", Text("{count} catalogued mistakes seen", "见到 {count} 种目录中的错误")),
  ("grade.factProblems", Text("{count} problems in the results", "评分结果中有 {count} 个问题")),
  ("grade.problemsHeading", Text("Problems", "问题")),
  (
    "grade.problemsNote",
    Text(
      "These files are left out of everything below; the rest is counted.",
      "下面的统计不含这些文件，其余的都已计入。")
  ),
  ("grade.progressHeading", Text("Chapters and exercises", "各章与各练习")),
  ("grade.standingDone", Text("done", "完成")),
  ("grade.standingFailing", Text("failing", "失败")),
  ("grade.standingUnwritten", Text("not written", "未完成")),
  ("grade.standingBroken", Text("does not compile", "无法编译")),
  (
    "grade.mistakesHeading",
    Text("Mistakes, by how many students made them", "常见错误，按犯错人数排列")
  ),
  (
    "grade.mistakesNote",
    Text(
      "Click a mistake for its exercise, the lecture section to revisit and the students.",
      "点开一条错误，可以看到它所在的练习、应该复习的讲义章节和犯错的学生。")
  ),
  ("grade.openAll", Text("open all", "全部展开")),
  ("grade.closeAll", Text("close all", "全部收起")),
  (
    "grade.noMistakes",
    Text("No catalogued mistake was seen.", "没有见到目录中的错误。")
  ),
  (
    "grade.unknownMistake",
    Text("(not in this package's catalog)", "（不在本课程包的错误目录中）")
  ),
  ("grade.mistakeID", Text("id", "编号")),
  ("grade.revisit", Text("lecture to revisit", "应复习的讲义")),
  ("grade.guideOnly", Text("the {chapter} chapter", "{chapter} 一章")),
  ("grade.guideOf", Text("Guides/{chapter}.md", "见 Guides/zh/{chapter}.md")),
  ("grade.students", Text("students ({count})", "学生（{count} 人）")),
  ("grade.stopsHeading", Text("Where students stopped", "学生停在哪里")),
  (
    "grade.stopsNote",
    Text(
      "Each student's first exercise in teaching order that is not done; {finished} students "
        + "have every exercise done and are not counted.",
      "每个学生按教学顺序第一个没有完成的练习；{finished} 个学生全部完成，不计在内。")
  ),
  ("grade.totalsHeading", Text("Totals", "总分分布")),
  (
    "grade.totalsNote",
    Text(
      "How many students have each total, in steps of {width} points out of {points}.",
      "每个总分段有多少学生，每段 {width} 分，满分 {points}。")
  ),
]
