import CompanionCore
import Foundation
import Testing

/// The tour, `list` and `show` in Chinese: the same numbers as in English, and each run in its
/// own language.
@Suite("The tour in Chinese")
struct ChineseTourTests {
  /// The lines that hold no letter of either language: the matrices, the pictures, the numbers.
  static func numberLines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { line in
      !line.unicodeScalars.contains { $0.properties.isAlphabetic }
    }
  }

  @Test("every matrix and picture of the tour prints in Chinese as in English, in the same order")
  func sameNumbers() {
    let english = runCompanion([]).output
    let chinese = runCompanion(["--lang", "zh"]).output
    #expect(!Self.numberLines(english).isEmpty)
    #expect(Self.numberLines(chinese) == Self.numberLines(english))
    #expect(chinese.contains("下一步"))
  }

  @Test("each run speaks its own language: the summaries are not kept from an earlier run")
  func perRun() {
    let chinese = runCompanion(["--lang", "zh", "list"]).output
    let english = runCompanion(["list"]).output
    #expect(chinese != english)
    #expect(english.contains("class-example\t[E6.2 E6.4] backprop by hand"))
    #expect(chinese.contains("class-example\t[E6.2 E6.4] 手算反向传播"))
    #expect(runCompanion(["--lang", "zh", "list"]).output == chinese)
    // The example names stay as they are, so `show NAME` takes the same names in either.
    let names = { (list: String) in list.split(separator: "\n").map { $0.prefix { $0 != "\t" } } }
    #expect(names(chinese) == names(english))
  }
}
