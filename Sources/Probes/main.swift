import Foundation

// The probes of the chapters this build holds (the manifest defines PROBE_<Chapter> for each).
let probes: [Probe] = {
  var probes: [Probe] = []
  #if PROBE_Convolution
    probes += convolutionProbes
  #endif
  #if PROBE_Pooling
    probes += poolingProbes
  #endif
  #if PROBE_Backprop
    probes += backpropProbes
  #endif
  #if PROBE_Subgradients
    probes += subgradientsProbes
  #endif
  #if PROBE_Dropout
    probes += dropoutProbes
  #endif
  #if PROBE_WeightSharing
    probes += weightSharingProbes
  #endif
  #if PROBE_Folding
    probes += foldingProbes
  #endif
  #if PROBE_ConvNets
    probes += convNetsProbes
  #endif
  return probes
}()

/// `probe list`: the exercises probed.
/// `probe values SEED [NAME ...]`: for each probe (or those named), `>NAME` before it runs and
/// `=NAME<TAB>numbers` after, so that a probe that traps or never ends is known by its `>` line;
/// on standard output, or appended to the file COMPANION_PROBE_OUTPUT names (where what the
/// exercises print does not go).
/// `probe judge SEED FILE [NAME ...]`: reads another build's `values` output from FILE and
/// says per probe `NAME<TAB>agrees`, or `NAME<TAB>differs<TAB>WHY` (missing numbers included).
let arguments = Array(CommandLine.arguments.dropFirst())
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("probe: error: \(message)\n".utf8))
  exit(2)
}
func selected(_ names: ArraySlice<String>) -> [Probe] {
  guard !names.isEmpty else { return probes }
  return names.map { name in
    guard let probe = probes.first(where: { $0.exercise == name }) else {
      fail("no probe of '\(name)'")
    }
    return probe
  }
}
switch arguments.first {
case "list":
  for probe in probes { print(probe.exercise) }
case "values":
  let output =
    ProcessInfo.processInfo.environment["COMPANION_PROBE_OUTPUT"].flatMap {
      FileHandle(forWritingAtPath: $0)
    } ?? FileHandle.standardOutput
  _ = try? output.seekToEnd()
  guard arguments.count >= 2, let seed = UInt64(arguments[1]) else {
    fail("values SEED [NAME ...]")
  }
  // A name this build has no probe of is said (`?NAME`) and passed over.
  let names = arguments.dropFirst(2)
  for name in names where !probes.contains(where: { $0.exercise == name }) {
    output.write(Data("?\(name)\n".utf8))
  }
  for probe in selected(names.filter { name in probes.contains { $0.exercise == name } }[...]) {
    // Written at once, unbuffered: the `>` line stands even when the probe never ends.
    output.write(Data(">\(probe.exercise)\n".utf8))
    let numbers = probe.values(seed: seed).map { "\($0)" }.joined(separator: " ")
    output.write(Data("=\(probe.exercise)\t\(numbers)\n".utf8))
  }
case "judge":
  guard arguments.count >= 3, let seed = UInt64(arguments[1]) else {
    fail("judge SEED FILE [NAME ...]")
  }
  // At most 16 MB of the other build's output is read.
  guard let handle = FileHandle(forReadingAtPath: arguments[2]) else {
    fail("cannot read \(arguments[2])")
  }
  let data = (try? handle.read(upToCount: 16 << 20)) ?? Data()
  var given: [String: [Double]] = [:]
  var unreadable: Set<String> = []
  for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.first == "=" {
    let parts = line.dropFirst().split(
      separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    guard given[name] == nil, !unreadable.contains(name) else {
      // Said twice: neither counts.
      given[name] = nil
      unreadable.insert(name)
      continue
    }
    let fields = parts.count > 1 ? parts[1].split(separator: " ") : []
    let numbers = fields.compactMap { Double($0) }
    if numbers.count == fields.count { given[name] = numbers } else { unreadable.insert(name) }
  }
  for probe in selected(arguments.dropFirst(3)) {
    let verdict: String
    if let numbers = given[probe.exercise] {
      verdict =
        probe.compare(student: numbers, reference: probe.values(seed: seed))
        .map { "differs\t" + $0.replacingOccurrences(of: "\n", with: " ") } ?? "agrees"
    } else if unreadable.contains(probe.exercise) {
      verdict = "differs\tits numbers could not be read"
    } else {
      verdict = "differs\tthe probe gave no numbers"
    }
    print("\(probe.exercise)\t\(verdict)")
  }
default:
  fail("usage: probe list | values SEED [NAME ...] | judge SEED FILE [NAME ...]")
}
