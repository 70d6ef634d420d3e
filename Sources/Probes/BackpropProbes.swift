#if PROBE_Backprop
  import Backprop
  import LectureKit

  let backpropProbes: [Probe] = []
#endif
