import Convolution
import LectureKit
import TestSupport
import Testing

@Suite("Turning a kernel by 180 degrees")
struct FlipTests {
  @Test("E6.1 rotate180 reverses the rows and the columns")
  func rotatesBothAxes() {
    expectMatrix(rotate180([[1, 2, 3], [4, 5, 6]]), equals: [[6, 5, 4], [3, 2, 1]])
  }

  @Test("E6.1 rotate180 is not the transpose, nor a flip of one axis")
  func notTheTranspose() {
    let kernel: Matrix = [[1, 2], [3, 4]]
    let rotated = rotate180(kernel)
    guard expectMatrix(rotated, equals: [[4, 3], [2, 1]]) else { return }
    #expect(rotated != kernel.transposed(), "the transpose is [[1, 3], [2, 4]]")
    #expect(rotated != [[3, 4], [1, 2]], "flipping the rows only gives [[3, 4], [1, 2]]")
    #expect(rotated != [[2, 1], [4, 3]], "flipping the columns only gives [[2, 1], [4, 3]]")
  }

  @Test(
    "E6.1 rotating twice gives the kernel back; 1x1 and one-row kernels too",
    arguments: [
      Matrix([[7]]), Matrix([[1, -2, 3]]), Matrix([[1], [2], [5]]),
      Matrix([[0.5, -1, 2], [3, 0, -4], [1, 1, 9]]),
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
