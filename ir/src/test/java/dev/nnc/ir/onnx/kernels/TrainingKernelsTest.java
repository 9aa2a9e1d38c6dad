package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.KernelHarness.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingKernelsTest {
    private static final Tensor R = f32(shape(), 0.1);

    private static Tensor t(long step) {
        return i64(shape(), step);
    }

    @Test
    void adagradUpdatesEveryParameterAndItsHistory() {
        // inputs R, T, X1, X2, G1, G2, H1, H2; outputs X1', X2', H1', H2'
        List<Tensor> out = run("preview.training.Adagrad", 1, Map.of(), 4, R, t(0),
                f32(shape(1), 1), f32(shape(1), 2), f32(shape(1), 0.5), f32(shape(1), -1), f32(shape(1), 0), f32(shape(1), 1));
        assertTensor(out.get(0), shape(1), 0.9000002);
        assertTensor(out.get(1), shape(1), 2.0707106);
        assertTensor(out.get(2), shape(1), 0.25);
        assertTensor(out.get(3), shape(1), 2);
    }

    @Test
    void adamCorrectsTheBias() {
        List<Tensor> out = run("preview.training.Adam", 1, Map.of(), 3, R, t(1),
                f32(shape(1), 1), f32(shape(1), 0.5), f32(shape(1), 0), f32(shape(1), 0));
        assertTensor(out.get(0), shape(1), 0.9000063);
        assertTensor(out.get(1), shape(1), 0.05);
        assertTensor(out.get(2), shape(1), 0.00025);
    }

    private static Map<String, Attribute> momentum(String mode) {
        return Map.of("alpha", Attribute.of(0.9), "beta", Attribute.of(0.5), "mode", s(mode), "norm_coefficient", Attribute.of(0.0));
    }

    @Test
    void momentumStandardNesterovAndFirstStep() {
        Tensor x = f32(shape(1), 1);
        Tensor g = f32(shape(1), 0.5);
        Tensor v = f32(shape(1), 0.2);
        List<Tensor> std = run("preview.training.Momentum", 1, momentum("standard"), 2, R, t(1), x, g, v);
        assertTensor(std.get(0), shape(1), 0.957);
        assertTensor(std.get(1), shape(1), 0.43);
        assertTensor(run("preview.training.Momentum", 1, momentum("nesterov"), 2, R, t(1), x, g, v).get(0), shape(1), 0.9113);
        // at step 0 the gradient is not scaled by beta
        assertTensor(run("preview.training.Momentum", 1, momentum("standard"), 2, R, t(0), x, g, v).get(1), shape(1), 0.68);
    }

    @Test
    void verifierChecksTheGroups() {
        KernelRun bad = KernelRun.of("preview.training.Adagrad").outputs(2);
        for (Tensor in : List.of(R, t(0), f32(shape(1), 1), f32(shape(1), 1), f32(shape(1), 1), f32(shape(1), 1))) {
            bad.constIn(in);
        }
        assertFalse(bad.verify().isEmpty(), "6 inputs is not R, T and 3 groups");
        KernelRun good = KernelRun.of("preview.training.Adagrad").outputs(2);
        for (Tensor in : List.of(R, t(0), f32(shape(1), 1), f32(shape(1), 1), f32(shape(1), 1))) {
            good.constIn(in);
        }
        assertTrue(good.verify().isEmpty(), good.verify().toString());
    }
}
