#if PROBE_WeightSharing
  import WeightSharing
  import LectureKit

  let weightSharingProbes: [Probe] = []
#endif
