// swift-tools-version: 6.0
import PackageDescription

// `companion check` and `companion test` set COMPANION_CHECK to the chapters they test
// (comma-separated). The package then holds only those chapters, compiled from the student's
// Exercises/ as copied by the tool into .build-exercises/traced/ (each exercise body opens with
// a call that records which test reached it), their tests, and what those need: a chapter that
// does not compile is left out without stopping the others.
let checked: [String]? = Context.environment["COMPANION_CHECK"].map {
  $0.split(separator: ",").map(String.init)
}
// Which tree the chapter modules are compiled from. `solutions` (the default) builds the
// reference implementation in Solutions/; `exercises` builds the student's copy in Exercises/.
let track = checked != nil ? "exercises" : Context.environment["COMPANION_TRACK"] ?? "solutions"
guard track == "solutions" || track == "exercises" else {
  fatalError(
    "COMPANION_TRACK must be 'solutions' or 'exercises', but is '\(track)'. "
      + "Unset it to test the reference implementation.")
}
let trackFolder: String
if checked != nil {
  trackFolder = ".build-exercises/traced/Exercises"
} else {
  trackFolder = track == "exercises" ? "Exercises" : "Solutions"
}
// Recorded in every chapter module, so that a test run can prove which tree it compiled.
let trackCondition: SwiftSetting = .define(
  track == "exercises" ? "COMPANION_TRACK_EXERCISES" : "COMPANION_TRACK_SOLUTIONS")

/// The chapters of the lecture, in teaching order, with the chapters each builds on.
let chapters: [(name: String, dependencies: [String])] = [
  ("Convolution", []),
  ("Pooling", []),
  ("Backprop", []),
  ("Subgradients", []),
  ("Dropout", []),
  ("WeightSharing", ["Convolution"]),
  ("Folding", []),
  ("ConvNets", ["Convolution", "Pooling", "Backprop"]),
]

let chapterNames = chapters.map(\.name)
if let unknown = checked?.first(where: { !chapterNames.contains($0) }) {
  fatalError("COMPANION_CHECK names '\(unknown)', which is not a chapter")
}
let built = chapters.filter { checked?.contains($0.name) ?? true }
let trace: [Target.Dependency] = checked == nil ? [] : ["ExerciseTrace"]

let chapterTargets: [Target] = built.flatMap { chapter -> [Target] in
  let libraries = chapter.dependencies.map { Target.Dependency(stringLiteral: $0) }
  return [
    .target(
      name: chapter.name,
      dependencies: ["LectureKit"] + libraries + trace,
      path: "\(trackFolder)/\(chapter.name)",
      swiftSettings: [trackCondition]),
    .testTarget(
      name: "\(chapter.name)Tests",
      dependencies: [.init(stringLiteral: chapter.name), "LectureKit", "TestSupport"] + libraries,
      path: "Tests/\(chapter.name)Tests"),
  ]
}
let chapterDependencies = chapters.map { Target.Dependency(stringLiteral: $0.name) }

// LectureKit is optimised even in debug builds: every chapter's tests run on its Matrix, and -O
// makes them several times faster while the chapters stay debuggable. Its checks use fatalError,
// whose message survives optimisation (see Sources/LectureKit/Require.swift).
// It knows the track too: on the exercises track a broken rule a student's code runs into
// becomes a failing result instead of a stop (see Sources/LectureKit/Require.swift).
let lectureKit = Target.target(
  name: "LectureKit", swiftSettings: [.unsafeFlags(["-O"]), trackCondition])
// TestSupport reads the student's Exercises/ (with ExerciseKit) only to warn, on the reference
// track, that a run tested Solutions/ and not the exercises written there.
let testSupport = Target.target(
  name: "TestSupport", dependencies: ["LectureKit", "ExerciseKit"], path: "Tests/TestSupport")
let exerciseKit = Target.target(name: "ExerciseKit")

/// The probes (`Sources/Probes`): each calls one exercise on inputs drawn from a seed, for the
/// autograder to compare the student's build with the reference's. It holds the chapters built.
let probe = Target.executableTarget(
  name: "probe", dependencies: ["LectureKit"] + built.map { .init(stringLiteral: $0.name) },
  path: "Sources/Probes", swiftSettings: built.map { .define("PROBE_\($0.name)") })

/// What the tool's check build holds besides the chapters: the shared code and the tracer, and
/// the probes when the autograder builds (COMPANION_PROBES).
let checkTargets: [Target] =
  [lectureKit, exerciseKit, testSupport, .target(name: "ExerciseTrace")]
  + (Context.environment["COMPANION_PROBES"] != nil ? [probe] : [])

// The end-to-end tests (CompanionTests that build copies of the package to play a student) are
// compiled in only with COMPANION_END_TO_END set, as .ci/run sets it: a plain `swift test` runs
// without them, and without a line about them.
let endToEnd: [SwiftSetting] =
  Context.environment["COMPANION_END_TO_END"] != nil ? [.define("COMPANION_END_TO_END")] : []

// The fast correlation paths (a vectorised loop, and real 2D FFTs) with their FFT engine:
// optimised like LectureKit, and out of the chapters, which students read.
let fastConvolution = Target.target(
  name: "FastConvolution", dependencies: ["LectureKit"], swiftSettings: [.unsafeFlags(["-O"])])

/// Everything else: the tool, the generator, and the tests of the given code.
let toolTargets: [Target] = [
  lectureKit,
  fastConvolution,
  exerciseKit,
  .target(
    name: "CompanionCore",
    dependencies: ["LectureKit", "ExerciseKit", "FastConvolution"] + chapterDependencies,
    swiftSettings: [trackCondition]),
  .executableTarget(name: "companion", dependencies: ["CompanionCore"]),
  .executableTarget(name: "exercises", dependencies: ["ExerciseKit"]),
  probe,
  testSupport,
  .testTarget(name: "LectureKitTests", dependencies: ["LectureKit", "TestSupport"]),
  .testTarget(name: "ExerciseKitTests", dependencies: ["ExerciseKit"]),
  .testTarget(
    name: "TrackTests", dependencies: ["LectureKit"] + chapterDependencies),
  .testTarget(
    name: "ContractTests",
    dependencies: ["LectureKit", "TestSupport", "FastConvolution"] + chapterDependencies),
  .testTarget(
    name: "CompanionTests", dependencies: ["CompanionCore", "LectureKit"], swiftSettings: endToEnd),
  // The fast paths against a plain loop (and the chapter's own `correlate` on the reference).
  .testTarget(
    name: "FastPathTests",
    dependencies: ["FastConvolution", "Convolution", "LectureKit", "TestSupport"]),
]

let package = Package(
  name: "DeepLearningCompanion",
  products: checked != nil
    ? []
    : [
      .executable(name: "companion", targets: ["companion"]),
      .executable(name: "exercises", targets: ["exercises"]),
      .executable(name: "probe", targets: ["probe"]),
    ],
  targets: (checked != nil ? checkTargets : toolTargets) + chapterTargets,
  swiftLanguageModes: [.v6]
)
