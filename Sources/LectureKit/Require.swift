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
