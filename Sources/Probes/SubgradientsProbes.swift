#if PROBE_Subgradients
  import Subgradients
  import LectureKit

  let subgradientsProbes: [Probe] = []
#endif
