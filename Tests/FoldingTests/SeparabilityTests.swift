import Folding
import LectureKit
import TestSupport
import Testing

/// The perceptron as a test of linear separability. Every test also has a separable case, so
/// that the stub's constant `false` fails each of them.
@Suite("Lecture 000: is a point set linearly separable?")
struct SeparabilityTests {
  static let corners: Matrix = [[0, 0], [1, 0], [0, 1], [1, 1]]

  @Test("E6.12 AND is separable, XOR is not")
  func andAndXor() {
    #expect(perceptronSeparates(Self.corners, labels: [-1, -1, -1, 1], epochs: 100), "AND")
    #expect(!perceptronSeparates(Self.corners, labels: [-1, 1, 1, -1], epochs: 1000), "XOR")
  }

  @Test("E6.12 a separating line need not pass through the origin: the perceptron has a bias")
  func needsBias() {
    // On the line y = 1: x < 2 is one class, x > 2 the other. A line through the origin
    // cannot cut there and keep both classes apart.
    let points: Matrix = [[1, 1], [1.5, 1], [2.5, 1], [3, 1]]
    #expect(perceptronSeparates(points, labels: [-1, -1, 1, 1], epochs: 200))
    #expect(perceptronSeparates(points, labels: [1, 1, -1, -1], epochs: 200))
  }

  @Test("E6.12 two classes that share a point cannot be separated")
  func sharedPoint() {
    let points: Matrix = [[0, 0], [1, 1], [1, 1], [2, 2]]
    #expect(!perceptronSeparates(points, labels: [-1, -1, 1, 1], epochs: 1000))
    #expect(perceptronSeparates(points, labels: [-1, 1, 1, 1], epochs: 1000))
  }

  @Test("E6.12 a set that needs two passes is separable; a class between the other is not")
  func twoPasses() {
    // Starting from w = 0, c = 0, the first pass corrects several times; the second makes no
    // correction. The perceptron must not stop after a pass that corrected.
    let points: Matrix = [
      [-1, 0.1], [1, -0.1], [-0.5, 0.5], [0.5, -0.5], [0.1, 1], [-0.1, -1],
    ]
    #expect(perceptronSeparates(points, labels: [-1, 1, -1, 1, -1, 1], epochs: 1000))
    let between: Matrix = [[-1, 0], [0, 0], [1, 0]]
    #expect(!perceptronSeparates(between, labels: [-1, 1, -1], epochs: 1000))
  }

  @Test("E6.12 in more dimensions: the corners of a cube, cut by a plane or by parity")
  func cube() {
    let corners: [[Double]] = (0..<8).map { (k: Int) -> [Double] in
      [Double(k & 1), Double((k >> 1) & 1), Double(k >> 2)]
    }
    let cube = Matrix(corners)
    let plane = (0..<8).map { k in k.nonzeroBitCount >= 2 ? 1.0 : -1.0 }
    let parity = (0..<8).map { k in k.nonzeroBitCount % 2 == 0 ? 1.0 : -1.0 }
    #expect(
      perceptronSeparates(cube, labels: plane, epochs: 100),
      Comment(rawValue: said("at least two ones", "至少两个 1")))
    #expect(
      !perceptronSeparates(cube, labels: parity, epochs: 1000),
      Comment(rawValue: said("parity", "奇偶性")))
  }

  @Test("E6.12 the epoch bound: a thin margin takes more passes than one")
  func epochBound() {
    // Separated by the line x = 2 with a margin of 0.1: by the rule above the perceptron
    // needs 6 passes (numpy, the same loop).
    let thin: Matrix = [[1.9, 0], [2.1, 0], [1.9, 1], [2.1, 1], [1.9, 2], [2.1, 2]]
    let labels: [Double] = [-1, 1, -1, 1, -1, 1]
    #expect(
      !perceptronSeparates(thin, labels: labels, epochs: 1),
      Comment(rawValue: said("one pass is not enough", "一遍不够")))
    #expect(
      perceptronSeparates(thin, labels: labels, epochs: 10),
      Comment(rawValue: said("ten passes are", "十遍就够")))
  }
}
