import LectureKit

/// The Folding chapter: how a network of 2-unit ReLU layers folds the plane until two classes
/// become linearly separable, and why such narrow networks are hard to train.
///
/// Lecture: "Visualization of neural networks" (`000`) [E6.12].
///
/// A point set is an n × d ``Matrix`` with one point per row: n points of the plane are an
/// n × 2 matrix, and their images in a hidden layer of w units an n × w matrix. Labels are
/// +1 and -1, one per point.
public enum FoldingChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
