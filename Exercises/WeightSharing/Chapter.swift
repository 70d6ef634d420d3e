import LectureKit

/// The WeightSharing chapter: parameter transformations w = H(u), weight sharing as the
/// simplest of them, a convolution layer as a fully connected layer with tied weights,
/// hypernetworks, and motif detection in sequences and images. It takes the number of
/// positions of a window from the Convolution chapter (`outputLength`).
///
/// Lecture: "Parameter transformations" to "Motif detection in images" (`000`, `001`) and
/// "Discrete Convolution" (`004`, section 5).
public enum WeightSharingChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
