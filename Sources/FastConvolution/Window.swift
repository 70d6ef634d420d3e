import LectureKit

/// Stops with LectureKit's sentence when the window is invalid: the same rule as the chapter's.
/// `fatalError`, not `precondition`: this module is optimised, and an optimised `precondition`
/// stops without its message.
func checkWindow(input: Shape, kernel: Shape, stride: Int, padding: Padding) {
  if let problem = windowProblem(input: input, kernel: kernel, stride: stride, padding: padding) {
    fatalError(problem)
  }
}
