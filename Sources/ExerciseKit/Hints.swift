/// The chapters in teaching order, each with its exercises in the order to do them and a hint
/// for each that points at the lecture's formula without giving the code away.
/// `companion hint NAME` prints one; `companion verify` fails when an exercise has none.
public let curriculum: [(chapter: String, exercises: [(name: String, hint: String)])] = [
  (
    "Convolution",
    [
      (
        "rotate180",
        """
        Turning by 180 degrees reverses both axes at once: entry (k, l) of a kh x kw kernel lands
        at (kh - 1 - k, kw - 1 - l). It is not the transpose, which swaps the axes.
        Lecture 000, "Discrete convolution".
        """
      ),
      (
        "correlate2D",
        """
        y[i, j] = Σ_k Σ_l w[k, l] · x[i + k, j + l], for every (i, j) where the whole kernel lies
        inside the input: (h - kh + 1) x (w - kw + 1) outputs. Four loops, nothing flipped.
        Lecture 000, "Higher dimensional convolution"; slide "Local filtering" in 002.
        """
      ),
      (
        "convolve2D",
        """
        The lecture's convolution runs the kernel backwards: y_i = Σ_j w_j x_(i-j). Re-index so
        that output (0, 0) is the first place the kernel fits, and you are correlating with the
        kernel turned by 180 degrees. Both axes flip, not one.
        Lecture 000, "Discrete convolution" [E6.1].
        """
      ),
      (
        "relu",
        """
        relu(x) = max(0, x), entry by entry: negatives become 0, everything else stays.
        Slide "Potential to add a ReLU" in 002 [E1.5].
        """
      ),
    ]
  ),
  (
    "Folding",
    [
      (
        "affineMap",
        """
        Each row of the point set is one point x; its image is W x + b, so entry (i, j) of the
        result is b[j] + Σ_k W[j, k] X[i, k]. In matrix form: X Wᵀ plus bᵀ in every row.
        Lecture 000, "Visualization of neural networks" [E6.12].
        """
      ),
      (
        "applyReLU",
        """
        max(0, x) for every coordinate of every point: the plane folds onto the positive
        quadrant. Lecture 000, "Visualization of neural networks" [E6.12].
        """
      ),
      (
        "foldingStages",
        """
        Start from the points; for each layer, z is its affine map of the previous layer's a,
        and a is ReLU of z. Keep both for every layer, first layer first.
        Lecture 000, "Visualization of neural networks" [E6.12].
        """
      ),
      (
        "perceptronSeparates",
        """
        w = 0 and c = 0; a point is wrong when y (w · x + c) <= 0 (zero counts as wrong), and
        then w += y x, c += y. Stop with true after a pass without a correction, with false
        after the last allowed pass. Lecture 000, "Visualization of neural networks" [E6.12].
        """
      ),
      (
        "foldingLoss",
        """
        Score s = u aᴸ + c on the final representation, then the mean over the points of
        log(1 + exp(-y s)). For a large margin exp overflows: log(1 + e^t) = max(0, t) +
        log(1 + e^-|t|). Lecture 000, "Visualization of neural networks" [E6.12].
        """
      ),
      (
        "foldingBackward",
        """
        Run the forward pass and keep it. The loss's derivative by the score is -y σ(-y s) / n;
        go back layer by layer: δz = δa where z > 0 and 0 elsewhere (also at z = 0), ∂C/∂W =
        δzᵀ (the layer's input), ∂C/∂b = the sum of δz over the points, δ(input) = δz W.
        Lecture 004, the delta recursion of backpropagation; 000 [E6.12].
        """
      ),
      (
        "trainFolding",
        """
        Repeat epochs times: compute the gradient on all points and move every weight and bias
        by -η times its entry of the gradient. An unwritten backward pass returns a placeholder:
        return it as it is. Lecture 000, "Parameter transformations" (w ← w - η ∂C/∂w).
        """
      ),
    ]
  ),
]

/// The hint of an exercise, if it has one.
public func hint(for exercise: String) -> String? {
  for chapter in curriculum {
    if let entry = chapter.exercises.first(where: { $0.name == exercise }) { return entry.hint }
  }
  return nil
}

/// The chapters in teaching order: those of the curriculum first, then any others by name.
public func teachingOrder(of chapters: [String]) -> [String] {
  let known = curriculum.map(\.chapter).filter(chapters.contains)
  return known + chapters.filter { !known.contains($0) }.sorted()
}

/// Exercises sorted in the order to do them: the curriculum's order, then by file and line.
public func teachingOrder(of exercises: [Exercise]) -> [Exercise] {
  let order = Dictionary(
    uniqueKeysWithValues: curriculum.flatMap { $0.exercises.map(\.name) }.enumerated().map {
      ($1, $0)
    })
  return exercises.sorted { a, b in
    let left = order[a.name] ?? Int.max
    let right = order[b.name] ?? Int.max
    if left != right { return left < right }
    return (a.file, a.line) < (b.file, b.line)
  }
}
