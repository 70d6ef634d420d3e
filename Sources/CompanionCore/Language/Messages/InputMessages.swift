/// The texts of the errors a student's input gets: a matrix file, a name, an option, the
/// arguments of a command. Each is one line after `companion: error: `.

let inputMessages: [(String, Text)] = [
  // Names (Parsing/Names.swift): {kind} is one of the input.kind texts.
  ("input.kindCommand", Text("command", "命令")),
  ("input.kindExample", Text("example", "例题")),
  ("input.kindExercise", Text("exercise", "练习")),
  ("input.kindChapter", Text("chapter", "章")),
  ("input.kindChapterOrExercise", Text("chapter or exercise", "章或练习")),
  (
    "input.nearMiss",
    Text("no {kind} named '{name}': did you mean {near}?", "没有名为 '{name}' 的{kind}：是不是 {near}？")
  ),
  ("input.unknownName", Text("no {kind} named '{name}'", "没有名为 '{name}' 的{kind}")),
  (
    "input.unknownNameListing",
    Text("no {kind} named '{name}': {listing}", "没有名为 '{name}' 的{kind}；{listing}")
  ),
  ("input.tryHelp", Text("try `companion --help`", "试试 `companion --help`")),
  ("input.tryList", Text("try `companion list`", "试试 `companion list`")),
  (
    "input.checkListsExercises",
    Text("`swift run companion check` lists them", "`swift run companion check` 会列出全部练习")
  ),

  // Options (Parsing/Options.swift).
  ("input.optionNeedsValue", Text("{option} needs a value", "{option} 后面要跟一个值")),
  ("input.optionTwice", Text("{option} is given twice", "{option} 给了两次")),
  (
    "input.unknownOptionNear",
    Text("unknown option '{option}': did you mean {near}?", "未知选项 '{option}'：是不是 {near}？")
  ),
  ("input.unknownOption", Text("unknown option '{option}'", "未知选项 '{option}'")),
  (
    "input.wholeNumber",
    Text("{option} takes a whole number, not '{value}'", "{option} 要一个整数，而不是 '{value}'")
  ),

  // Matrix files (Parsing/MatrixInput.swift).
  (
    "input.rowLength",
    Text(
      "this row has {count} entries but the row on line {line} has {first}",
      "这一行有 {count} 个元素，但第 {line} 行有 {first} 个")
  ),
  (
    "input.rowLengthOne",
    Text(
      "this row has 1 entry but the row on line {line} has {first}",
      "这一行只有 1 个元素，但第 {line} 行有 {first} 个")
  ),
  (
    "input.noMatrix",
    Text("holds no matrix: no row has an entry", "里面没有矩阵：没有哪一行有元素")
  ),
  (
    "input.emptyEntry",
    Text("an empty entry: a comma with no number on one side", "空元素：逗号的一侧没有数")
  ),
  (
    "input.notNumber",
    Text(
      "'{token}' is not a finite number or a fraction of two",
      "'{token}' 既不是有限的数，也不是两个数之比")
  ),
  ("input.cannotReadStandardInput", Text("cannot read standard input", "无法读取标准输入")),
  ("input.noSuchFile", Text("no such file", "没有这个文件")),
  ("input.cannotReadFile", Text("cannot read this file", "无法读取这个文件")),
  ("input.notUTF8", Text("is not UTF-8 text", "不是 UTF-8 文本")),
  ("input.cannotWriteFile", Text("cannot write this file", "无法写入这个文件")),

  // The arguments of commands.
  ("input.noArguments", Text("{command} takes no arguments", "{command} 不接受参数")),
  (
    "input.showOneName",
    Text(
      "show takes one example name: try `companion list`",
      "show 要一个例题名：试试 `companion list`")
  ),
  ("input.helpOneCommand", Text("help takes one command", "help 只接受一个命令")),
  ("input.hintOneExercise", Text("hint takes one exercise name", "hint 要一个练习名")),
  (
    "input.unwritten",
    Text("`{name}` in {file} is not written yet", "{file} 里的 `{name}` 还没写")
  ),

  // correlate and convolve.
  (
    "input.slidingFiles",
    Text(
      "{command} takes an image file and a kernel file, but got {count} file names: "
        + "try `companion help {command}`",
      "{command} 要一个图像文件和一个卷积核文件，却给了 {count} 个文件名："
        + "试试 `companion help {command}`")
  ),
  (
    "input.slidingOneFile",
    Text(
      "{command} takes an image file and a kernel file, but got 1 file name: "
        + "try `companion help {command}`",
      "{command} 要一个图像文件和一个卷积核文件，却只给了 1 个文件名："
        + "试试 `companion help {command}`")
  ),
  (
    "input.oneStandardInput",
    Text(
      "only one of IMAGE and KERNEL can be `-` (standard input)",
      "IMAGE 和 KERNEL 至多一个可以是 `-`（标准输入）")
  ),
  (
    "input.strideAtLeastOne",
    Text("--stride must be at least 1, not {stride}", "--stride 至少为 1，而不是 {stride}")
  ),
  (
    "input.paddingStrideOne",
    Text(
      "--padding {padding} takes stride 1 only, but --stride is {stride}",
      "--padding {padding} 只能用步幅 1，但 --stride 是 {stride}")
  ),
  (
    "input.paddingValue",
    Text(
      "--padding takes valid, same, full or a number of zeros from 0 to 100000, not '{value}'",
      "--padding 只接受 valid、same、full 或 0 到 100000 之间的零的个数，而不是 '{value}'")
  ),
  (
    "input.kernelDoesNotFit",
    Text(
      "a {kernel} kernel does not fit inside a {input} input padded to {padded}: "
        + "use a smaller kernel or more --padding",
      "{kernel} 的卷积核放不进填充到 {padded} 的 {input} 输入："
        + "换一个小一些的卷积核，或者加大 --padding")
  ),
  (
    "input.windowProblem",
    Text(
      "{problem}: use a smaller kernel or more --padding",
      "{problem}：换一个小一些的卷积核，或者加大 --padding")
  ),
  (
    "input.paddedTooLarge",
    Text(
      "the padded image would be {shape}, more than {limit} entries",
      "填充后的图像会是 {shape}，超过 {limit} 个元素")
  ),

  // pool.
  (
    "input.poolArguments",
    Text(
      "pool takes a kind (max, average, lp) and one FILE: try `companion help pool`",
      "pool 要一种池化方式（max、average、lp）和一个 FILE：试试 `companion help pool`")
  ),
  (
    "input.poolKind",
    Text(
      "no pooling kind '{kind}': the kinds are max, average, lp",
      "没有 '{kind}' 这种池化方式：可选的有 max、average、lp")
  ),
  (
    "input.poolNeedsSize",
    Text("pool needs --size K, the window's length", "pool 需要 --size K，即窗口的边长")
  ),
  (
    "input.poolSettings",
    Text(
      "{problem} (--size {size}, --stride {stride}, --padding {padding})",
      "{problem}（设置为 --size {size}，--stride {stride}，--padding {padding}）")
  ),
  (
    "input.poolSizeAtLeastOne",
    Text(
      "a pooling window needs a length of at least 1, but it is {size}",
      "池化窗口的边长至少为 1，而这里是 {size}")
  ),
  (
    "input.poolStrideAtLeastOne",
    Text(
      "the pooling stride must be at least 1, but it is {stride}",
      "池化的步幅至少为 1，而这里是 {stride}")
  ),
  (
    "input.poolPaddingRange",
    Text(
      "the padding must lie between 0 and half the window ({size} / 2 = {half}), "
        + "but it is {padding}",
      "填充必须在 0 到窗口的一半（{size} / 2 = {half}）之间，而这里是 {padding}")
  ),
  (
    "input.tooLarge",
    Text("{option} {value} is too large: at most {limit}", "{option} {value} 太大：最多 {limit}")
  ),
  (
    "input.normForLpOnly",
    Text("--norm is for lp pooling only, not for {kind}", "--norm 只用于 lp 池化，不能用于 {kind}")
  ),
  (
    "input.normValue",
    Text(
      "--norm takes a number >= 1 (such as 2 or 3/2), not '{value}'",
      "--norm 要一个不小于 1 的数（如 2 或 3/2），而不是 '{value}'")
  ),
  (
    "input.poolWindowDoesNotFit",
    Text(
      "a {rows} x {columns} window does not fit inside a {shape} input "
        + "padded by {rowPadding} x {columnPadding}",
      "{rows} x {columns} 的窗口放不进填充 {rowPadding} x {columnPadding} 后的 {shape} 输入")
  ),

  // draw.
  (
    "input.drawOnePicture",
    Text(
      "draw takes one picture name: folding or x-filter",
      "draw 要一个图名：folding 或 x-filter")
  ),
  (
    "input.drawNeedsOut",
    Text(
      "draw needs --out FILE.svg (or --out - for standard output)",
      "draw 需要 --out FILE.svg（或者 --out -，写到标准输出）")
  ),
  (
    "input.drawWidth",
    Text("--width must be from 2 to 16, not {width}", "--width 必须在 2 到 16 之间，而不是 {width}")
  ),
  (
    "input.drawSeed",
    Text("--seed must not be negative, not {seed}", "--seed 不能是负数，而这里是 {seed}")
  ),
  ("input.xFilterOption", Text("x-filter takes no {option}", "x-filter 不接受 {option}")),
  (
    "input.drawPicture",
    Text(
      "no picture named '{name}': folding or x-filter",
      "没有名为 '{name}' 的图：可选 folding 或 x-filter")
  ),

  // bench.
  (
    "input.benchArguments",
    Text(
      "bench takes no file or name, but was given '{argument}'",
      "bench 不接受文件或名字，却给了 '{argument}'")
  ),
  (
    "input.benchSize",
    Text(
      "--size takes an image side from 3 to 4096, not {size}",
      "--size 要 3 到 4096 之间的图像边长，而不是 {size}")
  ),
  (
    "input.benchPaths",
    Text(
      "--paths takes plain, fast and fft, separated by commas, not '{list}'",
      "--paths 要用逗号隔开的 plain、fast、fft，而不是 '{list}'")
  ),
  (
    "input.benchGrowth",
    Text(
      "--growth-to takes a side from 256 to 4096, not {side}",
      "--growth-to 要 256 到 4096 之间的边长，而不是 {side}")
  ),

  // verify.
  (
    "input.verifyMistakesChapters",
    Text("verify --mistakes takes at most one chapter", "verify --mistakes 至多接受一章")
  ),
]
