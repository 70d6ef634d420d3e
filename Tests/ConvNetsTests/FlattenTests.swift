import ConvNets
import LectureKit
import TestSupport
import Testing

@Suite("From maps to a fully connected layer and back")
struct FlattenTests {
  static let maps: [Matrix] = [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]

  @Test("flatten reads map 0 row by row, then map 1")
  func order() {
    expectMatrix(
      flatten(Self.maps), equals: Matrix(column: (1...12).map(Double.init)),
      unlike: [
        KnownMistake(
          "each map was read column by column: flatten reads row by row",
          zh: "每张特征图是按列读的：flatten 按行读",
          Matrix(column: [1, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12])),
        KnownMistake(
          "the maps were interleaved entry by entry: flatten lays out map 0 whole, then map 1",
          zh: "各特征图被逐元素交错排列了：flatten 先排完特征图 0，再排特征图 1",
          Matrix(column: [1, 7, 2, 8, 3, 9, 4, 10, 5, 11, 6, 12])),
        KnownMistake(
          "the features were laid out as a row: flatten gives a column of C · h · w entries",
          zh: "特征排成了一行：flatten 给出的是一列，共 C · h · w 个元素",
          Matrix(rows: 1, columns: 12) { _, j in Double(j + 1) }),
      ])
  }

  @Test("flatten of one 1 x 1 map and of three maps of one row")
  func smallCases() {
    expectMatrix(flatten([[[-4]]]), equals: [[-4]])
    expectMatrix(
      flatten([[[1, 2]], [[3, 4]], [[5, 6]]]), equals: [[1], [2], [3], [4], [5], [6]])
  }

  @Test("unflatten cuts the column back into the maps")
  func unflattenOrder() {
    let column = Matrix(column: (1...12).map(Double.init))
    expectMaps(
      unflatten(column, into: 2, of: Shape(rows: 2, columns: 3)), equal: Self.maps,
      unlike: [
        (
          "each map was filled column by column: unflatten fills row by row, as flatten reads",
          zh: "每张特征图是按列填的：unflatten 按行填，和 flatten 的读法一样",
          [[[1, 3, 5], [2, 4, 6]], [[7, 9, 11], [8, 10, 12]]]
        ),
        (
          "the maps were filled interleaved, entry by entry: unflatten fills map 0 whole, then map 1",
          zh: "各特征图被逐元素交错填充了：unflatten 先填满特征图 0，再填特征图 1",
          [[[1, 3, 5], [7, 9, 11]], [[2, 4, 6], [8, 10, 12]]]
        ),
        (
          "map c starts at entry c · h, not c · h · w: each map takes h · w entries",
          zh: "特征图 c 从第 c · h 个元素开始，不是 c · h · w：每张特征图占 h · w 个元素",
          [[[1, 2, 3], [4, 5, 6]], [[3, 4, 5], [6, 7, 8]]]
        ),
      ])
    expectMaps(
      unflatten(column, into: 3, of: Shape(rows: 2, columns: 2)),
      equal: [[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]]])
  }

  @Test("unflatten undoes flatten on random maps")
  func roundTrip() {
    var generator = SeededGenerator(seed: 21)
    let maps = randomMaps(3, Shape(rows: 4, columns: 2), using: &generator)
    let column = flatten(maps)
    guard expectMatrix(column, equals: stacked(maps)) else { return }
    expectMaps(unflatten(column, into: 3, of: Shape(rows: 4, columns: 2)), equal: maps)
  }
}
