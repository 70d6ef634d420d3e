/// The texts of `check`, `test`, `watch` and `reset`: their reports, progress lines, statuses,
/// what to do next, errors, prompts and help. Code names, commands, paths and numbers read the
/// same in both languages; the statuses are those of the Chinese README (完成, 失败, 未完成).

let checkMessages: [(String, Text)] = [
  (
    "autograde.summary",
    Text(
      "for the autograder: grades one submission, as root",
      "供自动评分用：以 root 身份为一份提交评分")
  ),
  (
    "autograde.help",
    Text(
      """
      usage: companion autograde --reference-probe PROBE --results FILE [--submission DIR]
             [--user NAME] [--budget SECONDS] [--timeout SECONDS] [--sandbox DIR]

      What Autograder/run_autograder runs, as root, in the grader's copy of the package: it
      lays the submission's files of Exercises/ over the copy, builds it without any reference
      code, runs each chapter's tests as the user NAME (default companion-student), probes each
      exercise that passes its tests on inputs drawn now and has the reference's probe binary
      PROBE judge the results, ends every process of NAME, and writes Gradescope's results.json
      to FILE. Without --submission it grades the stubs (to warm the build).

      --budget SECONDS   the whole grading's time (default 420), shared among the chapters
      --timeout SECONDS  the time limit of one run of a chapter's tests (default 60)
      --sandbox DIR      the folder NAME works in (default: a new one under /tmp)

      """,
      """
      用法：companion autograde --reference-probe PROBE --results FILE [--submission DIR]
             [--user NAME] [--budget SECONDS] [--timeout SECONDS] [--sandbox DIR]

      Autograder/run_autograder 以 root 身份在评分用的包副本里运行它：把提交里 Exercises/
      的文件放到副本上，不带任何参考代码地编译，以用户 NAME（默认 companion-student）运行
      每一章的测试，对测试通过的练习用当场抽取的输入做探测，由参考实现的探测程序 PROBE
      评判结果，结束 NAME 的所有进程，把 Gradescope 的 results.json 写到 FILE。
      不给 --submission 时为存根评分（用来预热构建）。

      --budget SECONDS   整个评分的时间（默认 420），由各章分用
      --timeout SECONDS  一章测试每次运行的时间上限（默认 60）
      --sandbox DIR      NAME 工作的文件夹（默认在 /tmp 下新建一个）

      """)
  ),
  (
    "check.summary",
    Text("where you stand: tests your exercises, chapter by chapter", "你做到了哪里：逐章测试你的练习")
  ),
  (
    "check.help",
    Text(
      """
      usage: companion check [CHAPTER] [--format text|json] [--timeout SECONDS] [--grade]

      Builds your exercises (Exercises/) in .build-exercises/, a folder of their own, and judges
      each one you wrote by the tests that run it, with the reference (Solutions/) standing in
      for every other exercise: so a verdict depends on that exercise alone, whatever the others
      hold. Then the exercises that pass run together. It prints per exercise: done, failing with
      the test and its first failure, or not written yet; a test that fails only together, at
      the chapter; then what to do next. A chapter that does not compile is reported under its
      name and the others are still checked. The first run builds everything (about a minute);
      after an edit, only that exercise's tests run again.

      --timeout SECONDS  the time limit of each chapter's tests (default 60); tests still running
                         then fail with "did not finish" and the others are still reported
      --format json      the report in the shape of Gradescope's results.json
      --grade            as the autograder scores tests: a build with your code and no
                         reference code, each chapter's tests run once; without its probes and
                         its sandbox (see Autograder/README.md)

      Exit status: 0 when every exercise checked is done, 1 when any is not, 2 for a usage error
      (with --format json: 0 whenever the report was written).

      """,
      """
      用法：companion check [CHAPTER] [--format text|json] [--timeout SECONDS] [--grade]

      在单独的文件夹 .build-exercises/ 里编译你的练习（Exercises/），运行每一章的测试，
      评判你写的每个练习时，只用你写的这一个，其余练习一律换成参考实现（Solutions/），
      所以结论只取决于这个练习本身。之后再把各自通过的练习放在一起运行。逐个练习打印状态：
      完成；失败，附上失败的测试和它的第一处失败；未完成。只有放在一起才失败的测试记在章
      名下。最后告诉你下一步做什么。一章编译不通过，就在这一章的名下报告，其他章照常检查。
      第一次运行要编译所有代码（大约一分钟）；之后改了一个练习，只重新运行它的测试。

      --timeout SECONDS  每一章测试的时限（默认 60 秒）；到时还在运行的测试记为失败，提示
                         “没有在 60 s 内跑完”，其余结果照常报告
      --format json      按 Gradescope 的 results.json 格式输出报告（英文）
      --grade            像自动评分那样按测试计分：编译时只有你的代码、没有参考实现，每章的
                         测试只运行一次；不包括它的探测和沙箱（见 Autograder/README.md）

      退出状态：检查过的练习全部完成时为 0，否则为 1，用法错误为 2（用 --format json 时，
      只要写出了报告就是 0）。

      """)
  ),
  (
    "check.formatValue",
    Text("--format takes text or json, not '{value}'", "--format 只接受 text 或 json，而不是 '{value}'")
  ),
  ("check.oneChapter", Text("check takes at most one chapter", "check 最多只能指定一章")),
  (
    "check.secondsValue",
    Text(
      "{option} takes a positive number of seconds, not '{value}'",
      "{option} 要的是正的秒数，而不是 '{value}'")
  ),
  (
    "check.cannotReadSolutions",
    Text("cannot read Solutions/: {error}", "读不了 Solutions/：{error}")
  ),
  ("check.chapters", Text("the chapters are {names}", "本课的章有 {names}")),
  (
    "check.trackNote",
    Text(
      "companion: note: COMPANION_TRACK is set in this shell; check and test do not need it, and "
        + "`swift run` then builds the tool from your exercises: `unset COMPANION_TRACK`",
      "companion: 注意：这个 shell 里设置了 COMPANION_TRACK；check 和 test 用不着它，而且有了它，"
        + "`swift run` 会用你的练习来编译工具本身：`unset COMPANION_TRACK`")
  ),
  (
    "check.noPackage",
    Text(
      "run this inside the DeepLearningCompanion package: no folder above {path} holds "
        + "Package.swift and Solutions/",
      "请在 DeepLearningCompanion 包里运行：{path} 和它上面的文件夹里都没有 Package.swift 和 Solutions/")
  ),
  (
    "check.building",
    Text(
      "companion {command}: building your exercises in {folder}/ ...",
      "companion {command}: 正在 {folder}/ 里编译你的练习……")
  ),
  (
    "check.testing",
    Text("companion {command}: testing {chapter} ...", "companion {command}: 正在测试 {chapter}……")
  ),
  ("check.buildFailed", Text("the exercises could not be built: {why}", "练习没能编译：{why}")),
  ("check.swiftBuildFailed", Text("swift build failed:", "swift build 失败：")),
  ("check.doesNotCompile", Text("does not compile: {error}", "编译不通过：{error}")),
  (
    "check.blocked",
    Text(
      "not checked: it builds on {chapter}, which does not compile",
      "未检查：本章要用到 {chapter}，而 {chapter} 编译不通过")
  ),
  ("check.brokenHere", Text("does not compile (see above)", "编译不通过（见上）")),
  ("check.notChecked", Text("not checked", "未检查")),
  (
    "check.markersBroken",
    Text(
      "not checked: Exercises/{error}: put the BEGIN EXERCISE and END EXERCISE lines back",
      "未检查：Exercises/{error}：把 BEGIN EXERCISE 和 END EXERCISE 两行放回去")
  ),
  (
    "check.markerMissing",
    Text(
      "not checked: the BEGIN EXERCISE {name} line is missing from Exercises/{file}: "
        + "put it back around the body",
      "未检查：Exercises/{file} 里少了 BEGIN EXERCISE {name} 这一行：把它放回函数体的上面")
  ),
  (
    "check.timeLimit",
    Text("did not finish in {seconds} s (an endless loop?)", "没有在 {seconds} s 内跑完（死循环？）")
  ),
  ("check.trapped", Text("it stopped the test process: {why}", "它让测试进程停了下来：{why}")),
  ("check.signal", Text("signal {signal}", "信号 {signal}")),
  ("check.endedEarly", Text("it ended early", "测试进程提前结束了")),
  (
    "check.buildTooLong",
    Text("the build did not finish in the grading's time", "构建没有在评分的时间内完成")
  ),
  (
    "check.budgetSpent",
    Text(
      "the grading's time ran out before these tests could run",
      "评分的时间用完了，这些测试没能运行")
  ),
  (
    "check.endedProcess",
    Text(
      "it ended the test process (exit status {status}) in the middle of its tests",
      "它在测试中途结束了测试进程（退出状态 {status}）")
  ),
  (
    "check.stoppedAgain",
    Text("the test process stopped again and again: {why}", "测试进程一再中途停止：{why}")
  ),
  (
    "check.outsideTimeout",
    Text(
      "the tests did not finish in {seconds} s, in code outside the exercises",
      "测试没有在 {seconds} s 内跑完，卡在练习以外的代码里")
  ),
  (
    "check.stoppedOutside",
    Text("the test process stopped outside any test: {why}", "测试进程在测试之外停止了：{why}")
  ),
  (
    "check.tooManyRuns",
    Text(
      "the test process was started {count} times; the rest is left out",
      "测试进程已经启动了 {count} 次；剩下的测试不再运行")
  ),
  (
    "check.lateOne",
    Text("{count} test did not finish in {seconds} s", "{count} 个测试没有在 {seconds} s 内跑完")
  ),
  (
    "check.lateMany",
    Text("{count} tests did not finish in {seconds} s", "{count} 个测试没有在 {seconds} s 内跑完")
  ),
  (
    "check.blockedOne",
    Text(
      "; {count} more that reach the same exercise was stopped there",
      "；另有 {count} 个测试运行到同一个练习，也在那里停下了")
  ),
  (
    "check.blockedMany",
    Text(
      "; {count} more that reach the same exercise were stopped there",
      "；另有 {count} 个测试运行到同一个练习，也在那里停下了")
  ),
  ("check.othersRan", Text("; the other tests ran to the end", "；其余测试都跑完了")),
  (
    "check.header",
    Text(
      "Your exercises (Exercises/), checked in {seconds} s.",
      "你的练习（Exercises/），检查用时 {seconds} s。")
  ),
  (
    "check.chapterCount",
    Text("{chapter}: {done} of {total} done", "{chapter}：共 {total} 个练习，完成 {done} 个")
  ),
  ("check.countFailing", Text(", {count} failing", "，失败 {count} 个")),
  ("check.countUnreached", Text(", {count} run by no test", "，没有测试运行的 {count} 个")),
  ("check.countNotWritten", Text(", {count} not written yet", "，未完成 {count} 个")),
  ("check.countNotChecked", Text(", {count} not checked", "，未检查 {count} 个")),
  ("check.countTests", Text(", {passed} of {run} tests pass", "，{run} 个测试通过 {passed} 个")),
  (
    "check.courseCount",
    Text("{done} of {total} exercises done.", "共 {total} 个练习，完成 {done} 个。")
  ),
  (
    "check.together",
    Text(
      "fails with {names} together, though each passes its tests on its own:",
      "{names} 各自都通过了自己的测试，放在一起却让这个测试失败：")
  ),
  (
    "check.nextTogether",
    Text(
      "Next: {chapter}: {names} pass on their own but not together; see how they use each other",
      "下一步：{chapter}：{names} 各自通过，放在一起却不行；看看它们是怎样互相调用的")
  ),
  ("check.done", Text("done", "完成")),
  ("check.notWritten", Text("not written yet", "未完成")),
  ("check.failing", Text("failing", "失败")),
  ("check.unreached", Text("written; no test reached it", "已写；没有测试运行到它")),
  ("check.testLine", Text("test \"{test}\" ({suite})", "测试“{test}”（{suite}）")),
  ("check.moreLines", Text("... ({count} more lines)", "……（还有 {count} 行）")),
  (
    "check.allIssues",
    Text(
      "all {issues} issues of {tests} failing tests: swift run companion test {name} --all",
      "{tests} 个失败测试的全部 {issues} 处失败：swift run companion test {name} --all")
  ),
  ("check.listLast", Text("{items} and {last}", "{items} 和 {last}")),
  ("check.next", Text("Next: {name} in {place}", "下一步：{name}，在 {place}")),
  ("check.nextProblem", Text("Next: {chapter}: {problem}", "下一步：先处理 {chapter}：{problem}")),
  ("check.chapterDone", Text("{chapter} is done", "{chapter} 已完成")),
  ("check.chaptersDone", Text("These chapters are done", "这几章已完成")),
  (
    "check.doneNext",
    Text(
      "{finished}: every exercise passes its tests. Next: the {chapter} chapter",
      "{finished}：每个练习都通过了它的测试。下一步：{chapter} 这一章")
  ),
  (
    "check.doneAll",
    Text(
      "{finished}: every exercise passes its tests. Read Solutions/ and compare.",
      "{finished}：每个练习都通过了它的测试。读一读 Solutions/，和你的代码对照。")
  ),
  (
    "test.summary",
    Text("runs a chapter's tests, or one exercise's, on your exercises", "用你的练习运行一章的测试，或一个练习的测试")
  ),
  (
    "test.help",
    Text(
      """
      usage: companion test CHAPTER [--all] [--verbose] [--timeout SECONDS]
             companion test EXERCISE [--all] [--timeout SECONDS]

      With a chapter: runs its tests on your exercises (Exercises/) as they are, stubs
      included, and prints on standard output a line per suite, then each failing test with
      its most telling issue (a named mistake first) and its expected | computed grid; tests
      that fail only on an exercise not written yet are counted in a line per exercise.

      With an exercise: runs the tests that run that exercise, with the reference (Solutions/)
      standing in for every other exercise, as `check` judges it: each failure, the most
      telling first, how many pass, and any test that fails when it runs with your other
      exercises together.

      Both share their build with `companion check` (.build-exercises/), so alternating them
      rebuilds only what you changed; `swift test` itself tests the reference in .build/.

      --all              every issue of every failing test, whole
      --verbose          with a chapter: a line per test as well
      --timeout SECONDS  stop the tests after this long (default 60): an endless loop

      """,
      """
      用法：companion test CHAPTER [--all] [--verbose] [--timeout SECONDS]
            companion test EXERCISE [--all] [--timeout SECONDS]

      指定一章时：用你的练习（Exercises/）原样运行这一章的测试（桩也算在内），在标准输出上
      每个测试套件打印一行，再列出每个失败的测试和它最能说明问题的一处失败（先列出点名的
      错误），附上 expected | computed 网格；只因为某个练习还没写而失败的测试，按练习各合成
      一行。

      指定一个练习时：像 `check` 评判它那样，运行用到这个练习的测试，其余练习一律换成参考
      实现（Solutions/）：列出每个失败（最能说明问题的在前）、通过了几个，另外列出和你的
      其他练习放在一起时失败的测试。

      两种用法都和 `companion check` 共用一个编译目录（.build-exercises/），交替使用时只重新
      编译你改过的部分；`swift test` 本身测试的是 .build/ 里的参考实现。

      --all              列出每个失败测试的每一处失败，不删节
      --verbose          指定一章时：每个测试也各打印一行
      --timeout SECONDS  测试运行这么久就停下（默认 60 秒）：防止死循环

      """)
  ),
  ("test.oneName", Text("test takes one chapter or one exercise", "test 要指定一章或一个练习")),
  ("test.doesNotCompile", Text("{chapter} does not compile:", "{chapter} 编译不通过：")),
  ("test.moreErrors", Text("... and {count} more", "……还有 {count} 个错误")),
  (
    "test.blocked",
    Text(
      "{chapter} builds on {missing}, which does not compile:",
      "{chapter} 要用到 {missing}，而 {missing} 编译不通过：")
  ),
  ("test.notWritten", Text("{name} is not written yet: {place}", "{name} 还没写：{place}")),
  ("test.failed", Text("failed", "失败")),
  ("test.moreIssue", Text("... and {count} more issue", "……另外还有 {count} 处失败")),
  ("test.moreIssues", Text("... and {count} more issues", "……另外还有 {count} 处失败")),
  ("test.allPass", Text("all {count} tests that run {name} pass", "运行 {name} 的 {count} 个测试全部通过")),
  (
    "test.somePass",
    Text("{passed} of {count} tests that run {name} pass", "运行 {name} 的 {count} 个测试通过 {passed} 个")
  ),
  (
    "test.stubTests",
    Text(
      "{count} failing on {name}, not written yet: swift run companion test {name}",
      "{count} 个测试停在还没写的 {name} 上：swift run companion test {name}")
  ),
  ("test.suitePasses", Text("{suite}: all {count} pass", "{suite}：{count} 个全部通过")),
  ("test.suiteFails", Text("{suite}: {passed} of {count} pass", "{suite}：{count} 个通过 {passed} 个")),
  ("test.chapterPasses", Text("{chapter}: all {count} tests pass", "{chapter}：{count} 个测试全部通过")),
  (
    "test.chapterFails",
    Text("{chapter}: {passed} of {count} tests pass", "{chapter}：{count} 个测试通过 {passed} 个")
  ),
  (
    "test.togetherFails",
    Text(
      "{test} fails with {names} together, though each passes its tests on its own:",
      "{names} 各自都通过了自己的测试，放在一起却让 {test} 失败：")
  ),
  ("test.noneRan", Text("No test ran {name}.", "没有测试运行 {name}。")),
  (
    "watch.summary",
    Text("checks a chapter again every time you save, on one screen", "每次保存都重新检查一章，结果显示在同一屏上")
  ),
  (
    "watch.help",
    Text(
      """
      usage: companion watch [CHAPTER] [--timeout SECONDS]

      Checks CHAPTER (by default the first with exercises not written yet) and shows one screen:
      the chapter's and the course's progress, the exercise to do now with its file and line,
      and its first failure as `swift test` shows it. Every time a file of Exercises/ is saved,
      it checks again and redraws; when the exercise passes, it moves on to the next.

      Keys: h  the hint of the exercise    n  the next exercise not done
            r  check again                 q  quit (Ctrl-C too)

      When standard output is not a terminal, it prints one report after another instead.

      --timeout SECONDS  the time limit of the chapter's tests (default 60)

      """,
      """
      用法：companion watch [CHAPTER] [--timeout SECONDS]

      检查 CHAPTER（默认是第一个还有练习没写的章），在一屏上显示：本章和整门课的进度，现在
      要做的练习及其文件和行号，以及它的第一处失败（和 `swift test` 显示的一样）。每次保存
      Exercises/ 里的文件，都会重新检查并重画；这个练习通过后，就转到下一个。

      按键：h  这个练习的提示              n  下一个没完成的练习
            r  重新检查                    q  退出（Ctrl-C 也行）

      标准输出不是终端时，改为一份接一份地打印报告。

      --timeout SECONDS  本章测试的时限（默认 60 秒）

      """)
  ),
  ("watch.oneChapter", Text("watch takes at most one chapter", "watch 最多只能指定一章")),
  ("watch.checking", Text("checking {chapter} ...", "正在检查 {chapter}……")),
  (
    "watch.keys",
    Text("h hint · n next · r check again · q quit", "h 提示 · n 下一个 · r 重新检查 · q 退出")
  ),
  ("watch.course", Text("Course", "整门课")),
  ("watch.barCount", Text("{done} of {total} done", "完成 {done}/{total}")),
  ("watch.now", Text("Now: {name}  {status}", "当前：{name}  {status}")),
  (
    "watch.writeBody",
    Text(
      "Write its body between the BEGIN and END EXERCISE lines; h shows a hint.",
      "在 BEGIN EXERCISE 和 END EXERCISE 两行之间写函数体；按 h 看提示。")
  ),
  ("watch.hint", Text("Hint:", "提示：")),
  ("watch.passes", Text("{name} passes its tests.", "{name} 通过了它的测试。")),
  ("watch.onTo", Text(" On to {name}.", "下一个：{name}。")),
  (
    "watch.nothingLeft",
    Text(" Nothing is left to write in {chapter}.", "{chapter} 没有要写的练习了。")
  ),
  (
    "watch.chapterDone",
    Text(
      "Every exercise of {chapter} is done: `swift run companion check` for the course.",
      "{chapter} 的练习全部完成：整门课的进度看 `swift run companion check`。")
  ),
  (
    "watch.checked",
    Text(
      "Checked at {time} in {seconds} s. Save a file of Exercises/ to check again.",
      "{time} 检查完毕，用时 {seconds} s。保存 Exercises/ 里的文件就会重新检查。")
  ),
  (
    "reset.summary",
    Text("puts an exercise's stub back, keeping your body aside", "把一个练习的桩放回去，你写的函数体另外保存")
  ),
  (
    "reset.help",
    Text(
      """
      usage: companion reset EXERCISE [--yes]

      Replaces your body of EXERCISE in Exercises/ with the stub it started as. It asks first
      (--yes does not), and keeps the body it replaces in .build-exercises/reset/, so nothing is
      lost. It writes only in Exercises/, never in Solutions/.

      """,
      """
      用法：companion reset EXERCISE [--yes]

      把你在 Exercises/ 里写的 EXERCISE 函数体换回最初的桩。动手前会先问你（加 --yes 就不问），
      并把换下来的函数体留在 .build-exercises/reset/，所以什么都不会丢。它只写 Exercises/，
      从不写 Solutions/。

      """)
  ),
  ("reset.oneExercise", Text("reset takes one exercise", "reset 要指定一个练习")),
  (
    "reset.listing",
    Text("`swift run companion check` lists them", "`swift run companion check` 会列出所有练习")
  ),
  (
    "reset.onlyExercises",
    Text("reset writes only in Exercises/", "reset 只写 Exercises/ 里的文件")
  ),
  (
    "reset.cannotReadMarkers",
    Text("cannot read its markers: {error}", "读不出它的标记行：{error}")
  ),
  (
    "reset.markerMissing",
    Text(
      "the BEGIN EXERCISE {name} line is missing: put it back first",
      "少了 BEGIN EXERCISE {name} 这一行：先把它放回去")
  ),
  (
    "reset.already",
    Text("{name} is its stub already ({place}).", "{name} 已经是桩了（{place}）。")
  ),
  (
    "reset.ask",
    Text(
      "Put the stub back into {name} ({place})? Your body will be kept in {folder}/reset/.",
      "把 {name}（{place}）换回桩吗？你写的函数体会留在 {folder}/reset/。")
  ),
  ("reset.nothingChanged", Text("Nothing changed.", "什么也没改。")),
  ("reset.cannotWrite", Text("cannot write: {error}", "写入失败：{error}")),
  (
    "reset.done",
    Text(
      "{name} is its stub again ({place}); your body is in {kept}.",
      "{name} 已换回桩（{place}）；你写的函数体在 {kept}。")
  ),
]
