import LectureKit

/// Where a dropout network puts the factor 1 - p, the probability of keeping a unit (`p` is
/// the probability of dropping one).
///
/// Both give the next layer, at test time, the pre-activation it receives on average while
/// training. [E6.6]
public enum DropoutConvention: String, Sendable, CaseIterable {
  /// The lecture notes' (`004`, 4.1): while training, dropped units become 0 and kept units
  /// pass unchanged; at test time every unit is on and the outgoing weights are multiplied by
  /// 1 - p (1/2 in the notes).
  case notes
  /// Inverted dropout, what PyTorch and most libraries do: while training, kept units are
  /// multiplied by 1 / (1 - p); at test time nothing changes.
  case inverted
}

/// Whether a dropout layer is training (units dropped at random) or being evaluated (every
/// unit on, nothing random).
public enum DropoutMode: String, Sendable, CaseIterable {
  /// Each unit is dropped with probability `p`, independently for every example.
  case training
  /// No unit is dropped; the layer passes its input through unchanged.
  case evaluation
}

/// Stops with a message unless `p`, the probability of dropping a unit, lies in [0, 1).
///
/// p = 1 would drop every unit (and inverted dropout would divide by zero); a negative p or NaN
/// is no probability.
func requireDropProbability(_ p: Double, sourceFunction: String = #function) {
  precondition(
    p >= 0 && p < 1,
    "\(sourceFunction): the dropout probability p (the probability of dropping a unit) must "
      + "lie in [0, 1), but is \(p)")
}

/// Stops with a message unless `mask` has the shape of `other`.
func requireSameShape(
  mask: Matrix, as other: Matrix, named name: String, sourceFunction: String = #function
) {
  precondition(
    mask.shape == other.shape,
    "\(sourceFunction): the mask is \(mask.shape) but \(name) is \(other.shape): a dropout mask "
      + "has one entry per unit and example, so the shapes must match")
}
