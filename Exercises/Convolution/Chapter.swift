import LectureKit

/// The Convolution chapter: cross-correlation and true convolution in 1D and 2D, stride and zero
/// padding (valid, same, full), the output size, the matrix form, the backward pass, and
/// convolution through the FFT.
///
/// Lecture: "Fundamental concepts of convolution" (`000`); the X example, padding, stride and
/// edge filters of "Neural Networks 2" (`002`); section 5.1, "The convolution operation", of
/// "Neural Nets, Deep learning" (`004`).
public enum ConvolutionChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
