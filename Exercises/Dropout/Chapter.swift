import LectureKit

/// The Dropout chapter: hidden units switched off at random while training, and what the
/// network does about it at test time.
///
/// Throughout the chapter `p` is the probability of DROPPING a unit (PyTorch's meaning), so a
/// unit is kept with probability 1 - p. (CS231n once wrote p for the keep probability; the
/// lecture's p = 1/2 hides the difference, because there p and 1 - p coincide.) Every function
/// requires 0 <= p < 1.
///
/// A batch is a matrix whose columns are the examples: the notes' activation vectors a^l
/// (n × 1) side by side. A mask has the batch's shape, 1 for a kept unit and 0 for a dropped
/// one, drawn anew for every entry, so every example gets its own mask.
///
/// Lecture: `004`, section 4.1 "Dropout"; `002`, "What can we do? Dropout". [E6.6]
public enum DropoutChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
