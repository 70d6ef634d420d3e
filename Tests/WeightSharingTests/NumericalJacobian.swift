import LectureKit

/// The Jacobian of a column-valued `f` at the column `u` by central differences: row i is the
/// numerical gradient of the i-th output, so the result is (outputs) × (inputs), the shape of
/// ∂H/∂u in the lecture. NaN entries when `f` returns a placeholder.
func numericalJacobian(of f: (Matrix) -> Matrix, at u: Matrix, outputs: Int) -> Matrix {
  var jacobian = Matrix(rows: outputs, columns: u.count)
  for i in 0..<outputs {
    let row = numericalGradient(
      of: { probe in
        let value = f(probe)
        return value.count == outputs ? value.elements[i] : .nan
      }, at: u)
    for j in 0..<u.count { jacobian[i, j] = row.elements[j] }
  }
  return jacobian
}
