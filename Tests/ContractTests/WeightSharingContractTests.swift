import LectureKit
import Testing
import WeightSharing

/// The preconditions of the WeightSharing chapter. They sit outside the exercise bodies, so they
/// hold on both tracks; each bad call stops the process with a message.
@Suite("WeightSharing: bad calls stop with a message")
struct WeightSharingContractTests {
  @Test("E6.7 the u update needs u N_u x 1, ∂H/∂u N_w x N_u, (∂C/∂w)^T N_w x 1")
  func updateOfU() async {
    // u as a row.
    await #expect(processExitsWith: .failure) {
      _ = updateThroughTransformation(
        Matrix([[1, 2]]), jacobian: Matrix(rows: 3, columns: 2),
        costGradient: Matrix(column: [1, 2, 3]), learningRate: 0.1)
    }
    // ∂H/∂u transposed: N_u x N_w.
    await #expect(processExitsWith: .failure) {
      _ = updateThroughTransformation(
        Matrix(column: [1, 2]), jacobian: Matrix(rows: 2, columns: 3),
        costGradient: Matrix(column: [1, 2, 3]), learningRate: 0.1)
    }
    // (∂C/∂w)^T as a row.
    await #expect(processExitsWith: .failure) {
      _ = updateThroughTransformation(
        Matrix(column: [1, 2]), jacobian: Matrix(rows: 3, columns: 2),
        costGradient: Matrix([[1, 2, 3]]), learningRate: 0.1)
    }
  }

  @Test("E6.7 the w update needs w N_w x 1, ∂H/∂u with N_w rows, (∂C/∂w)^T shaped like w")
  func updateOfW() async {
    // w as a row.
    await #expect(processExitsWith: .failure) {
      _ = firstOrderWeightUpdate(
        Matrix([[1, 2, 3]]), jacobian: Matrix(rows: 3, columns: 2),
        costGradient: Matrix([[1, 2, 3]]), learningRate: 0.1)
    }
    // ∂H/∂u transposed: N_u x N_w.
    await #expect(processExitsWith: .failure) {
      _ = firstOrderWeightUpdate(
        Matrix(column: [1, 2, 3]), jacobian: Matrix(rows: 2, columns: 3),
        costGradient: Matrix(column: [1, 2, 3]), learningRate: 0.1)
    }
    // (∂C/∂w)^T shorter than w.
    await #expect(processExitsWith: .failure) {
      _ = firstOrderWeightUpdate(
        Matrix(column: [1, 2, 3]), jacobian: Matrix(rows: 3, columns: 2),
        costGradient: Matrix(column: [1, 2]), learningRate: 0.1)
    }
  }

  @Test("E6.8 a sharing pattern may only copy parameters that exist")
  func sharingPattern() async {
    await #expect(processExitsWith: .failure) {
      _ = sharingMatrix(pattern: [0, 2], parameterCount: 2)
    }
    await #expect(processExitsWith: .failure) {
      _ = sharingMatrix(pattern: [0, -1], parameterCount: 2)
    }
  }

  @Test("E4.3 a kernel must fit, a stride must be positive, a dense gradient must fit the layer")
  func tiedConvolution() async {
    await #expect(processExitsWith: .failure) {
      _ = sharedCorrelation(Matrix(rows: 3, columns: 3), with: Matrix(rows: 4, columns: 1))
    }
    await #expect(processExitsWith: .failure) {
      _ = sharedCorrelation(
        Matrix(rows: 3, columns: 3), with: Matrix(rows: 2, columns: 2), stride: 0)
    }
    // A dense gradient that does not fit: a stop for the reference, a failing result on a
    // student's exercises (its sizes come from an exercise there).
    if WeightSharingChapter.track == .exercises {
      let refused = tiedKernelGradient(
        Matrix(rows: 4, columns: 9), kernelRows: 2, kernelColumns: 2, inputRows: 3,
        inputColumns: 3, stride: 2)
      #expect(refused.unwritten?.problem != nil)
    } else {
      await #expect(processExitsWith: .failure) {
        _ = tiedKernelGradient(
          Matrix(rows: 4, columns: 9), kernelRows: 2, kernelColumns: 2, inputRows: 3,
          inputColumns: 3, stride: 2)
      }
    }
    await #expect(processExitsWith: .failure) {
      _ = untiedWeightCount(inputSize: 14, patchSize: 4, stride: 0)
    }
  }

  @Test("E6.9 E6.10 E6.11 hypernetwork, sequence detector and image templates check their shapes")
  func otherShapes() async {
    await #expect(processExitsWith: .failure) {
      _ = hypernetworkGradientU(
        Matrix(column: [1, 2]), target: 0, parameters: Matrix(rows: 2, columns: 3))
    }
    await #expect(processExitsWith: .failure) {
      _ = motifScores(Matrix(column: [1, 2]), detector: Matrix(column: [1, 2, 3]))
    }
    await #expect(processExitsWith: .failure) {
      _ = detectorGradient(Matrix([[1, 2, 3]]), detector: Matrix(column: [1]), pooling: .max)
    }
    await #expect(processExitsWith: .failure) {
      _ = detectMotif(Letters.c, template: MotifTemplate("even", ["+-", "-+"]))
    }
  }
}
