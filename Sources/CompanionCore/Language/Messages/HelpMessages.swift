/// The texts of `companion --help`, the commands' one-line summaries and `companion help
/// COMMAND` (check, test, watch and reset keep theirs with their own texts).

let helpMessages: [(String, Text)] = [
  (
    "help.usage",
    Text(
      """
      usage: companion [COMMAND [ARGUMENTS]]

      With no command, a tour of the lecture's worked examples, computed live.

      commands:
      {commands}

      `companion help COMMAND` says more about one command.

      """,
      """
      用法：companion [COMMAND [ARGUMENTS]]

      不带命令时，导览讲义中的全部例题，现场算出。

      命令：
      {commands}

      `companion help COMMAND` 详细说明一个命令。

      """)
  ),

  // The summaries, one line each in `companion --help`.
  (
    "summary.tour",
    Text("every worked example, computed live (the default)", "全部例题，现场算出（默认命令）")
  ),
  ("summary.list", Text("name the worked examples", "列出例题的名字")),
  ("summary.show", Text("compute and print one worked example", "算出并打印一道例题")),
  (
    "summary.correlate",
    Text("cross-correlate an image file with a kernel file", "图像文件与卷积核文件做互相关")
  ),
  (
    "summary.convolve",
    Text(
      "convolve an image file with a kernel file (the kernel flipped)",
      "图像文件与卷积核文件做卷积（卷积核翻转）")
  ),
  (
    "summary.pool",
    Text(
      "max, average or Lp-norm pooling of a matrix file",
      "对矩阵文件做最大池化、平均池化或 Lp 范数池化")
  ),
  (
    "summary.draw",
    Text("draw a picture of the lecture as an SVG file", "把讲义中的一幅图画成 SVG 文件")
  ),
  (
    "summary.bench",
    Text("time the plain loop, the fast loop and the FFT", "给朴素循环、快速循环和 FFT 计时")
  ),
  (
    "summary.hint",
    Text("a pointer to the lecture's formula for one exercise", "指出一个练习对应讲义中的哪个公式")
  ),
  (
    "summary.verify",
    Text(
      "for instructors: exercises in sync, hints, reference, teeth",
      "教师用：练习与参考实现同步、提示、参考实现、测试能否发现桩")
  ),
  ("summary.help", Text("what a command does", "说明一个命令")),

  // `companion help COMMAND`.
  (
    "help.tour",
    Text(
      """
      usage: companion tour

      Computes every worked example of the lecture with the chapter modules and prints it as the
      slides do. `companion` with no command does the same.

      """,
      """
      用法：companion tour

      用各章的模块算出讲义中的每道例题，照幻灯片的样子打印出来。不带命令的 `companion`
      也是这样。

      """)
  ),
  (
    "help.list",
    Text(
      """
      usage: companion list

      Names the worked examples that `companion show` prints.

      """,
      """
      用法：companion list

      列出 `companion show` 能打印的例题。

      """)
  ),
  (
    "help.show",
    Text(
      """
      usage: companion show NAME

      Computes one worked example and prints it as the slides do. NAME is one of:
      {names}.

      """,
      """
      用法：companion show NAME

      算出一道例题，照幻灯片的样子打印出来。NAME 是下列之一：
      {names}。

      """)
  ),
  (
    // correlate and convolve; {description} is help.correlateDescription or
    // help.convolveDescription.
    "help.sliding",
    Text(
      """
      usage: companion {name} IMAGE KERNEL [--stride S] [--padding P|valid|same|full]
                       [--mean] [--slide]

      {description}

      IMAGE and KERNEL are text files, or `-` for standard input (one of the two at most):
      one row per line, entries separated by spaces, tabs or commas, each a decimal number or
      a fraction such as -1/2; `#` starts a comment. Examples/ holds the lecture's matrices.

        --stride S     move the kernel S entries at a time (default 1)
        --padding P    P zeros on every side of the image (default 0, the same as `valid`);
                       `same` keeps the image's size, `full` keeps every position where the
                       kernel overlaps the image; both take stride 1 only
        --mean         divide each output by the number of kernel entries, as the slides do
        --slide        print two decimals, truncated, as the slides do

      example: companion {name} Examples/x.txt Examples/diagonal.txt --mean --slide

      """,
      """
      用法：companion {name} IMAGE KERNEL [--stride S] [--padding P|valid|same|full]
                      [--mean] [--slide]

      {description}

      IMAGE 和 KERNEL 是文本文件，或者用 `-` 表示标准输入（两者至多一个用 `-`）：矩阵一行
      写一行，元素之间用空格、制表符或逗号隔开，每个元素是十进制数或分数（如 -1/2）；`#`
      之后是注释。讲义用到的矩阵都在 Examples/ 里。

        --stride S     卷积核每次移动 S 个元素（默认 1）
        --padding P    图像每一侧填充 P 个零（默认 0，即 `valid`）；`same` 保持图像的尺寸，
                       `full` 保留卷积核与图像有重叠的每个位置；这两种只能用步幅 1
        --mean         每个输出除以卷积核的元素个数，和幻灯片一样
        --slide        打印两位小数（截断），和幻灯片一样

      例如：companion {name} Examples/x.txt Examples/diagonal.txt --mean --slide

      """)
  ),
  (
    "help.correlateDescription",
    Text(
      """
      Slides KERNEL over IMAGE without flipping it (what deep-learning libraries call
      convolution) and prints the sum of the products at each position:
        y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + k, j·s + l]
      """,
      """
      KERNEL 不翻转，在 IMAGE 上滑动（深度学习框架叫“卷积”的就是它），打印每个位置上的
      乘积之和：
        y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + k, j·s + l]
      """)
  ),
  (
    "help.convolveDescription",
    Text(
      """
      Turns KERNEL by 180 degrees, slides it over IMAGE and prints the sum of the products at
      each position (the lecture's convolution):
        y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + kh - 1 - k, j·s + kw - 1 - l]
      """,
      """
      把 KERNEL 旋转 180 度，在 IMAGE 上滑动，打印每个位置上的乘积之和（讲义的卷积）：
        y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + kh - 1 - k, j·s + kw - 1 - l]
      """)
  ),
  (
    "help.pool",
    Text(
      """
      usage: companion pool max|average|lp FILE --size K [--stride S] [--padding P] [--ceil]
                            [--norm P] [--slide]

      Pools the matrix in FILE (`-` for standard input) with K x K windows and prints the result.

        max         the largest entry of each window; padding never wins
        average     the mean of each window; padding counts as zeros (PyTorch's default)
        lp          the p-norm of each window, (sum of |x|^p)^(1/p); padding adds nothing

        --size K     the window's length (required)
        --stride S   the step between windows (default: K, so windows do not overlap)
        --padding P  cells added on every side, at most K / 2 (default: 0)
        --ceil       keep a last window that hangs over the edge (PyTorch's ceil_mode), as the
                     slide does when it pools a 7x7 map to 4x4; without it, such windows are dropped
        --norm P     p for lp, a number >= 1 such as 2 or 3/2 (default: 2)
        --slide      print two decimals, truncated, as the slides do

      FILE has one row per line; entries are separated by spaces, tabs or commas and are decimal
      numbers or fractions (-1/2); `#` starts a comment. The output has one row per line, entries
      separated by one space, each as Swift prints a Double (reading it back gives the same value).

      example: companion pool max map.txt --size 2 --ceil --slide

      """,
      """
      用法：companion pool max|average|lp FILE --size K [--stride S] [--padding P] [--ceil]
                           [--norm P] [--slide]

      用 K x K 的窗口对 FILE 中的矩阵做池化（`-` 表示标准输入），打印结果。

        max         最大池化：取每个窗口的最大元素；填充的格子永远不会被选中
        average     平均池化：取每个窗口的平均值；填充的格子算作零（PyTorch 的默认做法）
        lp          Lp 范数池化：取每个窗口的 p 范数 (Σ |x|^p)^(1/p)；填充的格子不起作用

        --size K     窗口的边长（必须给出）
        --stride S   步幅，即相邻窗口之间的距离（默认 K，窗口互不重叠）
        --padding P  每一侧填充的格子数，至多 K / 2（默认 0）
        --ceil       保留越出边缘的最后一个窗口（向上取整模式，即 PyTorch 的 ceil_mode），
                     幻灯片把 7x7 的特征图池化成 4x4 就是这样；不加时丢掉这样的窗口
        --norm P     lp 的 p，一个不小于 1 的数，如 2 或 3/2（默认 2）
        --slide      打印两位小数（截断），和幻灯片一样

      FILE 中矩阵一行写一行；元素之间用空格、制表符或逗号隔开，可以是十进制数或分数（-1/2）；
      `#` 之后是注释。输出也是一行一行，元素之间隔一个空格，每个元素按 Swift 打印 Double 的
      格式写出（读回来得到同一个值）。

      例如：companion pool max map.txt --size 2 --ceil --slide

      """)
  ),
  (
    "help.draw",
    Text(
      """
      usage: companion draw folding --out FILE.svg [--width W] [--seed N]
             companion draw x-filter --out FILE.svg

      Writes a picture as SVG (open it in a browser); `--out -` writes it to standard output.

        folding   two nested circles carried through a network of 4 ReLU layers of W units
                  (default 2, at most 16), initialised from seed N and trained by gradient
                  descent: the input and every layer before and after ReLU, with a grid of
                  lines carried along so that the folds show [E6.12]. Without --seed, the first
                  of the seeds 1 to 20 whose network separates the circles, and how many do.
                  Each panel is fitted to its points and labels its own ranges; a layer wider
                  than 2 shows its 2 units that vary most, named in the panel's title. Needs the
                  Folding chapter's forward pass; untrained until trainFolding is written.
        x-filter  the 9x9 X, its three filters, their 7x7 maps and the maps pooled to 4x4,
                  as shaded cells with their numbers [E1.1-E1.3, E2.1-E2.3].

      """,
      """
      用法：companion draw folding --out FILE.svg [--width W] [--seed N]
            companion draw x-filter --out FILE.svg

      把一幅图写成 SVG 文件（用浏览器打开）；`--out -` 把它写到标准输出。

        folding   两个嵌套的圆穿过一个 4 层的 ReLU 网络，每层 W 个单元（默认 2，至多 16），
                  用种子 N 初始化，用梯度下降训练：画出输入，以及每一层 ReLU 之前和之后的
                  样子，并带着一张网格一起变换，让折叠显现出来 [E6.12]。不给 --seed 时，取
                  种子 1 到 20 中第一个能把两个圆分开的网络，并说明共有几个种子能分开。每幅
                  子图按自己的点缩放，标出自己的范围；宽于 2 的层只画变化最大的 2 个单元，
                  子图标题里写明是哪两个。需要 Folding 章的前向传播；trainFolding 写好之前
                  网络不经训练。
        x-filter  9x9 的 X、它的三个滤波器、三张 7x7 的特征图和池化到 4x4 的结果，画成
                  标有数值的着色格子 [E1.1-E1.3, E2.1-E2.3]。

      """)
  ),
  (
    "help.bench",
    Text(
      """
      usage: companion bench [--size N] [--paths LIST] [--growth-to N] [--quick]

      Times three ways of computing one cross-correlation (valid padding, stride 1) of a random
      N x N image with random k x k kernels, k = 3, 5, 9, 15, 31:
        plain loop   correlate(_:with:), the formula's loop (your exercise on the exercises track)
        fast loop    fastCorrelate(_:with:), the same sum streaming along rows
        FFT          fftCorrelate(_:with:), through the real 2D FFT
      It prints each time with the multiply-adds per second, the kernel size from which the FFT
      beats the fast loop, how the times grow with the image side (256 to 2048) beside the
      O(n² k²) and O(n² log n) predictions, for 9 x 9 and 31 x 31 kernels, with the fast loop
      and the FFT also on every core and the speed-up, and the peak memory of the fast loop on a
      2048 x 2048 image. Every other time is on one core. Build it for speed:
      `swift run -c release companion bench`.

        --size N        the image side of the first table, 3 to 4096 (default 512)
        --paths LIST    the paths to time, of plain, fast and fft (default all three): the
                        plain loop takes minutes on a 4096 x 4096 image
        --growth-to N   the largest side of the growth table, 256 to 4096 (default 2048)
        --quick         a smoke test: small images, one run per time (default side 16)

      """,
      """
      用法：companion bench [--size N] [--paths LIST] [--growth-to N] [--quick]

      用三种方法计算随机 N x N 图像与随机 k x k 卷积核（k = 3, 5, 9, 15, 31）的互相关
      （valid 填充，步幅 1），并分别计时：
        plain loop   朴素循环 correlate(_:with:)，即公式里的循环
                     （COMPANION_TRACK=exercises 时用的是你的练习）
        fast loop    快速循环 fastCorrelate(_:with:)，同样的和，沿行流式计算
        FFT          fftCorrelate(_:with:)，经由实数二维 FFT
      打印：每个时间及每秒乘加次数；FFT 从多大的卷积核起快过快速循环；9 x 9 和 31 x 31 的
      卷积核下，时间如何随图像边长（256 到 2048）增长，旁边是 O(n² k²) 与 O(n² log n) 的
      预测，快速循环和 FFT 还在全部核心上各测一次并给出加速比；以及快速循环在 2048 x 2048
      图像上的内存峰值。其余时间都在单核上测得。测速度要用 release 模式编译：
      `swift run -c release companion bench`。结果表是英文的。

        --size N        第一张表的图像边长，3 到 4096（默认 512）
        --paths LIST    要计时的方法，取自 plain、fast、fft（默认三种都测）：在
                        4096 x 4096 的图像上，朴素循环要跑好几分钟
        --growth-to N   增长表的最大边长，256 到 4096（默认 2048）
        --quick         冒烟测试：图像很小，每个时间只跑一次（默认边长 16）

      """)
  ),
  (
    "help.hint",
    Text(
      """
      usage: companion hint EXERCISE

      Points at the formula of the lecture that EXERCISE implements, without giving the code
      away. `companion check` names the exercise to do next. The hints are in the chapters'
      guides (Guides/CHAPTER.md, under "Hints").

      """,
      """
      用法：companion hint EXERCISE

      指出 EXERCISE 实现的是讲义中的哪个公式，但不透露代码。下一个该做哪个练习，
      `companion check` 会告诉你。提示写在各章的指南里（Guides/zh/CHAPTER.md 的“提示”一节）。

      """)
  ),
  (
    "help.verify",
    Text(
      """
      usage: companion verify
             companion verify --mistakes [CHAPTER]

      For instructors, and CI. Checks that Exercises/ is what Solutions/ generates; that every
      exercise has a hint in English and in Chinese; that every chapter has a guide in each
      (Guides/CHAPTER.md, Guides/zh/CHAPTER.md) naming its exercises and citing only example ids
      that some test carries; that every text of the tool is in both languages, the Chinese in
      the glossary's terms (Guides/zh/Glossary.md); that the README's chapter table lists every
      chapter with its number of exercises; that no exercise's body appears in given code (up to
      white space and names); that the reference passes every test (built in .build-verify/);
      and that on the exercises track every chapter test
      fails on the stubs while every other test passes (built in .build-teeth/). Prints one line
      per check and exits with status 1 when any fails.

      With --mistakes, checks the catalog of student mistakes instead (Mistakes/CHAPTER.json):
      plants each mistake alone in a copy of the reference taken as a student's exercises (in
      .build-mistakes/), runs the chapter's tests as check does, and proves that they fail and
      that a failure names the mistake (contains the entry's diagnosis). One line per entry and a
      total; status 1 when any entry is not caught or not named. CHAPTER limits it to one chapter.

      """,
      """
      用法：companion verify
            companion verify --mistakes [CHAPTER]

      供教师和 CI 使用。检查：Exercises/ 与 Solutions/ 生成的结果一致；每个练习都有中英文
      提示；每章都有中英文指南（Guides/CHAPTER.md、Guides/zh/CHAPTER.md），指南列出本章的
      练习，引用的例题编号都有测试带着；工具的每条文本都有中英文两种，中文用术语表
      （Guides/zh/Glossary.md）的译法；README 的章节表列出了每一章及其练习数；给出的代码里没有哪个练习的函数体（不计空白和
      命名）；参考实现通过全部测试（在 .build-verify/ 中编译）；COMPANION_TRACK=exercises
      时，每个章节测试都在桩上失败，其余测试都通过（在 .build-teeth/ 中编译）。每项检查打印
      一行（英文），有任何一项不通过时退出状态为 1。

      加 --mistakes 时，改为检查学生常见错误的目录（Mistakes/CHAPTER.json）：把每个错误单独
      植入一份参考实现的副本，当作学生的练习（在 .build-mistakes/ 中），像 check 一样运行本章
      的测试，证明测试会失败，而且有一条失败信息点出了这个错误（含有该条目的诊断）。每个条目
      一行，最后是合计；有条目没被发现或没被点出时退出状态为 1。CHAPTER 把检查限定在一章。

      """)
  ),
  (
    "help.help",
    Text(
      """
      usage: companion help COMMAND

      Prints what COMMAND does and the arguments it takes.

      """,
      """
      用法：companion help COMMAND

      说明 COMMAND 做什么、接受哪些参数。

      """)
  ),
]
