import LectureKit

/// The Subgradients chapter: subdifferentials of the kinked functions of a ReLU network, the
/// conventions chosen at the kinks, subgradient descent, and what zero initialization does.
///
/// Lecture: `004`, section 2.2 "Learning the parameters" (the note on subgradients) and
/// section 4 "Training a neural network" (initialization, dying units).
public enum SubgradientsChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
