import LectureKit
import Pooling

/// `companion show pooling`: the slide "And a whole max pooling operation", computed live.
func renderPooling() -> String {
  let window = PoolWindow(size: 2, stride: 2, rounding: .ceil)
  var text = tr("tour.poolingIntro")
  for (example, id) in zip(Lecture.xFilters, ["E2.1", "E2.2", "E2.3"]) {
    text += "\n\n" + tourFilterLabel(example, .pooledMap, id: id)
    text += "\n" + indent(tourSlideMatrix(maxPool(example.map, window)))
  }
  return text
}
