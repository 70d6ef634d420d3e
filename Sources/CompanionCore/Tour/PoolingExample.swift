import LectureKit
import Pooling

/// `companion show pooling`: the slide "And a whole max pooling operation", computed live.
func renderPooling() -> String {
  let window = PoolWindow(size: 2, stride: 2, rounding: .ceil)
  var text = """
    Each 7x7 map of the X [E1.1-E1.3] max-pooled with 2x2 windows at stride 2. The last row and
    column of windows hang over the edge and are kept (ceil mode), so 7x7 becomes 4x4; floor
    mode would drop them and keep the top-left 3x3 [E2.4].
    """
  for (example, id) in zip(Lecture.xFilters, ["E2.1", "E2.2", "E2.3"]) {
    text += "\n\n\(example.name) map, max-pooled [\(id)]:\n"
    text += indent(maxPool(example.map, window).alignedSlideDescription)
  }
  return text
}
