import Backprop
import Foundation
import LectureKit
import TestSupport
import Testing

/// The derivatives `f'(z)` that fill `Diag[f'(z^l)]` in the delta recursion.
@Suite("Activations and their derivatives")
struct ActivationTests {
  /// ln 3 and ln 2 make the sigmoid and tanh exact: σ(ln 3) = 3/4, tanh(ln 2) = 3/5,
  /// tanh(ln 3) = 4/5.
  static let z: Matrix = [[-log(3), 0, log(2), log(3)]]

  @Test("E6.2 f'(z) at ln-values where every number is a simple fraction")
  func exactValues() {
    let z = Self.z
    let expected: [(Activation, Matrix, [KnownMistake])] = [
      (
        .identity, [[1, 1, 1, 1]],
        [
          KnownMistake(
            "identity'(z) is 1, not z: f(z) = z has the slope 1 everywhere",
            zh: "identity'(z) 是 1，不是 z：f(z) = z 处处斜率为 1", z)
        ]
      ),
      (
        .relu, [[0, 0, 1, 1]],
        [
          KnownMistake(
            "that is relu(z), not relu'(z): the derivative is 1 where z > 0, else 0",
            zh: "这是 relu(z)，不是 relu'(z)：导数在 z > 0 处为 1，其余为 0", z.map { max(0, $0) })
        ]
      ),
      // σ' = σ (1 - σ): σ(-ln 3) = 1/4, σ(0) = 1/2, σ(ln 2) = 2/3, σ(ln 3) = 3/4.
      (
        .sigmoid, [[3.0 / 16, 1.0 / 4, 2.0 / 9, 3.0 / 16]],
        [
          KnownMistake(
            "σ'(z) is σ(z)(1 - σ(z)), not z(1 - z): the derivative takes f(z), not z",
            zh: "σ'(z) 是 σ(z)(1 - σ(z))，不是 z(1 - z)：导数代入的是 f(z)，不是 z",
            z.map { $0 * (1 - $0) })
        ]
      ),
      // tanh' = 1 - tanh²: tanh(∓ln 3) = ∓4/5, tanh(0) = 0, tanh(ln 2) = 3/5.
      (
        .tanh, [[9.0 / 25, 1, 16.0 / 25, 9.0 / 25]],
        [
          KnownMistake(
            "tanh'(z) is 1 - tanh(z)², not 1 - z²: the derivative takes f(z), not z",
            zh: "tanh'(z) 是 1 - tanh(z)²，不是 1 - z²：导数代入的是 f(z)，不是 z",
            z.map { 1 - $0 * $0 })
        ]
      ),
    ]
    for (f, derivative, mistakes) in expected {
      expectMatrix(
        f.derivative(z), equals: derivative, unlike: mistakes, tolerance: 1e-12, "\(f)'")
    }
  }

  @Test("E6.5 ReLU'(0) = 0, the notes' choice in the subdifferential [0, 1]: not z >= 0 ? 1 : 0")
  func reluKink() {
    let computed = Activation.relu.derivative([[0, -0.0, 1e-300, -1e-300]])
    guard
      expectMatrix(
        computed, equals: [[0, 0, 1, 0]], said("ReLU' at and beside 0", "ReLU' 在 0 处及其两侧"))
    else {
      if computed == [[1, 1, 1, 0]] {
        fail(
          said(
            "ReLU'(0) came out 1: write z > 0 ? 1 : 0, the notes pick the subgradient 0",
            "ReLU'(0) 算成了 1：应写 z > 0 ? 1 : 0，讲义取次梯度 0"))
      }
      return
    }
  }

  @Test(
    "E6.2 f'(z) agrees with central differences of f on a random 3x4 matrix",
    arguments: Activation.allCases)
  func matchesNumerical(_ f: Activation) {
    var generator = SeededGenerator(seed: 11)
    // Uniform in [-3, 3]: no entry lies within 1e-5 of ReLU's kink for this seed.
    let z = Matrix.random(rows: 3, columns: 4, in: -3...3, using: &generator)
    #expect(
      z.elements.allSatisfy { abs($0) > 1e-3 },
      Comment(rawValue: said("the test input must avoid the kink", "测试输入必须避开折点")))
    let numerical = numericalGradient(of: { f($0).sum() }, at: z)
    expectGradient(f.derivative(z), matches: numerical, "\(f)'")
  }

  @Test("E6.2 saturation: σ' and tanh' vanish far from 0 without overflowing to NaN")
  func saturation() {
    let far: Matrix = [[-800], [800]]
    expectMatrix(
      Activation.sigmoid.derivative(far), equals: [[0], [0]], said("σ' at ±800", "σ' 在 ±800 处"))
    expectMatrix(
      Activation.tanh.derivative(far), equals: [[0], [0]], said("tanh' at ±800", "tanh' 在 ±800 处"))
  }
}
