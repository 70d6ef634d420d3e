#if PROBE_Pooling
  import Pooling
  import LectureKit

  /// Pooling (lecture `002`, "Max-pooling", "Again, Padding problem!", "Pooling layers"; `001`,
  /// "Handling jitter: Pooling", Lp pooling; `004`, section 3, the backward pass through a
  /// pooling layer). Windows are not square, with a stride, a padding and a size of their own
  /// per axis; inputs of small whole numbers give ties, all-negative inputs meet the padding
  /// (-infinity for max, zeros for the rest), and ceil mode gives windows that hang past the
  /// padding. The conventions are the guide's (PyTorch's): a tie goes to the first maximum in
  /// row-major order, the padding counts in the divisor of the average and overhang does not.
  let poolingProbes: [Probe] = [
    Probe("pooledLength") { inputs in
      var lengths: [Int] = []
      // An axis where ceil mode's extra window would start in the right padding, one where the
      // span divided by the stride has a fraction below 1/2, padding at stride 1, then a few of
      // any kind.
      let cases = [
        edgeCase(&inputs) { n, axis in
          let span = n + 2 * axis.padding - axis.size
          return span % axis.stride != 0
            && (span / axis.stride + 1) * axis.stride >= n + axis.padding
        },
        edgeCase(&inputs) { n, axis in
          let span = n + 2 * axis.padding - axis.size
          // ... and no window to drop, where both roundings agree.
          return 2 * (span % axis.stride) < axis.stride && span % axis.stride != 0
            && (span / axis.stride + 1) * axis.stride < n + axis.padding
        },
        edgeCase(&inputs) { _, axis in axis.padding >= 1 },
        // Stride 1 with padding: each padded cell is one more window, on each side.
        edgeCase(&inputs) { _, axis in axis.padding >= 1 && axis.stride == 1 },
        edgeCase(&inputs) { _, _ in true },
        edgeCase(&inputs) { _, axis in axis.padding == 0 },
      ]
      for (n, axis) in cases {
        lengths += [n, axis.size, axis.stride, axis.padding]
        lengths.append(pooledLength(n, along: axis, rounding: .floor))
        lengths.append(pooledLength(n, along: axis, rounding: .ceil))
      }
      return numbers(lengths)
    },
    Probe("maxPool2D") { inputs in
      let window = poolWindow(&inputs, rounding: .ceil)
      let whole = inputs.wholeMatrix(inputs.int(5...7), inputs.int(5...7))
      // All negative: the padding, -infinity, must not win.
      let negative = inputs.matrix(inputs.int(4...6), inputs.int(4...6), in: -2...(-0.1))
      let floor = poolWindow(&inputs, rounding: .floor)
      return numbers(
        maxPool(whole, window), maxPool(negative, window), maxPool(negative, floor),
        maxPool(whole, floor))
    },
    Probe("averagePool2D") { inputs in
      let window = poolWindow(&inputs, rounding: .ceil)
      let input = overhangingInput(&inputs, window)
      let floor = poolWindow(&inputs, rounding: .floor)
      return numbers(averagePool(input, window), averagePool(input, floor))
    },
    Probe("lpPool2D") { inputs in
      let window = poolWindow(&inputs, rounding: .ceil)
      let input = overhangingInput(&inputs, window)
      let floor = poolWindow(&inputs, rounding: .floor)
      let p: Double = inputs.pick([1, 3])
      let q: Double = inputs.pick([1.5, 2.5, 4])
      return numbers(
        p, q, lpPool(input, window, norm: p), lpPool(input, floor, norm: q),
        lpPool(input, window, norm: 2))
    },
    Probe("maxPoolBackward") { inputs in
      // Overlapping windows (stride below the size) on whole numbers: ties, and cells that win
      // several windows.
      let overlapping = PoolWindow(
        rows: PoolAxis(size: 3, stride: inputs.int(1...2), padding: inputs.int(0...1)),
        columns: PoolAxis(size: 2, stride: 1, padding: inputs.int(0...1)),
        rounding: inputs.pick([.floor, .ceil]))
      let whole = inputs.wholeMatrix(inputs.int(4...6), inputs.int(4...6), in: 0...2)
      let window = poolWindow(&inputs, rounding: .ceil)
      let negative = inputs.matrix(inputs.int(4...6), inputs.int(4...6), in: -2...(-0.1))
      return numbers(
        maxPoolBackward(whole, overlapping, upstream: upstream(&inputs, whole, overlapping)),
        maxPoolBackward(negative, window, upstream: upstream(&inputs, negative, window)),
        maxPoolBackward(whole, window, upstream: upstream(&inputs, whole, window)))
    },
    Probe("averagePoolBackward") { inputs in
      let window = poolWindow(&inputs, rounding: .ceil)
      let input = overhangingInput(&inputs, window)
      let overlapping = PoolWindow(
        rows: PoolAxis(size: 3, stride: 2, padding: 1),
        columns: PoolAxis(size: 2, stride: 1, padding: inputs.int(0...1)))
      return numbers(
        averagePoolBackward(input, window, upstream: upstream(&inputs, input, window)),
        averagePoolBackward(input, overlapping, upstream: upstream(&inputs, input, overlapping)))
    },
    Probe("lpPoolBackward") { inputs in
      let window = poolWindow(&inputs, rounding: .ceil)
      var input = overhangingInput(&inputs, window)
      // One window of zeros, which passes nothing back.
      let i = inputs.int(0...1)
      let j = inputs.int(0...1)
      let top = i * window.rows.stride - window.rows.padding
      let left = j * window.columns.stride - window.columns.padding
      for r in max(top, 0)..<min(top + window.rows.size, input.rows) {
        for c in max(left, 0)..<min(left + window.columns.size, input.columns) {
          input[r, c] = 0
        }
      }
      let p: Double = inputs.pick([1.5, 2, 3])
      let overlapping = PoolWindow(
        rows: PoolAxis(size: 3, stride: 2, padding: 1), columns: PoolAxis(size: 2, stride: 1))
      return numbers(
        p, lpPoolBackward(input, window, norm: p, upstream: upstream(&inputs, input, window)),
        lpPoolBackward(
          input, overlapping, norm: 1, upstream: upstream(&inputs, input, overlapping)))
    },
  ]

  /// A window of sizes 2 and 3 (in either order), strides of 2 or 3 and paddings of 0 or 1.
  private func poolWindow(_ inputs: inout ProbeInputs, rounding: Rounding) -> PoolWindow {
    let sizes = inputs.pick([(2, 3), (3, 2)])
    var rows = PoolAxis(size: sizes.0, stride: inputs.int(2...3), padding: inputs.int(0...1))
    var columns = PoolAxis(size: sizes.1, stride: inputs.int(2...3), padding: 1)
    if rounding == .ceil {
      // One axis, either, where a last window can always hang past the padding: size 3,
      // stride 2 (see `overhangingInput`).
      let overhanging = PoolAxis(size: 3, stride: 2, padding: inputs.int(0...1))
      if inputs.pick([true, false]) { rows = overhanging } else { columns = overhanging }
      // And the axes never alike: one axis's window used for the other must show.
      if rows == columns {
        columns = PoolAxis(size: columns.size, stride: 3, padding: columns.padding)
      }
    }
    return PoolWindow(rows: rows, columns: columns, rounding: rounding)
  }

  /// A random input of 4 to 9 rows and columns on which `window`'s windows do not tile the padded
  /// input along either axis, so that ceil mode has a last window hanging past the padding.
  private func overhangingInput(_ inputs: inout ProbeInputs, _ window: PoolWindow) -> Matrix {
    func length(_ axis: PoolAxis, _ inputs: inout ProbeInputs) -> Int {
      var n = inputs.int(4...6)
      // Windows that do not tile the padded axis, the last one starting before the right
      // padding, so that it hangs past it (where the axis allows: with size 3 and stride 2
      // it always does).
      func overhangs(_ n: Int) -> Bool {
        let span = n + 2 * axis.padding - axis.size
        return span % axis.stride != 0 && (span / axis.stride + 1) * axis.stride < n + axis.padding
      }
      for _ in 0..<axis.stride where !overhangs(n) { n += 1 }
      while (n + 2 * axis.padding - axis.size) % axis.stride == 0 { n += 1 }
      return n
    }
    let rows = length(window.rows, &inputs)
    let columns = length(window.columns, &inputs)
    return inputs.matrix(rows, columns, in: -2...2)
  }

  /// A random upstream gradient with one entry per window of `window` on `input`.
  private func upstream(_ inputs: inout ProbeInputs, _ input: Matrix, _ window: PoolWindow)
    -> Matrix
  {
    inputs.matrix(
      windowCount(input.rows, window.rows, window.rounding),
      windowCount(input.columns, window.columns, window.rounding))
  }

  /// The windows along an axis of `n` cells, counted one by one: in floor mode those that lie
  /// wholly in the padded axis; ceil mode adds a last, partial one while it starts inside the
  /// input.
  private func windowCount(_ n: Int, _ axis: PoolAxis, _ rounding: Rounding) -> Int {
    var count = 0
    while count * axis.stride - axis.padding + axis.size <= n + axis.padding { count += 1 }
    let reachesEnd = (count - 1) * axis.stride - axis.padding + axis.size == n + axis.padding
    if rounding == .ceil && !reachesEnd && count * axis.stride - axis.padding < n { count += 1 }
    return count
  }

  /// An axis length and an axis (size 1 to 4, stride 1 to 3, padding up to half the size) for
  /// which `wanted` holds: the first of random draws that does.
  private func edgeCase(
    _ inputs: inout ProbeInputs, where wanted: (Int, PoolAxis) -> Bool
  ) -> (Int, PoolAxis) {
    while true {
      let size = inputs.int(1...4)
      let axis = PoolAxis(
        size: size, stride: inputs.int(1...3), padding: inputs.int(0...(size / 2)))
      let n = inputs.int(max(1, size - 2 * axis.padding)...9)
      if wanted(n, axis) { return (n, axis) }
    }
  }
#endif
