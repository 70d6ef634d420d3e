#if PROBE_Pooling
  import Pooling
  import LectureKit

  let poolingProbes: [Probe] = []
#endif
