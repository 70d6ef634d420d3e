import LectureKit

/// The Backprop chapter: a fully connected network in the notes' notation, its forward pass, the
/// delta recursion, the gradients it gives, and mini-batch SGD.
///
/// Lecture: `004`, section 3 "Backpropagation" and section 2.2 "Learning the parameters"; the
/// backprop slides of "Neural Networks 2" (`002`).
public enum BackpropChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
