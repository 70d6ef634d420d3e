import CompanionCore
import LectureKit
import Testing

@Suite("Reading a matrix from text")
struct MatrixInputTests {
  @Test("spaces, tabs and commas separate; # comments; blank lines; fractions")
  func reads() throws {
    let text =
      "# the 4x4 exercise's filter\n-1/2, 1, -1/2\n\n-0.5\t1 -1/2  # row two\n-.5 1e0 -5e-1\n"
    #expect(
      try parseMatrix(text, name: "f.txt") == [
        [-0.5, 1, -0.5], [-0.5, 1, -0.5], [-0.5, 1, -0.5],
      ])
  }

  @Test(
    "mistakes name the file and the line",
    arguments: [
      ("1 2\n3\n", "f.txt:2: this row has 1 entries but the row on line 1 has 2"),
      ("1 x\n", "f.txt:1: 'x' is not a finite number or a fraction of two"),
      ("1 1/0\n", "f.txt:1: '1/0' is not a finite number or a fraction of two"),
      ("nan 1\n", "f.txt:1: 'nan' is not a finite number or a fraction of two"),
      ("inf\n", "f.txt:1: 'inf' is not a finite number or a fraction of two"),
      ("1e999\n", "f.txt:1: '1e999' is not a finite number or a fraction of two"),
      ("0x10\n", "f.txt:1: '0x10' is not a finite number or a fraction of two"),
      ("1/2/3\n", "f.txt:1: '1/2/3' is not a finite number or a fraction of two"),
      ("# nothing\n\n", "f.txt: holds no matrix: no row has an entry"),
      ("", "f.txt: holds no matrix: no row has an entry"),
    ])
  func mistakes(_ text: String, _ message: String) {
    #expect(throws: UsageError.self) { try parseMatrix(text, name: "f.txt") }
    do {
      _ = try parseMatrix(text, name: "f.txt")
    } catch {
      #expect(error.description == message)
    }
  }
}
