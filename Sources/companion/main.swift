import CompanionCore
import Foundation

// The autograder's launcher (see Sandbox.swift): before anything else, with nothing started.
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "run-as" {
  launchAsUser(Array(CommandLine.arguments.dropFirst(2)))
}
installStopHandlers()
let outcome = runCompanion(
  Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
FileHandle.standardOutput.write(Data(outcome.output.utf8))
FileHandle.standardError.write(Data(outcome.errors.utf8))
exit(outcome.status)
