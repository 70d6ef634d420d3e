import Foundation

/// Runs a program to its end and returns its exit status and everything it printed (standard
/// output and standard error together).
func runProgram(
  _ arguments: [String], in directory: URL, environment extra: [String: String] = [:]
) -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  process.currentDirectoryURL = directory
  var environment = ProcessInfo.processInfo.environment
  for (key, value) in extra { environment[key] = value }
  process.environment = environment
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = pipe
  process.standardInput = FileHandle.nullDevice
  do {
    try process.run()
  } catch {
    return (127, "cannot run \(arguments.joined(separator: " ")): \(error)")
  }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The package's root: the nearest folder at or above `start` with a Package.swift and a
/// Solutions/ folder.
func packageRoot(from start: URL) throws(UsageError) -> URL {
  var folder = start.standardizedFileURL
  while true {
    let manifest = folder.appendingPathComponent("Package.swift").path
    let solutions = folder.appendingPathComponent("Solutions").path
    if FileManager.default.fileExists(atPath: manifest)
      && FileManager.default.fileExists(atPath: solutions)
    {
      return folder
    }
    let parent = folder.deletingLastPathComponent()
    if parent.path == folder.path {
      throw UsageError(
        "run this inside the DeepLearningCompanion package: no folder above "
          + "\(start.path) holds Package.swift and Solutions/")
    }
    folder = parent
  }
}

/// Prints a progress line on standard error (never on standard output, which may be JSON).
func say(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
