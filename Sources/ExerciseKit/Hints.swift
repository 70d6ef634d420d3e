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
    "Pooling",
    [
      (
        "pooledLength",
        """
        Floor mode counts the windows that lie wholly in the padded axis: floor((n + 2p - k) / s)
        + 1. Ceil mode rounds up instead, but drops a last window that would start past the input
        and its left padding (PyTorch's rule).
        Slide "Max-pooling" in 002 (the padding problem), "Let us calculate that" [E2.4, E4.2].
        """
      ),
      (
        "maxPool2D",
        """
        y[i, j] = the largest x in window (i, j): rows i·s - p ..< i·s - p + k, columns likewise.
        Padding counts as -infinity, so it never wins; in ceil mode the last window may hang over
        the edge and takes the maximum of what it covers.
        Slides "Max-pooling" in 002 [E2.1-E2.4].
        """
      ),
      (
        "averagePool2D",
        """
        The mean of each window, the padding zeros counted in the divisor (PyTorch's default), but
        not the cells of a ceil-mode window that lie past the padding.
        Slide "Pooling layers" in 002; 004, section 5.2.
        """
      ),
      (
        "lpPool2D",
        """
        (Σ over the window of |x|^p)^(1/p): p = 1 sums the magnitudes, p = 2 is the Euclidean
        length, large p tends to the max of the magnitudes. Padding adds zeros, which add nothing.
        Lecture 001, "Handling jitter: Pooling".
        """
      ),
      (
        "maxPoolBackward",
        """
        Each window hands its upstream gradient to the one cell that won its maximum: the first in
        row-major order on a tie, never to every cell. Where windows overlap, the gradients add
        up.
        Lecture 004, section 3, applied to 002's max pooling.
        """
      ),
      (
        "averagePoolBackward",
        """
        Each window shares its upstream gradient equally among the cells it averaged (the same
        divisor as the forward pass); shares that fall on padding are lost, overlaps add up.
        Lecture 004, section 3.
        """
      ),
      (
        "lpPoolBackward",
        """
        ∂y/∂x = sign(x) · |x|^(p-1) / y^(p-1) for every x of the window, times the upstream
        gradient, summed over the windows that hold x; a window of zeros passes nothing.
        Lecture 004, section 3, applied to 001's Lp pooling.
        """
      ),
    ]
  ),
  (
    "Backprop",
    [
      (
        "forwardPass",
        """
        a^1 = x, then for l = 2, ..., L: z^l = (W^l)^T a^(l-1) + b^l and a^l = f(z^l). W^l is
        (units in l-1) x (units in l): the transpose is what makes the shapes fit. Keep every
        z^l and a^l, the backward pass needs them.
        Lecture 004, section 3, step 2 "Feedforward" [E6.2].
        """
      ),
      (
        "activationDerivative",
        """
        The diagonal of Diag[f'(z^l)], entry by entry: 1, [z > 0] (0 at the kink, the notes'
        pick), σ(z)(1 - σ(z)), 1 - tanh(z)². It receives z, not the activation a = f(z).
        Lecture 004, section 3, equation (4); section 2.2 on ReLU'(0) [E6.2, E6.5].
        """
      ),
      (
        "squaredLossGradient",
        """
        ℓ = 1/2 Σ_k (y_k - a_k)²: differentiate with respect to the output a, not the label.
        The 1/2 cancels the 2 of the square; mind the sign.
        Lecture 004, section 2.2, equation (2); section 3, step 3 (∇_(a^L) ℓ) [E6.2].
        """
      ),
      (
        "hingeLossGradient",
        """
        ℓ = max(0, 1 - y a): the notes' case split, -y while ℓ > 0 and 0 otherwise. At margin
        y a exactly 1 the loss is 0, and so is the gradient the notes use.
        Lecture 004, section 2.2, the chain rule for ∂ℓ/∂w_ij [E6.3].
        """
      ),
      (
        "stableSoftmax",
        """
        softmax(z)_k = e^(z_k) / Σ_i e^(z_i). Subtract the largest logit from every z_i before
        exponentiating: the quotient is unchanged, and e^1000 no longer overflows.
        Lecture 004, section 2 (a softmax output layer for several classes).
        """
      ),
      (
        "softmaxCrossEntropyLoss",
        """
        ℓ = -log softmax(z)_c = log Σ_i e^(z_i) - z_c for the class c of the one-hot y. Take
        the log-sum-exp as m + log Σ_i e^(z_i - m), m the largest logit: never the log of a
        softmax that may have rounded to 0.
        Lecture 004, section 4, "Loss function" (multiclass cross-entropy with softmax).
        """
      ),
      (
        "outputError",
        """
        δ^L = Diag[f'(z^L)] ∇_(a^L) ℓ, the loss's gradient taken at a^L = f(z^L). For the
        softmax cross-entropy z^L are the logits (f is the identity) and δ^L = softmax(z^L) - y.
        Lecture 004, section 3, step 3 "Output error" [E6.2, E6.3].
        """
      ),
      (
        "deltaRecursion",
        """
        Equation (4): δ^l = Diag[f'(z^l)] W^(l+1) δ^(l+1). W^(l+1) is (units in l) x (units in
        l+1), so it carries δ^(l+1) back with no transpose; Diag[v] u multiplies entry by entry.
        Lecture 004, section 3, step 4 "Backpropagation" [E6.2].
        """
      ),
      (
        "weightGradient",
        """
        ∂ℓ/∂W^l = a^(l-1) (δ^l)^T: a column times a row, with the shape of W^l, (units in l-1)
        x (units in l). Entry (i, j) pairs input i with unit j.
        Lecture 004, section 3, step 5 "Gradient" [E6.2].
        """
      ),
      (
        "backpropagate",
        """
        Steps 3 to 5: δ^L first, then δ^l for l = L - 1 down to 2, and at every layer ∂ℓ/∂W^l =
        a^(l-1) (δ^l)^T and ∂ℓ/∂b^l = δ^l. The pass holds every z^l and a^l; outputError,
        hiddenError and weightGradient do the rest.
        Lecture 004, section 3; slide "Backprop Algorithm" in 002 [E6.2, E6.3].
        """
      ),
      (
        "batchGradient",
        """
        "Average gradient over data points in batch": g = (1/n) Σ_i ∂ℓ(y^(i), F(x^(i); θ))/∂θ,
        one forward and one backward pass per pair. The mean, like the empirical risk (2).
        Slide "Backprop Algorithm" in 002; lecture 004, section 2.2 [E6.4].
        """
      ),
      (
        "sgdUpdate",
        """
        Update (3), θ ← θ - η ∂ℓ/∂θ, for every W^l and b^l, l = 2, ..., L: against the gradient,
        each layer keeping its activation.
        Lecture 004, section 2.2, update (3); slide "Backprop Algorithm" in 002 [E6.2].
        """
      ),
    ]
  ),
  (
    "Subgradients",
    [
      (
        "reluSubdifferential",
        """
        ∂h(v) = {g | h(u) ≥ h(v) + g (u - v) for all u}. Where max(0, v) is differentiable the
        set is its one slope; at the kink, every slope between the left and the right one.
        Lecture 004, section 2.2, the note on subgradients [E6.5].
        """
      ),
      (
        "absoluteValueSubdifferential",
        """
        |v| has slope -1 on the left and 1 on the right. At 0, which lines g · u through the
        origin stay below |u| for every u?
        Lecture 004, section 2.2, the definition of ∂h(v) [E6.5].
        """
      ),
      (
        "hingeSubdifferential",
        """
        As a function of z, max(0, 1 - y z) has slope -y where the margin y z < 1 and 0 where
        y z > 1; at y z = 1, every slope between -y and 0 (for y = -1, 0 is the smaller end).
        Lecture 004, section 2.2, the hinge loss ℓ(y, z) = max(0, 1 - yz) [E6.5].
        """
      ),
      (
        "maxAffineSubdifferential",
        """
        Where one line lies above the other, h is that line near v and its slope is the only
        subgradient; where they cross, every slope between the two. Compare the values at v,
        not the slopes.
        Lecture 004, section 2.2, subdifferentials of convex functions [E6.5].
        """
      ),
      (
        "reluSubgradient",
        """
        One element of the subdifferential: the derivative away from 0, and at the kink the
        notes' pick 0 from [0, 1] ("for convenience we pick 0", as PyTorch does).
        Lecture 004, section 2.2 [E6.5].
        """
      ),
      (
        "hingeSubgradient",
        """
        The notes' case split: ∂ℓ/∂z = -y if ℓ(y, z) > 0, else 0. At margin y z exactly 1 the
        loss is 0, so the subgradient is 0: the inequality on ℓ is strict.
        Lecture 004, section 2.2, the chain rule for ∂ℓ/∂w_ij [E6.3].
        """
      ),
      (
        "shallowGradient",
        """
        ∂ℓ/∂w_ij = [x_i][z_j > 0][w_j] ∂ℓ/∂z with ∂ℓ/∂z the hinge subgradient at the output;
        b_j drops the x_i, ∂ℓ/∂w_j = f(z_j) ∂ℓ/∂z, ∂ℓ/∂b = ∂ℓ/∂z. Use the two conventions above.
        Lecture 004, section 2.2, one hidden ReLU layer with the hinge loss [E6.3].
        """
      ),
      (
        "subgradientDescent",
        """
        Update (3) with a subgradient in place of the gradient: v_(t+1) = v_t - η_t g(v_t),
        η_t taken from the step size at t = 0, 1, .... Return v_0 too: steps + 1 numbers.
        Lecture 004, section 2.2, update (3) [E6.5].
        """
      ),
    ]
  ),
  (
    "Dropout",
    [
      (
        "dropoutMask",
        """
        p is the probability of DROPPING a unit: each entry is kept (1) with probability 1 - p
        and dropped (0) with probability p, one uniform draw per entry, so every example of the
        batch gets its own mask.
        Lecture 004, 4.1 "Dropout"; the dropout slide of 002 [E6.6].
        """
      ),
      (
        "applyDropoutMask",
        """
        Training output for a given mask: the notes keep mask ⊙ a as it is; inverted dropout
        scales the kept units by 1 / (1 - p), so that the expected output is a.
        Lecture 004, 4.1 [E6.6].
        """
      ),
      (
        "dropoutForward",
        """
        Training draws a mask and applies it; evaluation draws nothing and returns a unchanged
        under both conventions (the notes put their factor 1 - p into the next layer's weights
        instead).
        Lecture 004, 4.1 [E6.6].
        """
      ),
      (
        "dropoutBackward",
        """
        y = c · mask ⊙ a with c = 1 (notes) or 1 / (1 - p) (inverted), so ∂ℓ/∂a = c · mask ⊙
        ∂ℓ/∂y: a dropped unit passes no gradient.
        Lecture 004, 4.1: dropped units are "accounted for during backprop" [E6.6].
        """
      ),
      (
        "testTimeWeights",
        """
        At test time every unit is present, about 1/(1 - p) times as many as in training. The
        notes shrink the outgoing weights by 1 - p (W/2 for p = 1/2); inverted dropout already
        scaled while training and leaves W alone.
        Lecture 004, 4.1 [E6.6].
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
