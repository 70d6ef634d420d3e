import LectureKit
import Pooling

/// LeNet-5 (LeCun, Bottou, Bengio and Haffner, 1998), layer by layer, on its 32 × 32 input:
///
/// ```
/// C1  conv 6 × 5x5        →  6 × 28 × 28
/// S2  2x2, stride 2       →  6 × 14 × 14
/// C3  conv 16 × 5x5       → 16 × 10 × 10
/// S4  2x2, stride 2       → 16 × 5 × 5
/// C5  conv 120 × 5x5      → 120 × 1 × 1
/// F6  dense 84            →  84
/// out 10 classes          →  10
/// ```
/// The lecture's slide "LeNet (1998)" speaks of "a 60K parameter neural network". Two ways of
/// counting give it: ``modern``, with every C3 map reading all 6 maps of S2, pooling without
/// parameters and a dense output layer, has 156 + 2416 + 48120 + 10164 + 850 = 61,706;
/// ``original``, as in the paper (C3's partial connections, table I; S2 and S4 with a
/// coefficient and a bias per map; the output layer's RBF parameters fixed), has
/// 156 + 12 + 1516 + 32 + 48120 + 10164 = 60,000.
///
/// Lecture: `002`, "LeNet (1998) -- Architecture" and "-- Results"; `001`, "Homework"
/// (LeNet5).
public enum LeNet5 {
  /// One 32 × 32 grey image.
  public static let input = VolumeShape(channels: 1, rows: 32, columns: 32)

  /// Table I of the paper: the S2 maps (0 to 5) that each of C3's 16 maps reads. Six maps read
  /// 3 neighbouring maps, nine read 4, and the last reads all 6: 60 connections in all.
  public static let c3Connections: [[Int]] = [
    [0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5, 0], [5, 0, 1],
    [0, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 5], [3, 4, 5, 0], [4, 5, 0, 1], [5, 0, 1, 2],
    [0, 1, 3, 4], [1, 2, 4, 5], [0, 2, 3, 5],
    [0, 1, 2, 3, 4, 5],
  ]

  /// 2 × 2 windows at stride 2.
  static let halving = PoolWindow(size: 2, stride: 2)

  /// With full connections from S2 to C3, pooling without parameters, and a dense output.
  public static let modern: [NetworkLayer] = [
    .convolution(filters: 6, kernel: 5),
    .maxPool(halving),
    .convolution(filters: 16, kernel: 5),
    .maxPool(halving),
    .convolution(filters: 120, kernel: 5),
    .dense(units: 84),
    .dense(units: 10),
  ]

  /// As in the paper: C3 partially connected, trainable subsampling, fixed RBF output units.
  public static let original: [NetworkLayer] = [
    .convolution(filters: 6, kernel: 5),
    .subsampling(halving),
    .convolution(filters: 16, kernel: 5, inputMapsPerFilter: c3Connections.map(\.count)),
    .subsampling(halving),
    .convolution(filters: 120, kernel: 5),
    .dense(units: 84),
    .fixedRBF(units: 10),
  ]

  /// The layers' names in the paper.
  public static let names = ["C1", "S2", "C3", "S4", "C5", "F6", "output"]
}
