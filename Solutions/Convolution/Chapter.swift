import LectureKit

/// The Convolution chapter: cross-correlation, true convolution, and what tells them apart.
///
/// Lecture: "Fundamental concepts of convolution" (`000`) and the X example of "Neural
/// Networks 2" (`002`).
public enum ConvolutionChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
