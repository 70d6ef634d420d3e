#if PROBE_Dropout
  import Dropout
  import LectureKit

  /// Dropout (lecture `004`, 4.1). The mask is random, and a right mask need not be the
  /// reference's own draw: its probes check what makes a mask right (0s and 1s, the share kept,
  /// a mask of its own per example) and that the output is that mask applied.
  let dropoutProbes: [Probe] = [
    Probe(
      "dropoutMask",
      check: { student, reference in
        // The random mask, then the mask of chosen draws, which must be the reference's.
        let chosen = 2 + chosenDraws.count
        guard student.count == reference.count, student.count > chosen else {
          return Probe.difference(student, reference)
        }
        if let wrong = Probe.difference(student.suffix(chosen), reference.suffix(chosen)) {
          return "with draws u of 0, p, just below p and just below 1: " + wrong
        }
        return checkMask(
          Array(student.dropLast(chosen)), Array(reference.dropLast(chosen)), from: 0)
      },
      run: { inputs in
        // p other than 1/2, where p and 1 - p coincide; enough entries to see the share kept.
        let p = inputs.pick([0.2, 0.3, 0.7, 0.8])
        let mask = dropoutMask(rows: 40, columns: 50, p: p, using: &inputs.generator)
        // A draw exactly p keeps its unit (u >= p), as the tests single out: a generator whose
        // draws (Double.random(in: 0..<1), one per unit) are 0, p, just below p, just below 1.
        let q = inputs.pick([0.25, 0.5, 0.75, 0.875])
        var chosen = ChosenDraws(q: q)
        let boundary = dropoutMask(
          rows: 2, columns: chosenDraws.count / 2, p: q, using: &chosen)
        return numbers(p, mask, boundary)
      }),
    Probe("applyDropoutMask") { inputs in
      let a = inputs.matrix(3, 4)
      let mask = Matrix(rows: 3, columns: 4) { _, _ in Double(inputs.int(0...1)) }
      let p = inputs.pick([0.2, 0.3, 0.7])
      return numbers(
        applyDropoutMask(a, mask: mask, p: p, convention: .notes),
        applyDropoutMask(a, mask: mask, p: p, convention: .inverted))
    },
    Probe(
      "dropoutForward",
      check: { student, reference in
        // p, a, the training output and mask, then the evaluation output.
        guard student.count == reference.count, student.count > 2 + 3 * 2002 else {
          return Probe.difference(student, reference)
        }
        let p = reference[0]
        let size = 2 + 40 * 50
        let a = Array(reference[1..<(1 + size)])
        let output = Array(student[(1 + size)..<(1 + 2 * size)])
        let mask = Array(student[(1 + 2 * size + 1)..<(1 + 3 * size + 1)])
        if let wrong = checkMask([p] + mask, [p] + a, from: 0) { return wrong }
        let scaled = zip(a.dropFirst(2), mask.dropFirst(2)).map { $0 * $1 / (1 - p) }
        if let wrong = Probe.difference(Array(output.dropFirst(2)), scaled) {
          return "the training output is not the input times its mask, scaled by 1/(1 - p): "
            + wrong
        }
        return Probe.difference(
          Array(student[(1 + 3 * size + 1)...]), Array(reference[(1 + 3 * size + 1)...]))
      },
      run: { inputs in
        let p = inputs.pick([0.2, 0.3, 0.7])
        let a = inputs.matrix(40, 50)
        let training = dropoutForward(
          a, p: p, mode: .training, convention: .inverted, using: &inputs.generator)
        let evaluation = dropoutForward(
          a, p: p, mode: .evaluation, convention: .inverted, using: &inputs.generator)
        return numbers(p, a, training.output, training.mask, evaluation.output, evaluation.mask)
      }),
    Probe("dropoutBackward") { inputs in
      let gradient = inputs.matrix(4, 3)
      let mask = Matrix(rows: 4, columns: 3) { _, _ in Double(inputs.int(0...1)) }
      let p = inputs.pick([0.2, 0.3, 0.7])
      return numbers(
        dropoutBackward(gradient, mask: mask, p: p, convention: .notes),
        dropoutBackward(gradient, mask: mask, p: p, convention: .inverted))
    },
    Probe("testTimeWeights") { inputs in
      let weights = inputs.matrix(3, 5)
      let p = inputs.pick([0.2, 0.3, 0.7])
      return numbers(
        testTimeWeights(weights, p: p, convention: .notes),
        testTimeWeights(weights, p: p, convention: .inverted))
    },
  ]

  /// How many draws the chosen generator hands out before it starts again.
  private let chosenDraws = [0, 1, 2, 3, 0, 1, 2, 3]

  /// Draws of `Double.random(in: 0..<1)` chosen around q: the word of draw u is u · 2^53.
  private struct ChosenDraws: RandomNumberGenerator {
    let words: [UInt64]
    var index = 0

    init(q: Double) {
      let draws = [0, q, q - 0x1p-53, 1 - 0x1p-53]
      words = chosenDraws.map { UInt64(draws[$0] * 0x1p53) }
    }

    mutating func next() -> UInt64 {
      defer { index = (index + 1) % words.count }
      return words[index]
    }
  }

  /// Nil when `student`, from `start` on, holds p and a mask of the same shape as the
  /// reference's whose entries are all 0 or 1, whose share of 1s is 1 - p within five standard
  /// deviations, and whose columns are not all alike.
  private func checkMask(_ student: [Double], _ reference: [Double], from start: Int) -> String? {
    guard student.count == reference.count, student.count >= start + 3 else {
      return Probe.difference(student, reference)
    }
    let p = reference[start]
    let rows = Int(reference[start + 1])
    let columns = Int(reference[start + 2])
    guard student[start + 1] == reference[start + 1], student[start + 2] == reference[start + 2]
    else { return "the mask is not \(rows) x \(columns)" }
    let entries = Array(student[(start + 3)...])
    guard entries.allSatisfy({ $0 == 0 || $0 == 1 }) else { return "a mask entry is not 0 or 1" }
    let count = Double(entries.count)
    let kept = entries.reduce(0, +) / count
    let spread = (p * (1 - p) / count).squareRoot()
    guard abs(kept - (1 - p)) <= 5 * spread else {
      return "it keeps \(kept) of the units with p = \(p), not about \(1 - p)"
    }
    let columnsOf = (0..<columns).map { j in (0..<rows).map { entries[$0 * columns + j] } }
    guard Set(columnsOf).count > 1 else { return "every example has the same mask" }
    return nil
  }
#endif
