import ExerciseKit
import Foundation
import Testing

@testable import CompanionCore

#if COMPANION_END_TO_END

  /// Adding an exercise as `Guides/Contributing.md` says, on a copy of the package: only the
  /// files it lists are written by hand, `swift run exercises generate` writes the rest, and the
  /// checks of `companion verify` pass. Slow (it builds the generator and a chapter in the
  /// copy), so it runs only with `COMPANION_END_TO_END=1`, as `.ci/run` does.
  @Suite("adding an exercise takes the files Contributing.md lists", .serialized)
  struct AddExerciseTests {
    /// One file written by hand: its path and what is done to it.
    struct HandWritten: Sendable {
      let path: String
      let edit: @Sendable (String?) throws -> String
    }

    /// The chapter that gets the new exercise, and the exercise.
    static let chapter = "Convolution"
    static let exercise = "leakyRelu"

    /// Every file written by hand to add `leakyRelu`, as Contributing.md's "Adding an exercise"
    /// lists them: the solution with its markers, its tests, its hint in the English guide and
    /// in the Chinese one. A file the package comes to require of every exercise is one more
    /// element here.
    static let handWritten: [HandWritten] = [
      HandWritten(path: "Solutions/Convolution/LeakyReLU.swift") { _ in
        """
        import LectureKit

        /// The leaky rectified linear unit applied to every entry: negatives are scaled by
        /// `slope`, the rest stay.
        ///
        /// ```
        /// leakyRelu(x)[i, j] = x[i, j] > 0 ? x[i, j] : slope · x[i, j]
        /// ```
        /// - Complexity: O(entries of `map`).
        public func leakyRelu(_ map: Matrix, slope: Double) -> Matrix {
          // BEGIN EXERCISE leakyRelu
          return map.map { $0 > 0 ? $0 : slope * $0 }
          // END EXERCISE
        }

        """
      },
      HandWritten(path: "Tests/ConvolutionTests/LeakyReLUTests.swift") { _ in
        """
        import Convolution
        import LectureKit
        import TestSupport
        import Testing

        @Suite("Leaky ReLU")
        struct LeakyReLUTests {
          @Test("leaky ReLU scales the negatives by the slope and keeps the rest")
          func leaky() {
            expectMatrix(
              leakyRelu([[-2, 0, 3], [-0.5, 1, 4]], slope: 0.1),
              equals: [[-0.2, 0, 3], [-0.05, 1, 4]],
              unlike: [
                KnownMistake(
                  "the slope scaled the positives: leaky ReLU keeps them",
                  zh: "斜率乘在了正数上：leaky ReLU 保留正数",
                  [[-2, 0, 0.3], [-0.5, 0.1, 0.4]])
              ])
          }
        }

        """
      },
      HandWritten(path: "Sources/Probes/ConvolutionProbes.swift") { text in
        try inserted(
          """
          Probe("leakyRelu") { inputs in
            numbers(leakyRelu(inputs.wholeMatrix(3, 4), slope: inputs.double(0.01...0.3)))
          },

          """, before: "Probe(\"rotate180\")", in: text)
      },
      HandWritten(path: "Guides/Convolution.md") { text in
        try inserted(
          "### `leakyRelu`\n\nLike `relu`, but a negative x becomes slope · x instead of 0.\n\n",
          before: "### `correlate1D`", in: text)
      },
      HandWritten(path: "Guides/zh/Convolution.md") { text in
        try inserted(
          "### `leakyRelu`\n\n与 `relu` 相同，只是负数 x 变成 slope · x，而不是 0。\n\n",
          before: "### `correlate1D`", in: text)
      },
    ]

    /// What `swift run exercises generate` writes besides: the exercise's file in `Exercises/`
    /// and the chapter tables' counts of the two READMEs.
    static let generated = [
      "Exercises/Convolution/LeakyReLU.swift", "README.md", "Guides/zh/README.md",
    ]

    static func inserted(_ text: String, before anchor: String, in file: String?) throws -> String {
      guard let file, let range = file.range(of: anchor) else {
        throw PlantError(problem: "no \(anchor) to insert before")
      }
      return file.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: text)
    }

    /// Every file of the package with its content, as `git status` sees them: build folders and
    /// the other files `.gitignore` names left out.
    static func files(in root: URL) -> [String: Data] {
      var files: [String: Data] = [:]
      let prefix = root.standardizedFileURL.path + "/"
      guard
        let walker = FileManager.default.enumerator(
          at: root, includingPropertiesForKeys: [.isRegularFileKey])
      else { return files }
      for case let url as URL in walker {
        let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
        let name = url.lastPathComponent
        if name.hasPrefix(".build") || name == ".swiftpm" || name.hasSuffix(".xcodeproj") {
          walker.skipDescendants()
          continue
        }
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
          path != "Package.resolved", !(path.hasPrefix("xunit") && path.hasSuffix(".xml"))
        else { continue }
        files[path] = try? Data(contentsOf: url)
      }
      return files
    }

    @Test(
      "leakyRelu: the solution, a test, a probe and the hint in two languages; the rest is generated"
    )
    func addExercise() throws {
      let copy = try PackageCopy.make("add-exercise")
      defer { try? FileManager.default.removeItem(at: copy.root) }
      let root = copy.root
      // The catalog too, so that its check reads the new chapter's exercises.
      try FileManager.default.copyItem(
        at: PackageCopy.original.appendingPathComponent("Mistakes"),
        to: root.appendingPathComponent("Mistakes"))
      let before = Self.files(in: root)
      for file in Self.handWritten {
        let url = root.appendingPathComponent(file.path)
        let old = try? String(contentsOf: url, encoding: .utf8)
        try Data(try file.edit(old).utf8).write(to: url)
      }
      let generate = runProgram(["swift", "run", "exercises", "generate"], in: root)
      try #require(generate.status == 0, "\(generate.output)")

      // Exactly the hand-written files and the generated ones changed.
      let after = Self.files(in: root)
      let changed = Set(after.keys).union(before.keys).filter { before[$0] != after[$0] }
      #expect(changed == Set(Self.handWritten.map(\.path) + Self.generated))
      // The READMEs only in their chapter table's count of the chapter.
      for readme in ["README.md", "Guides/zh/README.md"] {
        let lines = { (data: Data?) in
          String(decoding: data ?? Data(), as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        }
        let (old, new) = (lines(before[readme]), lines(after[readme]))
        let differing = zip(old, new).filter { $0 != $1 }
        #expect(old.count == new.count && differing.count == 1, "\(readme)")
        #expect(differing.allSatisfy { $0.0.hasPrefix("| `\(Self.chapter)` |") }, "\(readme)")
      }

      // The checks of `companion verify` that read the package.
      let verifier = Verifier(root: root)
      for check in [
        verifier.sync(), verifier.hints(), verifier.guides(), verifier.catalog(),
        verifier.readme(), verifier.noAnswers(),
      ] {
        #expect(check.passed, "\(check.line)")
      }
      let tree = ExerciseTree(root: root)
      #expect(try tree.exercises().contains { $0.name == Self.exercise })
      #expect(Curriculum.read(from: tree).hint(for: Self.exercise)?.isEmpty == false)
      #expect(Curriculum.read(from: tree, chinese: true).hint(for: Self.exercise)?.isEmpty == false)

      // The reference and the teeth of the chapter: its tests, built as `check` builds them,
      // all pass with the reference's bodies and all fail on the stubs; the new test reaches
      // the new exercise.
      try TracedTree(root: root).update(chapters: [Self.chapter])
      var builder = CheckBuild(root: root)
      builder.environment["COMPANION_PROBES"] = "1"
      let build = builder.build([Self.chapter], dependencies: try tree.chapterDependencies())
      try #require(build.failure == nil && build.broken.isEmpty, "\(build)")
      let reference = ChapterTestRun(root: root, timeout: 300, student: "")
        .run(Self.chapter, label: "reference")
      #expect(reference.problem == nil)
      #expect(!reference.tests.isEmpty)
      for test in reference.tests {
        #expect(test.verdict == .passed, "\(test.name): \(test.firstFailure ?? "")")
      }
      let added = reference.tests.filter { $0.id.hasPrefix("\(Self.chapter)Tests.LeakyReLUTests") }
      #expect(added.count == 1 && added.allSatisfy { $0.reached == [Self.exercise] })
      let stubs = ChapterTestRun(root: root, timeout: 300, student: "*")
        .run(Self.chapter, label: "stubs")
      #expect(stubs.tests.count == reference.tests.count)
      for test in stubs.tests {
        #expect(test.failed, "\(test.name) passes on the stubs: it has no teeth")
      }

      // Its probe, in the same build: the reference's bodies agree with themselves, the stub's
      // do not (COMPANION_STUDENT picks the bodies, as in the tests).
      let probe = root.appendingPathComponent("\(CheckBuild.scratch)/debug/probe").path
      let list = runProgram([probe, "list"], in: root).output.split(separator: "\n")
      #expect(list.filter { $0 == Self.exercise }.count == 1)
      for (bodies, verdict) in [("", "agrees"), ("*", "differs")] {
        let values = runProgram(
          [probe, "values", "12345", Self.exercise], in: root,
          environment: ["COMPANION_STUDENT": bodies])
        let file = root.appendingPathComponent("probe-\(verdict).txt")
        try Data(values.output.utf8).write(to: file)
        let judged = runProgram(
          [probe, "judge", "12345", file.path, Self.exercise], in: root,
          environment: ["COMPANION_STUDENT": ""])
        #expect(judged.output.hasPrefix("\(Self.exercise)\t\(verdict)"), "\(judged.output)")
      }
    }
  }

#endif
