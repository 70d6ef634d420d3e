import LectureKit
import Testing

@Suite("The window geometry: one rule for the chapters and the tool")
struct WindowTests {
  @Test(
    "what makes a window invalid, said in one sentence",
    arguments: [
      (Shape(rows: 0, columns: 2), 1, Padding.valid, "the kernel must have at least one entry"),
      (Shape(rows: 2, columns: 2), 0, .valid, "the stride must be at least 1, but is 0"),
      (Shape(rows: 2, columns: 2), 1, .explicit(-1), "padding must not be negative"),
      (Shape(rows: 2, columns: 2), 2, .same, "is defined for stride 1 only"),
      (Shape(rows: 5, columns: 2), 1, .valid, "a 5 x 2 kernel does not fit inside a 4 x 3 input"),
    ])
  func problems(_ kernel: Shape, _ stride: Int, _ padding: Padding, _ sentence: String) {
    let problem = windowProblem(
      input: Shape(rows: 4, columns: 3), kernel: kernel, stride: stride, padding: padding)
    #expect(problem?.contains(sentence) == true, "\(String(describing: problem))")
  }

  @Test("a valid window has no problem; the output shape counts the positions per axis")
  func shapes() {
    let input = Shape(rows: 7, columns: 4)
    #expect(
      windowProblem(
        input: input, kernel: Shape(rows: 2, columns: 3), stride: 2, padding: .explicit(1)) == nil)
    // floor((7 + 2 - 2) / 2) + 1 = 4 rows, floor((4 + 2 - 3) / 2) + 1 = 2 columns.
    let margins = Padding.explicit(1).margins(forKernel: Shape(rows: 2, columns: 3))
    #expect(
      windowOutputShape(
        input: input, kernel: Shape(rows: 2, columns: 3), stride: 2, margins: margins)
        == Shape(rows: 4, columns: 2))
    #expect(
      windowOutputShape(input: input, kernel: Shape(rows: 7, columns: 4), stride: 3, margins: .zero)
        == Shape(rows: 1, columns: 1))
  }
}
