import Convolution
import LectureKit

/// `companion convolve`: the lecture's convolution of a matrix file with a kernel file.
let convolveCommand = slidingCommand(
  name: "convolve", summary: "convolve an image file with a kernel file (the kernel flipped)",
  description: """
    Turns KERNEL by 180 degrees, slides it over IMAGE and prints the sum of the products at
    each position (the lecture's convolution):
      y[i, j] = Σ_k Σ_l w[k, l] · x[i·s + kh - 1 - k, j·s + kw - 1 - l]
    """
) { image, kernel, stride, padding in
  convolve(image, with: kernel, stride: stride, padding: padding)
}
