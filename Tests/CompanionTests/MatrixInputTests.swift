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
    "mistakes name the file, the line and, for an entry, the column",
    arguments: [
      ("1 2\n3\n", "f.txt:2: this row has 1 entry but the row on line 1 has 2"),
      ("1 2 3\n3 4\n", "f.txt:2: this row has 2 entries but the row on line 1 has 3"),
      ("1 x\n", "f.txt:1:3: 'x' is not a finite number or a fraction of two"),
      ("1 1/0\n", "f.txt:1:3: '1/0' is not a finite number or a fraction of two"),
      ("nan 1\n", "f.txt:1:1: 'nan' is not a finite number or a fraction of two"),
      ("inf\n", "f.txt:1:1: 'inf' is not a finite number or a fraction of two"),
      ("1e999\n", "f.txt:1:1: '1e999' is not a finite number or a fraction of two"),
      ("0x10\n", "f.txt:1:1: '0x10' is not a finite number or a fraction of two"),
      ("1/2/3\n", "f.txt:1:1: '1/2/3' is not a finite number or a fraction of two"),
      ("1,,2\n", "f.txt:1:3: an empty entry: a comma with no number on one side"),
      ("1, 2,\n", "f.txt:1:6: an empty entry: a comma with no number on one side"),
      (",1\n", "f.txt:1:1: an empty entry: a comma with no number on one side"),
      ("1 2\r\n3 4, x\r\n", "f.txt:2:6: 'x' is not a finite number or a fraction of two"),
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

  @Test("lines may end in LF, CRLF or a lone CR", arguments: ["\n", "\r\n", "\r"])
  func lineEndings(_ end: String) throws {
    let text = "1 2" + end + "# a comment" + end + end + "3, 4" + end
    #expect(try parseMatrix(text, name: "f.txt") == [[1, 2], [3, 4]])
  }
}
