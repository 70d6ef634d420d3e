#if PROBE_Folding
  import Folding
  import LectureKit

  let foldingProbes: [Probe] = []
#endif
