package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PermuteKernelsTest {
    @Test
    void transposeDefaultReversesAxes() {
        assertStrings(run1("Transpose", 13, Map.of(), str(shape(2, 3), "a", "b", "c", "d", "e", "f")), shape(3, 2),
                "a", "d", "b", "e", "c", "f");
    }

    @Test
    void transposeWithPerm() {
        // x[i][j][k] = 12i + 4j + k; y = transpose(x, [1, 2, 0]) has y[j][k][i] = x[i][j][k]
        assertTensor(run1("Transpose", 13, Map.of("perm", ints(1, 2, 0)), range(2, 3, 4)), shape(3, 4, 2),
                0, 12, 1, 13, 2, 14, 3, 15, 4, 16, 5, 17, 6, 18, 7, 19, 8, 20, 9, 21, 10, 22, 11, 23);
    }

    @Test
    void depthToSpaceModes() {
        // 1x4x1x1 with blocksize 2 -> 1x1x2x2
        assertTensor(run1("DepthToSpace", 13, Map.of("blocksize", i(2)), range(1, 4, 1, 1)), shape(1, 1, 2, 2), 0, 1, 2, 3);
        // 1x8x1x1, CRD: channel c*4 + (bh*2 + bw); DCR: (bh*2 + bw)*2 + c
        assertTensor(run1("DepthToSpace", 13, Map.of("blocksize", i(2), "mode", s("CRD")), range(1, 8, 1, 1)),
                shape(1, 2, 2, 2), 0, 1, 2, 3, 4, 5, 6, 7);
        assertTensor(run1("DepthToSpace", 13, Map.of("blocksize", i(2)), range(1, 8, 1, 1)),
                shape(1, 2, 2, 2), 0, 2, 4, 6, 1, 3, 5, 7);
    }

    @Test
    void spaceToDepthInvertsDepthToSpaceDcr() {
        assertTensor(run1("SpaceToDepth", 13, Map.of("blocksize", i(2)), f32(shape(1, 2, 2, 2), 0, 2, 4, 6, 1, 3, 5, 7)),
                shape(1, 8, 1, 1), 0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void reverseSequenceReversesPrefixes() {
        // time-major [4, 2]; batch 0 reverses 3 steps, batch 1 reverses 1
        assertLongs(run1("ReverseSequence", 10, Map.of(), i64(shape(4, 2), 0, 10, 1, 11, 2, 12, 3, 13), i64(3, 1)),
                shape(4, 2), 2, 10, 1, 11, 0, 12, 3, 13);
    }
}
