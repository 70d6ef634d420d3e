// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The notes name the weight matrices W^l and the number of layers L; the code keeps their names.
import Backprop
import Foundation
import LectureKit
import TestSupport
import Testing

/// The slides' class example: h_j = σ(Σ_i x_i w_(j,i)), ŷ = Σ_j h_j w_(3,j), squared loss. In
/// the notes' notation W^2[i, j] = w_(j,i) (input i into hidden unit j) and W^3[j, 0] = w_(3,j).
enum ClassExample {
  /// A network with no biases, as on the slide.
  static func network(hidden W2: Matrix, output W3: Matrix) -> Network {
    Network(layers: [
      Layer(W: W2, b: Matrix(rows: W2.columns, columns: 1), f: .sigmoid),
      Layer(W: W3, b: [[0]], f: .identity),
    ])
  }

  /// x = (1, 2); s_1 = 2 · 1 - 1 · 2 = 0 and s_2 = ln 3 · 1, so h = (1/2, 3/4);
  /// ŷ = 2 · 1/2 - 4 · 3/4 = -2; with y = 1 the error y - ŷ is 3.
  static let x: Matrix = [[1], [2]]
  static let y: Matrix = [[1]]
  static let first = network(hidden: [[2, log(3)], [-1, 0]], output: [[2], [-4]])
}

@Suite("Slide: the class example, a sigmoid hidden layer and a linear output")
struct ClassExampleTests {
  @Test("E6.4 forward: h = (1/2, 3/4), ŷ = -2")
  func forward() {
    let pass = forwardPass(ClassExample.first, input: ClassExample.x)
    guard expectPass(pass, layers: 3) else { return }
    expectMatrix(pass.a(2), equals: [[0.5], [0.75]], tolerance: 1e-15, "h")
    expectMatrix(pass.output, equals: [[-2]], tolerance: 1e-15, "ŷ")
  }

  @Test("E6.4 every gradient by hand: ∂ℓ/∂w_(j,i) = -(y - ŷ) w_(3,j) h_j (1 - h_j) x_i")
  func gradientsByHand() {
    // j = 1: -3 · 2 · 1/4 = -3/2 times x = (1, 2); j = 2: -3 · -4 · 3/16 = 9/4 times x.
    // ∂ℓ/∂w_(3,j) = -(y - ŷ) h_j = -3 · (1/2, 3/4).
    let expected = Gradients(
      dW: [[[-1.5, 2.25], [-3, 4.5]], [[-1.5], [-2.25]]], db: [[[-1.5], [2.25]], [[-3]]])
    let computed = gradients(
      ClassExample.first, input: ClassExample.x, label: ClassExample.y, loss: .squared)
    expectGradients(computed, equal: expected, tolerance: 1e-14)
  }

  @Test("E6.4 the update of w_(1,1) depends on y - ŷ, h_1, x_1 and w_(3,1) alone")
  func fourQuantities() {
    // A second network that shares only those four: x = (1, 4), s = (0, 0), h = (1/2, 1/2),
    // ŷ = 2 · 1/2 + 6 · 1/2 = 4 and y = 7, so y - ŷ = 3 again; x_2, w_(1,2), w_(2,·), w_(3,2)
    // and y all differ.
    let second = ClassExample.network(hidden: [[2, 1], [-0.5, -0.25]], output: [[2], [6]])
    let a = gradients(
      ClassExample.first, input: ClassExample.x, label: ClassExample.y, loss: .squared)
    let b = gradients(second, input: [[1], [4]], label: [[7]], loss: .squared)
    guard expectLayers(a, 3), expectLayers(b, 3),
      expectShape(
        a.dW(2), Shape(rows: 2, columns: 2),
        said("∂ℓ/∂W^2, first network", "∂ℓ/∂W^2，第一个网络")),
      expectShape(
        b.dW(2), Shape(rows: 2, columns: 2),
        said("∂ℓ/∂W^2, second network", "∂ℓ/∂W^2，第二个网络"))
    else { return }
    // -(y - ŷ) w_(3,1) h_1 (1 - h_1) x_1 = -3 · 2 · 1/4 · 1
    expectClose(
      a.dW(2)[0, 0], -1.5, tolerance: 1e-14,
      said("∂ℓ/∂w_(1,1), first network", "∂ℓ/∂w_(1,1)，第一个网络"))
    expectClose(
      b.dW(2)[0, 0], -1.5, tolerance: 1e-14,
      said("∂ℓ/∂w_(1,1), second network", "∂ℓ/∂w_(1,1)，第二个网络"))
    // Every other weight's gradient tells the two networks apart.
    expectClose(
      a.dW(2)[1, 1], 4.5, tolerance: 1e-14,
      said("∂ℓ/∂w_(2,2), first network", "∂ℓ/∂w_(2,2)，第一个网络"))
    expectClose(
      b.dW(2)[1, 1], -18, tolerance: 1e-14,
      said("∂ℓ/∂w_(2,2), second network", "∂ℓ/∂w_(2,2)，第二个网络"))
  }

  @Test("E6.4 the slide's formula holds on seeded random weights, inputs and targets")
  func formula() {
    var generator = SeededGenerator(seed: 64)
    for trial in 0..<5 {
      let W2 = Matrix.random(rows: 3, columns: 2, using: &generator)
      let W3 = Matrix.random(rows: 2, columns: 1, using: &generator)
      let x = Matrix.random(rows: 3, columns: 1, using: &generator)
      let y = Matrix.random(rows: 1, columns: 1, using: &generator)
      let network = ClassExample.network(hidden: W2, output: W3)
      let h = Activation.sigmoid(W2.transposed() * x)
      let error = y[0, 0] - (W3.transposed() * h)[0, 0]
      let computed = gradients(network, input: x, label: y, loss: .squared)
      guard expectLayers(computed, 3),
        expectShape(computed.dW(2), Shape(rows: 3, columns: 2), "∂ℓ/∂W^2")
      else { return }
      for i in 0..<3 {
        for j in 0..<2 {
          let formula = -error * W3[j, 0] * h[j, 0] * (1 - h[j, 0]) * x[i, 0]
          expectClose(
            computed.dW(2)[i, j], formula, tolerance: 1e-14,
            said(
              "trial \(trial), w_(\(j + 1),\(i + 1))",
              "第 \(trial) 次试验，w_(\(j + 1),\(i + 1))"))
        }
      }
    }
  }
}
