/// The texts of the tour, `companion list` and `companion show`: the examples' summaries and
/// what their renderers print around the numbers.

let tourMessages: [(String, Text)] = [
  (
    "tour.heading",
    Text(
      "DeepLearningCompanion: the lecture's worked examples, computed live.",
      "DeepLearningCompanion：讲义中的例题，现场算出。")
  ),
  ("tour.exampleHeading", Text("== {name} [{ids}]: {summary}", "== 例题 {name} [{ids}]：{summary}")),
  (
    "tour.whatNext",
    Text(
      """
      What next:
        swift run companion check               where you stand on the exercises, what to do next
        swift run companion test CHAPTER        a chapter's tests on your exercises
        swift run companion watch CHAPTER       both, again every time you save
        swift run companion hint EXERCISE       a pointer to the lecture's formula
        swift run companion list                the examples; `swift run companion show NAME` one
        swift run companion --help              every command
        swift test                              every test, on the reference implementation

      """,
      """
      下一步：
        swift run companion check               你做到了哪里，下一步做什么
        swift run companion test CHAPTER        用你的练习跑一章的测试
        swift run companion watch CHAPTER       上面两件事，每次保存都重做一遍
        swift run companion hint EXERCISE       指出讲义中对应的公式
        swift run companion list                列出例题；`swift run companion show NAME` 打印其中一道
        swift run companion --help              全部命令
        swift test                              全部测试，跑在参考实现上

      """)
  ),

  // The examples' summaries, for the tour and `companion list`.
  (
    "tour.xFilterSummary",
    Text(
      "the 9x9 X and its three filters: three 7x7 maps, as the slide prints them",
      "9x9 的 X 及其三个滤波器：三张 7x7 特征图，按幻灯片的写法打印")
  ),
  (
    "tour.reluSummary",
    Text(
      "the diagonal map after a ReLU: negatives become 0",
      "对角线特征图经过 ReLU：负数变为 0")
  ),
  (
    "tour.fourByFourSummary",
    Text(
      "the 4x4 convolution exercise: a 4x4 image, a 3x3 filter, a 2x2 answer",
      "幻灯片上 4x4 的卷积练习题：4x4 的图像，3x3 的滤波器，2x2 的结果")
  ),
  (
    "tour.poolingSummary",
    Text(
      "the three 7x7 maps max-pooled 2x2 at stride 2: three 4x4 maps, as the slide prints them",
      "三张 7x7 特征图以 2x2、步幅 2 做最大池化：三张 4x4 特征图，按幻灯片的写法打印")
  ),
  (
    "tour.motifLettersSummary",
    Text(
      "C or D: endpoint and corner templates, thresholded and counted, wherever the letter stands",
      "C 还是 D：端点模板和拐角模板，过阈值后计数，字母放在哪里都一样")
  ),
  (
    "tour.classExampleSummary",
    Text(
      "backprop by hand: a sigmoid hidden layer, a linear output, the squared loss",
      "手算反向传播：sigmoid 隐藏层，线性输出，平方损失")
  ),
  (
    "tour.dropoutSummary",
    Text(
      "a seeded dropout mask on a batch of 3, under the notes' and the inverted convention",
      "固定种子的 Dropout 掩码作用在 3 个样本的批次上，分别按笔记的约定和反向 Dropout")
  ),
  (
    "tour.convNetSummary",
    Text(
      "conv -> ReLU -> pool -> fully connected: the X through the lecture's filters, "
        + "then a network trained on shifted letters",
      "卷积 -> ReLU -> 池化 -> 全连接：X 经过讲义的滤波器，再用平移过的字母训练一个网络")
  ),

  // The slide's three filters, by their names in the Convolution chapter: above the filter,
  // above its map max-pooled (show pooling), above that map in the network (show convnet);
  // then the same for a filter of another name.
  ("tour.diagonalFilter", Text("diagonal filter [{id}]:", "对角线滤波器 [{id}]：")),
  ("tour.diagonalPooled", Text("diagonal map, max-pooled [{id}]:", "对角线特征图，最大池化后 [{id}]：")),
  ("tour.diagonalConvNet", Text("diagonal:", "对角线滤波器：")),
  ("tour.centreXFilter", Text("centre-X filter [{id}]:", "中心 X 滤波器 [{id}]：")),
  ("tour.centreXPooled", Text("centre-X map, max-pooled [{id}]:", "中心 X 特征图，最大池化后 [{id}]：")),
  ("tour.centreXConvNet", Text("centre-X:", "中心 X 滤波器：")),
  ("tour.antiDiagonalFilter", Text("anti-diagonal filter [{id}]:", "反对角线滤波器 [{id}]：")),
  (
    "tour.antiDiagonalPooled",
    Text("anti-diagonal map, max-pooled [{id}]:", "反对角线特征图，最大池化后 [{id}]：")
  ),
  ("tour.antiDiagonalConvNet", Text("anti-diagonal:", "反对角线滤波器：")),
  ("tour.filterHeading", Text("{name} filter [{id}]:", "{name} 滤波器 [{id}]：")),
  ("tour.pooledMapHeading", Text("{name} map, max-pooled [{id}]:", "{name} 特征图，最大池化后 [{id}]：")),
  ("tour.convNetMap", Text("{name}:", "{name} 滤波器：")),

  // A stub's mark: an exercise not written yet, or a function that refused its input.
  ("tour.placeholder", Text("(placeholder: {mark})", "（占位值：{mark}）")),
  (
    "tour.notWrittenNote",
    Text("(`{name}` in {file} is not written yet)", "（{file} 里的 `{name}` 还没写）")
  ),
  (
    "tour.cannotCompute",
    Text("`{name}` cannot compute this: {problem}", "`{name}` 算不出这个结果：{problem}")
  ),
  (
    "tour.cannotComputeNote",
    Text("(`{name}` cannot compute this: {problem})", "（`{name}` 算不出这个结果：{problem}）")
  ),

  // show x-filter, relu, four-by-four
  ("tour.xImage", Text("The 9x9 X (1 = stroke, -1 = background):", "9x9 的 X（1 = 笔画，-1 = 背景）：")),
  (
    "tour.filterMap",
    Text(
      "its map, correlate(x, filter) / 9, as the slide prints it:",
      "它的特征图 correlate(x, filter) / 9，按幻灯片的写法打印：")
  ),
  ("tour.reluHeading", Text("relu(diagonal map) [E1.5]:", "relu(对角线特征图) [E1.5]：")),
  ("tour.fourByFourImage", Text("image:", "图像：")),
  (
    "tour.fourByFourFilter",
    Text("filter (every row -1/2, 1, -1/2):", "滤波器（每一行都是 -1/2, 1, -1/2）：")
  ),
  ("tour.fourByFourValid", Text("valid, stride 1, no division:", "valid，步幅 1，不做除法：")),
  ("tour.fourByFourCorrelate", Text("correlate [E3]:", "correlate（互相关）[E3]：")),
  (
    "tour.fourByFourConvolve",
    Text(
      "convolve (the filter is symmetric, so the same):",
      "convolve（卷积；滤波器是对称的，所以结果相同）：")
  ),

  // show pooling
  (
    "tour.poolingIntro",
    Text(
      """
      Each 7x7 map of the X [E1.1-E1.3] max-pooled with 2x2 windows at stride 2. The last row and
      column of windows hang over the edge and are kept (ceil mode), so 7x7 becomes 4x4; floor
      mode would drop them and keep the top-left 3x3 [E2.4].
      """,
      """
      X 的每张 7x7 特征图 [E1.1-E1.3] 用 2x2 的窗口、步幅 2 做最大池化。最后一行和最后一列
      窗口超出了边界，仍然保留（向上取整模式），所以 7x7 变成 4x4；向下取整模式会丢掉它们，
      只留下左上角的 3x3 [E2.4]。
      """)
  ),

  // show motif-letters
  (
    "tour.motifIntro",
    Text(
      """
      Endpoint and corner templates (3 x 3) slide over each image with the same weights
      everywhere; where a score reaches the template's threshold, a motif is found [E6.11].
      Two endpoints and no corners make a C, two corners and no endpoints a D.
      (# stroke, * an endpoint found, + a corner found)
      """,
      """
      端点模板和拐角模板（3 x 3）在每张图像上滑动，各处用同一组权重；得分达到模板的阈值，
      就找到一个图案 [E6.11]。两个端点、没有拐角是 C，两个拐角、没有端点是 D。
      （# 笔画，* 找到的端点，+ 找到的拐角）
      """)
  ),
  ("tour.shiftedD", Text("D at (3, 4) on a 10 x 9 canvas", "D，放在 10 x 9 画布的 (3, 4) 处")),
  ("tour.letterName", Text("{name}:", "字母 {name}：")),
  (
    "tour.motifCounts",
    Text(
      "endpoints {endpoints}, corners {corners}: {decision}",
      "端点 {endpoints} 个，拐角 {corners} 个：{decision}")
  ),
  ("tour.isLetter", Text("a {letter}", "是 {letter}")),
  ("tour.neitherLetter", Text("neither letter", "两个字母都不是")),

  // show class-example
  ("tour.forwardFailed", Text("forward pass: {problem}", "前向传播：{problem}")),
  ("tour.forwardWrongShapes", Text("not of the right shapes", "形状不对")),
  (
    "tour.forward",
    Text(
      "forward [E6.2]:  z^2 = s = (W^2)^T x, h = a^2 = σ(s), ŷ = a^3 = (W^3)^T h",
      "前向传播 [E6.2]：z^2 = s = (W^2)^T x，h = a^2 = σ(s)，ŷ = a^3 = (W^3)^T h")
  ),
  ("tour.backwardFailed", Text("backward: {problem}", "反向传播：{problem}")),
  ("tour.backwardWrongShape", Text("gradients of the wrong shape", "梯度的形状不对")),
  (
    "tour.backward",
    Text(
      """
      backward:  δ^3 = ŷ - y = {delta3}
                 δ^2 = Diag[σ'(s)] W^3 δ^3 = {delta2}
      ∂ℓ/∂W^2 = x (δ^2)^T (row i: input x_i, column j: hidden unit j):
      {dW2}
      ∂ℓ/∂W^3 = h δ^3: {dW3}
      """,
      """
      反向传播：δ^3 = ŷ - y = {delta3}
                δ^2 = Diag[σ'(s)] W^3 δ^3 = {delta2}
      ∂ℓ/∂W^2 = x (δ^2)^T（第 i 行：输入 x_i；第 j 列：隐藏单元 j）：
      {dW2}
      ∂ℓ/∂W^3 = h δ^3：{dW3}
      """)
  ),
  (
    "tour.byHand",
    Text(
      """
      The update of w_(1,1) depends on y - ŷ, h_1, x_1 and w_(3,1) alone:
      ∂ℓ/∂w_(1,1) = -(y - ŷ) w_(3,1) h_1 (1 - h_1) x_1 = -({error}) · 2 · {h1} · \
      {oneMinusH1} · 1 = {byHand}
      backprop gives {backprop}
      """,
      """
      w_(1,1) 的更新只取决于 y - ŷ、h_1、x_1 和 w_(3,1)：
      ∂ℓ/∂w_(1,1) = -(y - ŷ) w_(3,1) h_1 (1 - h_1) x_1 = -({error}) · 2 · {h1} · \
      {oneMinusH1} · 1 = {byHand}
      反向传播算出 {backprop}
      """)
  ),

  // show dropout
  (
    "tour.dropoutIntro",
    Text(
      """
      p is the probability of DROPPING a unit; a unit is kept with probability 1 - p.
      Activations a, one column per example (4 units, 3 examples):
      """,
      """
      p 是丢弃一个单元的概率（不是保留的概率）；单元以概率 1 - p 保留。
      激活值 a，每个样本一列（4 个单元，3 个样本）：
      """)
  ),
  (
    "tour.dropoutWeights",
    Text(
      "W, the next layer's weights (4 units in, 2 out):",
      "W，下一层的权重（输入 4 个单元，输出 2 个）：")
  ),
  ("tour.dropoutLecturesP", Text("the lecture's p: p and 1 - p coincide", "讲义的 p：p 与 1 - p 相等")),
  ("tour.dropoutOtherP", Text("p and 1 - p differ", "p 与 1 - p 不相等")),
  (
    "tour.dropoutMask",
    Text(
      """
      p = {p} ({note}). A mask from SeededGenerator(seed: 25), 1 = kept,
      0 = dropped, drawn anew for every example:
      """,
      """
      p = {p}（{note}）。掩码来自 SeededGenerator(seed: 25)，1 = 保留，
      0 = 丢弃，每个样本重新抽取：
      """)
  ),
  (
    "tour.dropoutTrainingNotes",
    Text(
      "training, the notes' convention: dropped units are 0, kept ones unchanged:",
      "训练时，笔记的约定：丢弃的单元为 0，保留的不变：")
  ),
  (
    "tour.dropoutTrainingInverted",
    Text(
      "training, inverted dropout: kept units multiplied by 1 / (1 - p) = {factor}:",
      "训练时，反向 Dropout：保留的单元乘以 1 / (1 - p) = {factor}：")
  ),
  (
    "tour.dropoutTestNotes",
    Text(
      "test time, every unit on. The notes multiply W by 1 - p = {factor}:",
      "测试时所有单元都在。笔记把 W 乘以 1 - p = {factor}：")
  ),
  (
    "tour.dropoutTestInverted",
    Text("test time, inverted dropout: W as trained:", "测试时，反向 Dropout：W 保持训练时的值：")
  ),

  // show convnet
  (
    "tour.convNetIntro",
    Text(
      """
      Input -> (conv -> ReLU -> max pool) -> fully connected -> softmax.
      With the lecture's three filters (scaled by 1/9) as the first layer, and 2x2 max pooling
      at stride 2 in ceil mode, the 9x9 X gives the slide's three pooled maps [E2.1-E2.3]:
      """,
      """
      输入 -> (卷积 -> ReLU -> 最大池化) -> 全连接 -> softmax。
      第一层用讲义的三个滤波器（乘以 1/9），再以 2x2 的窗口、步幅 2 做最大池化（向上取整
      模式），9x9 的 X 就给出幻灯片上池化后的三张特征图 [E2.1-E2.3]：
      """)
  ),
  (
    "tour.convNetTraining",
    Text(
      """
      Three learned 3x3 filters instead, trained with mini-batch SGD (batches of 4, learning rate
      0.1, 8 epochs) on 36 letters, an X or an O at each of the 9 places it fits on a 9x9 canvas,
      each with 3 pixels flipped (seed 7):
      mean loss {before} -> {after}
      training letters recognized: {training}
      clean letters at every place, never seen in training: {clean}
      """,
      """
      换成三个学习得到的 3x3 滤波器，用小批量 SGD 训练（每批 4 个，学习率 0.1，8 轮）。
      训练数据是 36 个字母，都是 X 或 O，分布在 9x9 画布上能放下字母的 9 个位置，每个字母
      翻转 3 个像素（种子 7）：
      平均损失 {before} -> {after}
      训练字母的识别率：{training}
      干净字母的识别率（每个位置都有，训练时从未见过）：{clean}
      """)
  ),
  ("tour.networkSees", Text("at ({row}, {column}): {verdict}", "位于 ({row}, {column})：{verdict}")),
  ("tour.seesX", Text("the network sees an X", "网络认出的是 X")),
  ("tour.seesO", Text("the network sees an O", "网络认出的是 O")),
  ("tour.seesNothing", Text("the network sees nothing", "网络什么也没认出")),
]
