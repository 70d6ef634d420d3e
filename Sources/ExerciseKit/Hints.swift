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
  )
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
