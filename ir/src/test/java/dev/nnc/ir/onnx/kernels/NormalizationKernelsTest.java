package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OneOp.f32;
import static dev.nnc.ir.onnx.kernels.OneOp.shape;
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
        Tensor y = OneOp.of("BatchNormalization").f("epsilon", 0).run1(x, f32(shape(2), 1, 2), f32(shape(2), 0, 1),
                f32(shape(2), 0, 1), f32(shape(2), 1, 4));
        assertArrayEquals(new double[] {1, 2}, y.doubles());
    }

    @Test
    void batchNormTrainingUpdatesRunningStatistics() {
        Tensor x = f32(shape(2, 1, 1), 1, 3);
        Tensor one = f32(shape(1), 1);
        Tensor zero = f32(shape(1), 0);
        List<Tensor> r = OneOp.of("BatchNormalization").f("epsilon", 0).i("training_mode", 1).outputs(3).opset(15)
                .run(x, one, zero, zero, one);
        assertArrayEquals(new double[] {-1, 1}, r.get(0).doubles());
        assertArrayEquals(new double[] {(float) 0.2}, r.get(1).doubles());
        assertArrayEquals(new double[] {1}, r.get(2).doubles());
    }

    @Test
    void layerNormWithMeanAndInvStdDevOutputs() {
        Tensor x = f32(shape(1, 2), 1, 3);
        List<Tensor> r = OneOp.of("LayerNormalization").f("epsilon", 0).outputs(3).run(x, f32(shape(2), 2, 3), f32(shape(2), 1, 1));
        assertArrayEquals(new double[] {-1, 4}, r.get(0).doubles());
        assertArrayEquals(shape(1, 1), r.get(1).shape());
        assertArrayEquals(new double[] {2}, r.get(1).doubles());
        assertArrayEquals(new double[] {1}, r.get(2).doubles());
        assertEquals(List.of(TensorType.of(FloatType.F32, 1, 2), TensorType.of(FloatType.F32, 1, 1), TensorType.of(FloatType.F32, 1, 1)),
                OneOp.of("LayerNormalization").outputs(3).infer(x, f32(shape(2), 2, 3), f32(shape(2), 1, 1)));
    }

    @Test
    void rmsNormalization() {
        Tensor y = OneOp.of("RMSNormalization").f("epsilon", 0).opset(23).run1(f32(shape(1, 2), 3, 4), f32(shape(2), 1, 2));
        double rms = Math.sqrt(12.5);
        assertArrayEquals(new double[] {(float) (3 / rms), (float) (8 / rms)}, y.doubles());
    }

    @Test
    void groupNormPerGroupAndPerChannelScale() {
        // 4 channels in 2 groups of [1, 3] and [10, 30]: each normalizes to [-1, 1]
        Tensor x = f32(shape(1, 4, 1), 1, 3, 10, 30);
        Tensor perGroup = OneOp.of("GroupNormalization").i("num_groups", 2).f("epsilon", 0)
                .run1(x, f32(shape(2), 1, 2), f32(shape(2), 0, 5));
        assertArrayEquals(new double[] {-1, 1, 3, 7}, perGroup.doubles());
        Tensor perChannel = OneOp.of("GroupNormalization").i("num_groups", 2).f("epsilon", 0)
                .run1(x, f32(shape(4), 1, 2, 3, 4), f32(shape(4), 0, 0, 0, 0));
        assertArrayEquals(new double[] {-1, 2, -3, 4}, perChannel.doubles());
    }

    @Test
    void instanceNormLrnLpNormAndMvn() {
        Tensor x = f32(shape(1, 2, 2), 1, 3, 5, 7);
        Tensor in = OneOp.of("InstanceNormalization").f("epsilon", 0).run1(x, f32(shape(2), 1, 1), f32(shape(2), 0, 9));
        assertArrayEquals(new double[] {-1, 1, 8, 10}, in.doubles());
        // size 2: channel c sums squares of c-0 .. c+1
        Tensor lrn = OneOp.of("LRN").i("size", 2).f("alpha", 2).f("beta", 1).f("bias", 0).run1(f32(shape(1, 2), 1, 2));
        assertArrayEquals(new double[] {1.0 / 5, 2.0 / 4}, lrn.doubles(), 1e-7);
        Tensor lp = OneOp.of("LpNormalization").i("p", 1).run1(f32(shape(2, 2), 1, 3, 0, 0));
        assertArrayEquals(new double[] {0.25, 0.75, 0, 0}, lp.doubles());
        Tensor mvn = OneOp.of("MeanVarianceNormalization").ints("axes", 1).run1(f32(shape(2, 2), 1, 3, 2, 2));
        assertArrayEquals(new double[] {-1, 1, 0, 0}, mvn.doubles(), 1e-6);
    }
}
