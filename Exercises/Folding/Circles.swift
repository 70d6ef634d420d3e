import Foundation
import LectureKit

/// Two nested circles, the data of the folding experiment: points near the circle of radius
/// `inner` have label -1, points near the circle of radius `outer` label +1. No line
/// separates them in the plane; a network has to fold the plane until one does.
///
/// Each point is (r cos θ, r sin θ) with θ uniform in [0, 2π) and r its circle's radius
/// plus a uniform jitter in ±`noise`. The classes alternate, -1 first.
///
/// Given code: the chapter's data, not an exercise.
/// - Precondition: `pointsPerClass >= 1`; `0 <= noise` and the two rings do not touch.
/// - Complexity: O(pointsPerClass) draws.
public func nestedCircles(
  pointsPerClass: Int, inner: Double = 0.5, outer: Double = 1, noise: Double = 0.05,
  using generator: inout some RandomNumberGenerator
) -> (points: Matrix, labels: [Double]) {
  precondition(pointsPerClass >= 1, "each class needs a point, not \(pointsPerClass)")
  precondition(
    noise >= 0 && inner > 0 && inner + noise < outer - noise,
    "the rings r = \(inner) and r = \(outer), each ± \(noise), must not touch")
  var rows: [[Double]] = []
  var labels: [Double] = []
  for _ in 0..<pointsPerClass {
    for (radius, label) in [(inner, -1.0), (outer, 1.0)] {
      let theta = Double.random(in: 0..<(2 * Double.pi), using: &generator)
      let r = radius + Double.random(in: -noise...noise, using: &generator)
      rows.append([r * cos(theta), r * sin(theta)])
      labels.append(label)
    }
  }
  return (Matrix(rows), labels)
}

/// The settings of the chapter's experiment, shared by its tests and by
/// `companion draw folding`: the nested circles with 6 points per class (data seed 0), networks
/// of 4 hidden layers trained by plain gradient descent (η = 0.5, 200 epochs), and the
/// perceptron (500 epochs) on the final representation as the test of separation.
///
/// Given code: the settings, not an exercise.
public enum FoldingExperiment {
  public static let pointsPerClass = 6
  public static let dataSeed: UInt64 = 0
  public static let depth = 4
  public static let learningRate = 0.5
  public static let epochs = 200
  public static let perceptronEpochs = 500

  /// The experiment's points and labels.
  public static var data: (points: Matrix, labels: [Double]) {
    var generator = SeededGenerator(seed: dataSeed)
    return nestedCircles(pointsPerClass: pointsPerClass, using: &generator)
  }
}
