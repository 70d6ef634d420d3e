#if PROBE_Convolution
  import Convolution
  import LectureKit

  let convolutionProbes: [Probe] = []
#endif
