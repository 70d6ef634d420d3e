import Foundation
import LectureKit
import Pooling
import TestSupport
import Testing

@Suite("Lp-norm pooling")
struct LpPoolingTests {
  static let input: Matrix = [[1, -2, 0, 3], [2, 4, -1, 1], [0, 0, 2, -2], [3, 0, 1, 1]]

  @Test("p = 1 sums the magnitudes of each window")
  func sumOfMagnitudes() {
    let pooled = lpPool(Self.input, PoolWindow(size: 2), norm: 1)
    let squareRoots: Matrix = [[3, 5.squareRoot()], [3.squareRoot(), 6.squareRoot()]]
    guard
      expectMatrix(
        pooled, equals: [[9, 5], [3, 6]],
        unlike: [
          KnownMistake(
            "the square root was taken for p = 1: the root is the p-th, (Σ |x|^p)^(1/p)",
            zh: "p = 1 时也开了平方根：应开 p 次方根，(Σ |x|^p)^(1/p)", squareRoots)
        ])
    else {
      if pooled == [[5, 3], [3, 2]] {
        fail(said("the absolute value is missing: |-2| counts as 2", "漏了绝对值：|-2| 算作 2"))
      }
      return
    }
  }

  @Test("p = 2 is the Euclidean length of each window")
  func euclidean() {
    expectMatrix(
      lpPool(Self.input, PoolWindow(size: 2), norm: 2),
      equals: [[5, 11.squareRoot()], [3, 10.squareRoot()]],
      unlike: [
        KnownMistake(
          "the p-th root is missing: this is Σ |x|^p, the norm is its p-th root",
          zh: "漏了 p 次方根：这是 Σ |x|^p，范数是它的 p 次方根", [[25, 11], [9, 10]])
      ])
  }

  @Test("a 1x1 window, a 3x2 window, a 5x5 window and one as large as the map")
  func windowSizes() {
    // numpy: (np.abs(window) ** p).sum() ** (1 / p) for each window, worked out with the
    // padded windows' cells inside the input.
    expectMatrix(
      lpPool(Self.input, PoolWindow(size: 1), norm: 3), equals: Self.input.map { abs($0) },
      tolerance: 1e-12, said("1x1, p = 3: |x|", "1x1，p = 3：|x|"))
    let tall = PoolWindow(
      rows: PoolAxis(size: 3, stride: 1, padding: 1), columns: PoolAxis(size: 2))
    let tallSquares: Matrix = [[25, 11], [25, 19], [29, 12], [9, 10]]
    expectMatrix(
      lpPool(Self.input, tall, norm: 2), equals: tallSquares.map { $0.squareRoot() },
      tolerance: 1e-12, "3x2, p = 2")
    let large = PoolWindow(size: 5, stride: 2, padding: 2)
    let largeSquares: Matrix = [[30, 44], [40, 55]]
    expectMatrix(
      lpPool(Self.input, large, norm: 2), equals: largeSquares.map { $0.squareRoot() },
      tolerance: 1e-12, "5x5, p = 2")
    expectMatrix(
      lpPool(Self.input, PoolWindow(size: 4), norm: 3), equals: [[pow(155.0, 1.0 / 3)]],
      tolerance: 1e-12, "4x4, p = 3")
  }

  @Test("p = 3 takes magnitudes; PyTorch's LPPool2d, which raises x itself, differs")
  func oddNorm() {
    // The first window, 1, -2, 2, 4: (1 + 8 + 8 + 64)^(1/3) = 81^(1/3). Without the
    // absolute value (torch.nn.functional.lp_pool2d's formula) it is 65^(1/3).
    let pooled = lpPool(Self.input, PoolWindow(size: 2), norm: 3)
    let expected: Matrix = [[pow(81.0, 1.0 / 3), pow(29.0, 1.0 / 3)], [3, pow(18.0, 1.0 / 3)]]
    expectMatrix(
      pooled, equals: expected,
      unlike: [
        KnownMistake(
          "(-2)^3 was added as -8: Lp pooling raises the magnitude |x| to the power p",
          zh: "(-2)^3 按 -8 加了进去：Lp 范数池化取的是绝对值 |x| 的 p 次方"
        ) {
          $0.shape == expected.shape
            && $0[0, 0].isApproximatelyEqual(to: pow(65.0, 1.0 / 3), absoluteTolerance: 1e-9)
        }
      ])
  }

  @Test("a fractional p: p = 1.5")
  func fractionalNorm() {
    // numpy: (np.abs(window) ** 1.5).sum() ** (1 / 1.5) for each 2x2 window.
    expectMatrix(
      lpPool(Self.input, PoolWindow(size: 2), norm: 1.5),
      equals: [[5.9890855, 3.72735052], [3, 3.88478439]], tolerance: 1e-7)
  }

  @Test("as p grows, Lp pooling approaches max pooling of the magnitudes")
  func largeNorm() {
    let pooled = lpPool(Self.input, PoolWindow(size: 2), norm: 64)
    let largest: Matrix = [[4, 3], [3, 2]]
    guard expectShape(pooled, largest.shape) else { return }
    // max |x| <= ‖x‖_p <= 4^(1/p) · max |x| for four cells.
    for (value, bound) in zip(pooled.elements, largest.elements) {
      #expect(value >= bound - 1e-12 && value <= pow(4.0, 1.0 / 64) * bound + 1e-12)
    }
  }

  @Test("padding adds zeros, which add nothing; ceil mode keeps the partial windows")
  func paddingAndCeil() {
    let input: Matrix = [[3, 0, -4], [0, 0, 0], [-5, 12, 1]]
    expectMatrix(
      lpPool(input, PoolWindow(size: 2, padding: 1), norm: 2),
      equals: [[3, 4], [5, 145.squareRoot()]], tolerance: 1e-12)
    expectMatrix(
      lpPool(input, PoolWindow(size: 2, rounding: .ceil), norm: 2),
      equals: [[3, 4], [13, 1]], tolerance: 1e-12)
  }
}
