import LectureKit

/// The ConvNets chapter, the capstone: convolution layers with several input and output maps,
/// their backward pass, a small network (conv -> ReLU -> max pool -> fully connected ->
/// softmax) trained end to end on shifted letters, and the shapes and parameter counts of whole
/// networks, LeNet-5 among them. It builds on the Convolution and Pooling chapters, and on
/// Backprop for the softmax and the cross-entropy.
///
/// Lecture: "Putting it all together", "Let us calculate that" and "Dense vs conv layers" of
/// "Neural Networks 2" (`002`); the scanning view and the second-level neurons of `001`;
/// `004`, section 5.2, "Convnet architectures".
public enum ConvNetsChapter {
  /// The tree this module was compiled from, recorded by Package.swift.
  #if COMPANION_TRACK_EXERCISES
    public static let track = Track.exercises
  #else
    public static let track = Track.solutions
  #endif
}
