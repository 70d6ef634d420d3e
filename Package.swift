// swift-tools-version: 6.0
import PackageDescription

// Which tree the chapter modules are compiled from. `solutions` (the default) builds the
// reference implementation in Solutions/; `exercises` builds the student's copy in Exercises/.
let track = Context.environment["COMPANION_TRACK"] ?? "solutions"
guard track == "solutions" || track == "exercises" else {
  fatalError(
    "COMPANION_TRACK must be 'solutions' or 'exercises', but is '\(track)'. "
      + "Unset it to test the reference implementation.")
}
let trackFolder = track == "exercises" ? "Exercises" : "Solutions"
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
  ("WeightSharing", []),
  ("Folding", []),
  ("ConvNets", ["Convolution", "Pooling"]),
]

let chapterTargets: [Target] = chapters.flatMap { chapter -> [Target] in
  let libraries = chapter.dependencies.map { Target.Dependency(stringLiteral: $0) }
  return [
    .target(
      name: chapter.name,
      dependencies: ["LectureKit"] + libraries,
      path: "\(trackFolder)/\(chapter.name)",
      swiftSettings: [trackCondition]),
    .testTarget(
      name: "\(chapter.name)Tests",
      dependencies: [.init(stringLiteral: chapter.name), "LectureKit", "TestSupport"] + libraries,
      path: "Tests/\(chapter.name)Tests"),
  ]
}
let chapterDependencies = chapters.map { Target.Dependency(stringLiteral: $0.name) }

let package = Package(
  name: "DeepLearningCompanion",
  products: [
    .executable(name: "companion", targets: ["companion"]),
    .executable(name: "exercises", targets: ["exercises"]),
  ],
  targets: [
    // LectureKit is optimised even in debug builds: every chapter's tests run on its Matrix, and
    // -O makes them several times faster while the chapters stay debuggable. Its checks use
    // fatalError, whose message survives optimisation (see Sources/LectureKit/Require.swift).
    .target(name: "LectureKit", swiftSettings: [.unsafeFlags(["-O"])]),
    .target(name: "ExerciseKit"),
    .target(
      name: "CompanionCore",
      dependencies: ["LectureKit", "ExerciseKit"] + chapterDependencies,
      swiftSettings: [trackCondition]),
    .executableTarget(name: "companion", dependencies: ["CompanionCore"]),
    .executableTarget(name: "exercises", dependencies: ["ExerciseKit"]),
    .target(name: "TestSupport", dependencies: ["LectureKit"], path: "Tests/TestSupport"),
    .testTarget(name: "LectureKitTests", dependencies: ["LectureKit", "TestSupport"]),
    .testTarget(name: "ExerciseKitTests", dependencies: ["ExerciseKit"]),
    .testTarget(
      name: "TrackTests", dependencies: ["LectureKit", "CompanionCore"] + chapterDependencies),
    .testTarget(
      name: "ContractTests", dependencies: ["LectureKit", "TestSupport"] + chapterDependencies),
    .testTarget(name: "CompanionTests", dependencies: ["CompanionCore", "LectureKit"]),
    // The Convolution chapter's given fast paths against a plain loop: pass on both tracks.
    .testTarget(name: "FastPathTests", dependencies: ["Convolution", "LectureKit", "TestSupport"]),
  ] + chapterTargets,
  swiftLanguageModes: [.v6]
)
