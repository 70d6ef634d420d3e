/// The two trees a chapter module can be compiled from (see Package.swift).
public enum Track: String, Sendable, CaseIterable {
  /// `Solutions/`: the reference implementation. The default.
  case solutions
  /// `Exercises/`: the student's copy, exercise bodies replaced by stubs until written.
  case exercises

  /// The track the environment asks for: `COMPANION_TRACK`, or `solutions` when unset; nil for
  /// any other value (Package.swift refuses to build then).
  public static func requested(by environment: [String: String]) -> Track? {
    guard let value = environment["COMPANION_TRACK"] else { return .solutions }
    return Track(rawValue: value)
  }

  /// The track LectureKit itself was compiled for: on the exercises track ``refusal(_:in:)``
  /// returns a mark where the reference stops.
  #if COMPANION_TRACK_EXERCISES
    public static let compiled = Track.exercises
  #else
    public static let compiled = Track.solutions
  #endif
}
