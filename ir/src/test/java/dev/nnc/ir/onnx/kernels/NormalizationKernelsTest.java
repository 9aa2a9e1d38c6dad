package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelRun.f32;
import static dev.nnc.ir.onnx.kernels.KernelRun.shape;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationKernelsTest {
    @Test
    void batchNormInference() {
        Tensor x = f32(shape(1, 2, 1, 1), 1, 2);
        Tensor y = KernelRun.of("BatchNormalization").attr("epsilon", 0.0).in(x).in(f32(shape(2), 1, 2)).in(f32(shape(2), 0, 1)).in(f32(shape(2), 0, 1)).in(f32(shape(2), 1, 4)).run1();
        assertArrayEquals(new double[] {1, 2}, y.doubles());
    }

    @Test
    void batchNormTrainingUpdatesRunningStatistics() {
        Tensor x = f32(shape(2, 1, 1), 1, 3);
        Tensor one = f32(shape(1), 1);
        Tensor zero = f32(shape(1), 0);
        List<Tensor> r = KernelRun.of("BatchNormalization").attr("epsilon", 0.0).attr("training_mode", 1).outputs(3).opset(15)
                .in(x).in(one).in(zero).in(zero).in(one).run();
        assertArrayEquals(new double[] {-1, 1}, r.get(0).doubles());
        assertArrayEquals(new double[] {(float) 0.2}, r.get(1).doubles());
        assertArrayEquals(new double[] {1}, r.get(2).doubles());
    }

    @Test
    void layerNormWithMeanAndInvStdDevOutputs() {
        Tensor x = f32(shape(1, 2), 1, 3);
        List<Tensor> r = KernelRun.of("LayerNormalization").attr("epsilon", 0.0).outputs(3).in(x).in(f32(shape(2), 2, 3)).in(f32(shape(2), 1, 1)).run();
        assertArrayEquals(new double[] {-1, 4}, r.get(0).doubles());
        assertArrayEquals(shape(1, 1), r.get(1).shape());
        assertArrayEquals(new double[] {2}, r.get(1).doubles());
        assertArrayEquals(new double[] {1}, r.get(2).doubles());
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 2), TensorType.of(FloatType.F32, 1, 1), TensorType.of(FloatType.F32, 1, 1)),
                KernelRun.of("LayerNormalization").outputs(3).in(x).in(f32(shape(2), 2, 3)).in(f32(shape(2), 1, 1)).infer());
    }

    @Test
    void rmsNormalization() {
        Tensor y = KernelRun.of("RMSNormalization").attr("epsilon", 0.0).opset(23).in(f32(shape(1, 2), 3, 4)).in(f32(shape(2), 1, 2)).run1();
        double rms = Math.sqrt(12.5);
        assertArrayEquals(new double[] {(float) (3 / rms), (float) (8 / rms)}, y.doubles());
    }

    @Test
    void groupNormPerGroupAndPerChannelScale() {
        // 4 channels in 2 groups of [1, 3] and [10, 30]: each normalizes to [-1, 1]
        Tensor x = f32(shape(1, 4, 1), 1, 3, 10, 30);
        Tensor perGroup = KernelRun.of("GroupNormalization").attr("num_groups", 2).attr("epsilon", 0.0)
                .in(x).in(f32(shape(2), 1, 2)).in(f32(shape(2), 0, 5)).run1();
        assertArrayEquals(new double[] {-1, 1, 3, 7}, perGroup.doubles());
        Tensor perChannel = KernelRun.of("GroupNormalization").attr("num_groups", 2).attr("epsilon", 0.0)
                .in(x).in(f32(shape(4), 1, 2, 3, 4)).in(f32(shape(4), 0, 0, 0, 0)).run1();
        assertArrayEquals(new double[] {-1, 2, -3, 4}, perChannel.doubles());
    }

    @Test
    void instanceNormLrnLpNormAndMvn() {
        Tensor x = f32(shape(1, 2, 2), 1, 3, 5, 7);
        Tensor in = KernelRun.of("InstanceNormalization").attr("epsilon", 0.0).in(x).in(f32(shape(2), 1, 1)).in(f32(shape(2), 0, 9)).run1();
        assertArrayEquals(new double[] {-1, 1, 8, 10}, in.doubles());
        // size 2: channel c sums squares of c-0 .. c+1
        Tensor lrn = KernelRun.of("LRN").attr("size", 2).attr("alpha", 2.0).attr("beta", 1.0).attr("bias", 0.0).in(f32(shape(1, 2), 1, 2)).run1();
        assertArrayEquals(new double[] {1.0 / 5, 2.0 / 4}, lrn.doubles(), 1e-7);
        Tensor lp = KernelRun.of("LpNormalization").attr("p", 1).in(f32(shape(2, 2), 1, 3, 0, 0)).run1();
        assertArrayEquals(new double[] {0.25, 0.75, 0, 0}, lp.doubles());
        Tensor mvn = KernelRun.of("MeanVarianceNormalization").ints("axes", 1).in(f32(shape(2, 2), 1, 3, 2, 2)).run1();
        assertArrayEquals(new double[] {-1, 1, 0, 0}, mvn.doubles(), 1e-6);
    }
}
