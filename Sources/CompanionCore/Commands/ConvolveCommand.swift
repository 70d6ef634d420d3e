import Convolution
import LectureKit

/// `companion convolve`: the lecture's convolution of a matrix file with a kernel file.
let convolveCommand = slidingCommand(
  name: "convolve", summary: tr("summary.convolve"),
  description: tr("help.convolveDescription")
) { image, kernel, stride, padding in
  convolve(image, with: kernel, stride: stride, padding: padding)
}
