import LectureKit

/// The maps laid out as one column, so that a fully connected layer can read them: map 0 row
/// by row, then map 1, and so on.
///
/// ```
/// features[c·h·w + i·w + j] = maps[c][i, j]        for C maps of h × w
/// ```
/// The column has C · h · w entries; every unit of the fully connected layer that follows is
/// connected to all of them.
///
/// Lecture: `002`, "How to transition to fully connected" and "Fully connected read out";
/// `004`, section 5.2 ("a fully connected layer that is linked to all the neurons in the layer
/// prior to it").
/// - Precondition: at least one map, all of one shape with at least one entry.
/// - Complexity: O(C · h · w).
public func flatten(_ maps: [Matrix]) -> Matrix {
  precondition(!maps.isEmpty, "flatten needs at least one map")
  if let mark = firstUnwritten(maps) ?? refusal(mapsProblem(maps, count: maps.count, "flattened")) {
    return .placeholder(mark)
  }
  // BEGIN EXERCISE flatten
  var features: [Double] = []
  for map in maps {
    for i in 0..<map.rows {
      for j in 0..<map.columns { features.append(map[i, j]) }
    }
  }
  return Matrix(column: features)
  // END EXERCISE
}

/// The inverse of ``flatten(_:)``: a column cut back into `count` maps of `shape`. The
/// backward pass uses it to hand the fully connected layer's gradient back to the pooled maps.
///
/// ```
/// maps[c][i, j] = column[c·h·w + i·w + j]
/// ```
/// - Precondition: `count >= 1`, `shape` has an entry, and the column has exactly
///   count · h · w entries.
/// - Complexity: O(count · h · w).
public func unflatten(_ column: Matrix, into count: Int, of shape: Shape) -> [Matrix] {
  if let mark = firstUnwritten(column) { return .placeholder(mark, count: count) }
  precondition(
    count >= 1 && shape.rows >= 1 && shape.columns >= 1,
    "unflatten needs at least one map with an entry, not \(count) maps of \(shape)")
  precondition(
    column.columns == 1 && column.rows == count * shape.rows * shape.columns,
    "\(count) maps of \(shape) need a column of \(count * shape.rows * shape.columns) entries, "
      + "not a \(column.shape) matrix")
  // BEGIN EXERCISE unflatten stub: return .unwritten("unflatten", in: #filePath, count: count)
  let size = shape.rows * shape.columns
  var maps: [Matrix] = []
  for c in 0..<count {
    maps.append(
      Matrix(rows: shape.rows, columns: shape.columns) { i, j in
        column[c * size + i * shape.columns + j, 0]
      })
  }
  return maps
  // END EXERCISE
}
