import Foundation
import LectureKit

/// The backward pass of ``maxPool(_:_:)``: the gradient of the loss with respect to the input,
/// given `upstream`, its gradient with respect to the pooled output.
///
/// ```
/// ∂ℓ/∂x[r, c] = Σ over the windows whose (first) maximum is x[r, c] of ∂ℓ/∂y[i, j]
/// ```
/// Only the winner of a window moved the output, so it takes the window's whole upstream
/// gradient and the other cells get nothing. When several cells tie for the maximum, the first
/// in row-major order wins (a subgradient; PyTorch's CPU kernel picks the same cell).
/// Overlapping windows (stride < window) can pick the same cell, and then its gradients add
/// up. Padding is never the maximum, so the total gradient is preserved: Σ ∂ℓ/∂x = Σ ∂ℓ/∂y.
///
/// Lecture: `004`, section 3 (backpropagation) applied to the pooling layer of section 5.2.
/// - Precondition: the window fits inside the padded input, and `upstream` has the pooled
///   shape, ``pooledShape(_:by:)`` (checked: it is not empty and none of its windows starts
///   past the input).
/// - Complexity: O(h · w + h' · w' · kh · kw) for an h × w input, an h' × w' upstream gradient
///   and a kh × kw window.
public func maxPoolBackward(_ input: Matrix, _ window: PoolWindow, upstream: Matrix) -> Matrix {
  if let mark = firstUnwritten(input, upstream) { return .placeholder(mark) }
  checkFits(window, input)
  checkUpstream(upstream, window, input)
  // BEGIN EXERCISE maxPoolBackward
  return .unwritten("maxPoolBackward", in: #filePath)
  // END EXERCISE
}

/// The backward pass of ``averagePool(_:_:)``.
///
/// ```
/// ∂ℓ/∂x[r, c] = Σ over the windows that hold x[r, c] of ∂ℓ/∂y[i, j] / (that window's divisor)
/// ```
/// Each window shares its upstream gradient equally among the cells it averaged, with the
/// divisor of the forward pass (padding cells included, overhang past the padding not). The
/// shares of padding cells are lost, so with padding the input receives less than Σ ∂ℓ/∂y;
/// without padding it receives all of it, partial ceil-mode windows included.
///
/// Lecture: `004`, section 3 (backpropagation) applied to the averaging of section 5.2.
/// - Precondition: the window fits inside the padded input, and `upstream` has the pooled
///   shape, ``pooledShape(_:by:)`` (checked: it is not empty and none of its windows starts
///   past the input).
/// - Complexity: O(h · w + h' · w' · kh · kw) for an h × w input, an h' × w' upstream gradient
///   and a kh × kw window.
public func averagePoolBackward(_ input: Matrix, _ window: PoolWindow, upstream: Matrix)
  -> Matrix
{
  if let mark = firstUnwritten(input, upstream) { return .placeholder(mark) }
  checkFits(window, input)
  checkUpstream(upstream, window, input)
  // BEGIN EXERCISE averagePoolBackward
  return .unwritten("averagePoolBackward", in: #filePath)
  // END EXERCISE
}

/// The backward pass of ``lpPool(_:_:norm:)``.
///
/// ```
/// y = (Σ |x|^p)^(1/p)        ∂y/∂x[r, c] = sign(x[r, c]) · |x[r, c]|^(p-1) / y^(p-1)
/// ```
/// summed, times ∂ℓ/∂y[i, j], over the windows that hold x[r, c]. A window of zeros has
/// y = 0 and passes no gradient (a subgradient), and so does a zero entry when p = 1.
///
/// Lecture: `004`, section 3 (backpropagation) applied to the Lp-norm pooling of `001`.
/// - Precondition: the window fits inside the padded input, p is finite and `p >= 1`, and
///   `upstream` has the pooled shape, ``pooledShape(_:by:)`` (checked: it is not empty and
///   none of its windows starts past the input).
/// - Complexity: O(h · w + h' · w' · kh · kw) for an h × w input, an h' × w' upstream gradient
///   and a kh × kw window.
public func lpPoolBackward(
  _ input: Matrix, _ window: PoolWindow, norm p: Double, upstream: Matrix
) -> Matrix {
  if let mark = firstUnwritten(input, upstream) { return .placeholder(mark) }
  checkFits(window, input)
  checkNorm(p)
  checkUpstream(upstream, window, input)
  // BEGIN EXERCISE lpPoolBackward
  return .unwritten("lpPoolBackward", in: #filePath)
  // END EXERCISE
}
