import Foundation

#if canImport(Glibc)
  import Glibc
#endif

let autogradeCommand = Command(
  name: "autograde", summary: tr("autograde.summary"), help: tr("autograde.help")
) { arguments, _ throws(UsageError) in
  let parsed = try ParsedArguments(
    arguments,
    valued: [
      "--submission", "--results", "--user", "--budget", "--timeout", "--reference-probe",
      "--sandbox",
    ], flags: [])
  guard getuid() == 0 else {
    throw UsageError("autograde runs as root: it runs the student's code as another user")
  }
  guard let results = parsed.values["--results"], let probe = parsed.values["--reference-probe"]
  else { throw UsageError("autograde needs --results FILE and --reference-probe PROBE") }
  guard FileManager.default.isExecutableFile(atPath: probe) else {
    throw UsageError("no probe binary at \(probe): setup.sh builds it")
  }
  let root = try packageRoot(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  let grading = Autograde(
    root: root, submission: parsed.values["--submission"].map { URL(fileURLWithPath: $0) },
    results: URL(fileURLWithPath: results),
    sandboxFolder: URL(
      fileURLWithPath: parsed.values["--sandbox"] ?? "/tmp/companion-grading-\(UUID().uuidString)"),
    user: parsed.values["--user"] ?? "companion-student",
    budget: try parsed.seconds("--budget", default: 420),
    timeout: try parsed.seconds("--timeout", default: 60),
    referenceProbe: URL(fileURLWithPath: probe))
  // The results are read by Gradescope and by instructors: in English whatever the language.
  try Language.$current.withValue(.en) {
    Result { () throws(UsageError) in try grading.run() }
  }.get()
  return ""
}
