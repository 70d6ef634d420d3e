import Convolution
import LectureKit
import TestSupport
import Testing

@Suite("Turning a kernel by 180 degrees")
struct FlipTests {
  /// What the classic mistakes make of a kernel.
  static func mistakes(_ kernel: Matrix) -> [KnownMistake] {
    [
      KnownMistake(
        "that is the transpose: rotate180 turns the kernel, it does not mirror it on its diagonal",
        zh: "这是转置：rotate180 把卷积核旋转 180 度，不是沿对角线翻折",
        kernel.transposed()),
      KnownMistake(
        "only the rows are reversed: turn by 180 degrees, rows and columns",
        zh: "只把行倒过来了：旋转 180 度要把行和列都倒过来",
        Matrix(rows: kernel.rows, columns: kernel.columns) { kernel[kernel.rows - 1 - $0, $1] }),
      KnownMistake(
        "only the columns are reversed: turn by 180 degrees, rows and columns",
        zh: "只把列倒过来了：旋转 180 度要把行和列都倒过来",
        Matrix(rows: kernel.rows, columns: kernel.columns) {
          kernel[$0, kernel.columns - 1 - $1]
        }),
      KnownMistake(
        "the kernel comes back as it was, not turned",
        zh: "卷积核原样返回，没有旋转", kernel),
    ]
  }

  @Test("E6.1 rotate180 reverses the rows and the columns")
  func rotatesBothAxes() {
    let kernel: Matrix = [[1, 2, 3], [4, 5, 6]]
    expectMatrix(
      rotate180(kernel), equals: [[6, 5, 4], [3, 2, 1]], unlike: Self.mistakes(kernel))
  }

  @Test("E6.1 rotate180 is not the transpose, nor a flip of one axis")
  func notTheTranspose() {
    // Square: the transpose has the right shape, so only its entries tell it apart.
    let kernel: Matrix = [[1, 2], [3, 4]]
    expectMatrix(rotate180(kernel), equals: [[4, 3], [2, 1]], unlike: Self.mistakes(kernel))
  }

  @Test(
    "E6.1 rotating twice gives the kernel back; 1x1, one-row and 4x5 kernels too",
    arguments: [
      Matrix([[7]]), Matrix([[1, -2, 3]]), Matrix([[1], [2], [5]]),
      Matrix([[0.5, -1, 2], [3, 0, -4], [1, 1, 9]]),
      Matrix(rows: 4, columns: 5) { Double(5 * $0 + $1 + 1) },
    ])
  func twiceIsIdentity(_ kernel: Matrix) {
    let once = rotate180(kernel)
    guard
      expectMatrix(
        once,
        equals: Matrix(rows: kernel.rows, columns: kernel.columns) {
          kernel[kernel.rows - 1 - $0, kernel.columns - 1 - $1]
        })
    else { return }
    expectMatrix(rotate180(once), equals: kernel)
  }
}
