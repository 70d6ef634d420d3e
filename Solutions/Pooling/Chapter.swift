import LectureKit

/// The Pooling chapter: max, average and Lp-norm pooling, their output sizes in floor and ceil
/// mode, and their backward passes.
///
/// Lecture: "Pooling = Local invariance", "Max-pooling" and "Pooling layers" of "Neural
/// Networks 2" (`002`); the pooling kinds of `001`; `004`, section 5.2.
public enum PoolingChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
