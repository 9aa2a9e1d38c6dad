package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.i64;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossKernelsTest {
    private static final double EPS = 1e-6;
    private static final Tensor LOGP = f32(shape(3, 2), -1, -2, -3, -4, -5, -6);

    @Test
    void nllReductions() {
        Tensor target = i64(1, 0, 1);
        assertArrayEquals(new double[] {2, 3, 6}, KernelRun.of("NegativeLogLikelihoodLoss").in(LOGP).in(target)
                .attr("reduction", "none").run1().doubles(), EPS);
        assertEquals(11, KernelRun.of("NegativeLogLikelihoodLoss").in(LOGP).in(target).attr("reduction", "sum").run1().doubles()[0], EPS);
        assertEquals(11 / 3.0, KernelRun.of("NegativeLogLikelihoodLoss").in(LOGP).in(target).run1().doubles()[0], EPS);
    }

    @Test
    void nllWeightedMeanSkipsIgnoredTargets() {
        Tensor target = i64(1, 0, 1);
        Tensor w = f32(shape(2), 0.5, 2);
        // position 1 (class 0) is ignored: (2*2 + 2*6) / (2 + 2)
        Tensor y = KernelRun.of("NegativeLogLikelihoodLoss").in(LOGP).in(target).in(w).attr("ignore_index", 0L).run1();
        assertEquals(16 / 4.0, y.doubles()[0], EPS);
    }

    @Test
    void softmaxCrossEntropyGivesLossAndLogProb() {
        Tensor x = f32(shape(1, 2, 2), 0, 1, 0, 1); // N=1, C=2, d1=2: equal scores per position
        List<Tensor> r = KernelRun.of("SoftmaxCrossEntropyLoss").in(x).in(Tensor.ofLongs(dev.nnc.ir.type.IntegerType.I64,
                new int[] {1, 2}, new long[] {0, 1})).outputs(2).run();
        assertEquals(Math.log(2), r.get(0).doubles()[0], EPS);
        assertArrayEquals(new int[] {1, 2, 2}, r.get(1).shape());
        assertArrayEquals(new double[] {-Math.log(2), -Math.log(2), -Math.log(2), -Math.log(2)}, r.get(1).doubles(), EPS);
    }
}
