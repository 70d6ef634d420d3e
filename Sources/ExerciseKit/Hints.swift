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
        "zeroPad",
        """
        padded[i, j] = x[i - top, j - left] where that lies inside x, and 0 elsewhere: an h x w
        input becomes (top + h + bottom) x (left + w + right).
        Slide "Padding" in 002: a 1 x 1 image with padding 2 is 5 x 5 [E4.2].
        """
      ),
      (
        "outputLength",
        """
        Pad to n + 2p; the window's first entry may sit at 0, s, 2s, ... while the whole window
        still fits. Count those places: floor((n + 2p - k) / s) + 1. The notes' (n - (k - 1)) / s
        is exact only when s divides n - k + 1.
        Lecture 000, "Regular twists"; 002, "Let us calculate that" [E4.1-E4.4].
        """
      ),
      (
        "correlate2D",
        """
        y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + k, j·s + l] over the zero-padded input (zeroPad with
        padding.margins), for every (i, j) where the whole kernel fits; nothing flipped.
        Lecture 000, "Higher dimensional convolution" and "Regular twists"; slide "Local
        filtering" in 002.
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
      (
        "correlate1D",
        """
        y_i = Σ_j w_j x_(i·s + j) over the padded sequence, for every i where the whole kernel
        fits; nothing flipped.
        Lecture 000, "Cross-correlation" and "Regular twists" [E6.1].
        """
      ),
      (
        "convolve1D",
        """
        y_i = Σ_j w_j x_(i - j): the kernel runs backwards. Pad as 'same' asks for a convolution,
        then it is a correlation with the reversed kernel.
        Lecture 000, "Discrete convolution" [E6.1].
        """
      ),
      (
        "correlationMatrix",
        """
        One row per output, one column per pixel of the unpadded input, both counted row by row.
        Row (i, j) holds w[k, l] in the column of pixel (i·s + k - top, j·s + l - left) whenever
        that pixel is inside the image; products with padding zeros are left out.
        Lecture 004, section 5.1, the exercise: 5 x 5 image, 2 x 2 patch, a 16 x 25 matrix [E4.5].
        """
      ),
      (
        "correlationInputGradient",
        """
        Every output (i, j) used pixel (i·s + k, j·s + l) of the padded input with weight w[k, l]:
        hand upstream[i, j] · w[k, l] back to it, add up over all outputs, then cut the padding
        away. At stride 1 with no padding it is a full convolution of the upstream gradient with
        w.
        Lecture 004, sections 3 and 5.1.
        """
      ),
      (
        "correlationKernelGradient",
        """
        w[k, l] is shared by every output: its gradient is Σ_i Σ_j upstream[i, j] · padded x[i·s +
        k, j·s + l], a correlation of the padded input with the upstream gradient.
        Lecture 004, section 3 (∂ℓ/∂W = a δ^T) and 000, weight sharing.
        """
      ),
      (
        "fftConvolve1D",
        """
        Zero-pad both sequences to n + k - 1 entries before the circular convolution, so that
        nothing wraps around; the result is then the full convolution.
        Lecture 004, section 5.1, "Convolution is fast" [E4.6].
        """
      ),
      (
        "fftConvolve2D",
        """
        Zero-pad image and kernel at the bottom and on the right to (h + kh - 1) x (w + kw - 1),
        then convolve circularly: the full convolution, nothing wrapped.
        Lecture 004, section 5.1 [E4.6].
        """
      ),
    ]
  ),
  (
    "WeightSharing",
    [
      (
        "nonlinearJacobian",
        """
        One row per weight, one column per parameter: entry (i, j) is ∂w_i/∂u_j of H(u) =
        (u1², u1·u2, exp(u2)), so the matrix is N_w x N_u = 3 x 2.
        Lecture 001, "Parameter Transformation II" [E6.7].
        """
      ),
      (
        "updateThroughTransformation",
        """
        The chain rule in matrix form: u ← u - η (∂H/∂u)^T (∂C/∂w)^T. Check the shapes: [N_u
        x 1] = [N_u x 1] - η [N_u x N_w] [N_w x 1].
        Lecture 000, "Parameter transformations"; 001, "Parameter Transformation III" [E6.7].
        """
      ),
      (
        "firstOrderWeightUpdate",
        """
        What the u step does to w, to first order: w ← w - η (∂H/∂u)(∂H/∂u)^T (∂C/∂w)^T.
        Keep the η: the slide's last line lost it.
        Lecture 001, "Parameter Transformation IV" [E6.7].
        """
      ),
      (
        "sharingMatrix",
        """
        w_i = u_pattern[i] is a linear H, so ∂H/∂u has exactly one 1 in each row, in the
        column of the parameter that weight copies.
        Lecture 000, "A simple parameter transformation: weight sharing" [E6.8].
        """
      ),
      (
        "twoUnitGradient",
        """
        Backpropagate e = G - y through G = w3 tanh(w1 x1) + w4 tanh(w2 x2), treating the
        four weights as independent; tanh' = 1 - tanh².
        Lecture 000, weight sharing [E6.8].
        """
      ),
      (
        "sharedCorrelation",
        """
        y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + k, j·s + l]: the same weights at every patch,
        the patch's corner moving s steps at a time.
        Lecture 004, section 5; 000, "Higher dimensional convolution" [E6.1].
        """
      ),
      (
        "tiedWeightMatrix",
        """
        One row per output (i, j), one column per pixel, both counted row by row; row i·m +
        j holds the kernel where patch (i, j) lies and zeros elsewhere.
        Lecture 004, section 5.1, convolution as a sparse matrix [E4.5].
        """
      ),
      (
        "tiedKernelGradient",
        """
        Each kernel entry (k, l) appears once in every row of the dense matrix; its gradient
        is the sum of the dense gradients at those places, and only those.
        Lecture 000: shared parameters are forced equal, so their gradients are summed [E6.8].
        """
      ),
      (
        "untiedWeightCount",
        """
        Count the patches along one side with floor((n - k) / s) + 1, square it, and give
        every patch its own k x k weights.
        Lecture 004, section 5: 576 at stride 2, 1936 at stride 1 [E4.3].
        """
      ),
      (
        "hypernetworkGradientU",
        """
        Go back from C through G to w (∂C/∂w = e x), through tanh (times 1 - w²), and then
        to u as an outer product with x.
        Lecture 000 and 001, hypernetworks [E6.9].
        """
      ),
      (
        "hypernetworkGradientX",
        """
        x reaches C along two paths, directly through G and through the weights H makes from
        it; the gradient is the sum of both.
        Lecture 000 and 001, hypernetworks [E6.9].
        """
      ),
      (
        "motifScores",
        """
        s_k = Σ_j w_j · x_(k + j) for every window k where the whole detector fits: a
        sequence of 7 and a detector of 3 give 5 scores.
        Lecture 000, "Motif detection in sequential data" [E6.10].
        """
      ),
      (
        "detectorGradient",
        """
        Every copy of the detector adds (∂P/∂s_k) times the window it saw; under max only
        the first winner's copy counts, under sum every copy counts once.
        Lecture 000, motif detection: the five gradients are summed [E6.10].
        """
      ),
      (
        "detectMotif",
        """
        Frame the image with background, slide the template with the same weights
        everywhere, and keep 1 where the score reaches the template's threshold.
        Lecture 000 and 001, motif detection in images [E6.11].
        """
      ),
    ]
  ),
  (
    "ConvNets",
    [
      (
        "multiChannelCorrelate",
        """
        Output map o is b_o + Σ_c correlate(x_c, with: w_oc): one correlation per input map,
        all added up at the same location, then the filter's bias. Pass the layer's stride and
        padding on to correlate (Convolution chapter).
        Lecture 001, "Deep Convolutional Neural Network XX": a second-level neuron jointly
        scans the maps of the first level; 004, section 5.2.
        """
      ),
      (
        "multiChannelInputGradient",
        """
        Input map c fed every output map o through kernel w_oc, so ∂ℓ/∂x_c collects
        correlationInputGradient(∂ℓ/∂y_o, kernel: w_oc) summed over all o.
        Lecture 004, section 3: δ goes back through the weights it came through, summed.
        """
      ),
      (
        "multiChannelFilterGradient",
        """
        Kernel w_oc met only input map c and fed only output map o: its gradient is
        correlationKernelGradient(∂ℓ/∂y_o, input: x_c). The bias b_o was added at every
        position of map o: its gradient is the sum of ∂ℓ/∂y_o.
        Lecture 004, section 3 (∂ℓ/∂W = a δ^T, ∂ℓ/∂b = δ) and section 5 (weight sharing).
        """
      ),
      (
        "flattenMaps",
        """
        One column for the fully connected layer: map 0 row by row, then map 1, ... Entry
        c·h·w + i·w + j is maps[c][i, j].
        Slides "How to transition to fully connected" and "Fully connected read out" in 002.
        """
      ),
      (
        "unflattenMaps",
        """
        The inverse of flattenMaps: map c, entry (i, j) is column entry c·h·w + i·w + j.
        Lecture 002, "Fully connected read out"; the backward pass needs it.
        """
      ),
      (
        "convNetForward",
        """
        Chain the stages and keep each one: z from the convolution layer, a = relu(z) map by
        map, each map max-pooled with net.pool, the pooled maps flattened, then logits =
        W^T features + b.
        Slide "Putting it all together" in 002: Input → (Conv → ReLU → Pooling) → Fully
        connected; 004, section 5.2.
        """
      ),
      (
        "convNetBackward",
        """
        Go back stage by stage: δ = softmax(logits) - e_label; the read-out's ∂ℓ/∂W = features
        δ^T and ∂ℓ/∂b = δ; W δ unflattened to the pooled maps; maxPoolBackward; through the
        ReLU only where z > 0; then the convolution layer's filter gradient.
        Lecture 004, section 3 (the delta recursion) for the layers of section 5.2.
        """
      ),
      (
        "convNetBatchStep",
        """
        For each example a forward and a backward pass; add the gradients' parameter columns,
        divide by the batch size, and move the parameters θ ← θ - η · mean.
        Slide "Backprop Algorithm" in 002: "Average gradient over data points in batch",
        "Update w" [E6.4].
        """
      ),
      (
        "layerOutputShape",
        """
        A convolution gives `filters` maps of floor((n + 2p - k) / s) + 1 per axis
        (outputLength); pooling keeps the maps and shrinks them (pooledShape); a dense layer
        gives its units as maps of 1 x 1.
        Slide "Let us calculate that" in 002 [E4.2]; 004, section 5.2: 28 x 28 → 3 x 24 x 24
        [E4.4].
        """
      ),
      (
        "layerParameterCount",
        """
        A filter has one k x k kernel per input map it reads, and a bias; a dense unit has a
        weight per input unit, and a bias; max pooling has none, LeNet's subsampling a
        coefficient and a bias per map, its RBF output none that are trained.
        Slides "How many parameters?" and "Dense vs conv layers" in 002; LeNet-5: 60,000.
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
