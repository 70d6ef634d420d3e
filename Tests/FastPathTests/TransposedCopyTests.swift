import Testing

@testable import FastConvolution

/// ``transposed(_:_:from:to:)``, the four-by-four copy that the FFT's slabs use to turn rows
/// into columns: every entry lands in its place, whole blocks and the rows and entries left over
/// alike, and nothing outside the block is written.
@Suite("The transposed copy of the FFT's slabs")
struct TransposedCopyTests {
  @Test(
    "entry j of source row i goes to entry i of target row j, for blocks of every size to 9 x 9")
  func everySize() {
    for a in 0...9 {
      for b in 0...9 {
        let (sourceStride, targetStride) = (b + 3, a + 5)
        var source = (0..<(a * sourceStride)).map { Double($0) }
        var target = [Double](repeating: -1, count: b * targetStride)
        source.withUnsafeMutableBufferPointer { source in
          target.withUnsafeMutableBufferPointer { target in
            let (from, to) = (source.baseAddress!, target.baseAddress!)
            transposed(
              a, b, from: { UnsafePointer(from + $0 * sourceStride) },
              to: { to + $0 * targetStride })
          }
        }
        for j in 0..<b {
          for i in 0..<targetStride {
            let expected = i < a ? Double(i * sourceStride + j) : -1
            #expect(target[j * targetStride + i] == expected, "\(a) x \(b): row \(j), entry \(i)")
          }
        }
      }
    }
  }
}
