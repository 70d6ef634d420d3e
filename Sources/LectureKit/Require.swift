/// Stops the program with `message` unless `condition` holds.
///
/// `precondition` with its message kept: Package.swift compiles LectureKit with optimisation
/// even in debug builds (the matrix arithmetic every chapter's tests lean on runs several times
/// faster), and an optimised `precondition` stops without printing its message. `fatalError`
/// always prints it.
@inline(__always)
package func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() { fatalError(message(), file: file, line: line) }
}

/// What a function does when its input breaks one of its rules (`problem`, a sentence; nil when
/// the input is fine).
///
/// The reference stops, as a precondition does. A student's exercises (the exercises track,
/// and `companion check`) get the mark back instead, and the function returns it as its result
/// (`.placeholder(mark)`): the test that reached it fails with the sentence, and every other
/// test still runs. A mistake in one exercise then never ends the whole test run:
///
/// ```swift
/// if let mark = firstUnwritten(maps) ?? refusal(mapsProblem(maps)) { return .placeholder(mark) }
/// ```
public func refusal(_ problem: @autoclosure () -> String?, in function: String = #function)
  -> Unwritten?
{
  guard let problem = problem() else { return nil }
  #if COMPANION_TRACK_EXERCISES
    return Unwritten(problem: problem, function: function)
  #else
    fatalError(problem)
  #endif
}
