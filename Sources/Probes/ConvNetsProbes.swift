#if PROBE_ConvNets
  import ConvNets
  import LectureKit

  let convNetsProbes: [Probe] = []
#endif
