package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OpHarness.runAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyKernelsTest {
    private static final Tensor X = Tensor.ofDoubles(FloatType.F64, new int[] {1, 2, 1, 2}, new double[] {1, -1, 2, 0});

    private static double[] run(String op, Map<String, Attribute> attrs) {
        return runAll(op, attrs, 7, 1, X).get(0).doubles();
    }

    @Test
    void affineScaledTanhAndParametricSoftplus() {
        assertArrayEquals(new double[] {2.5, -1.5, 4.5, 0.5},
                run("Affine", Map.of("alpha", Attribute.of(2.0), "beta", Attribute.of(0.5))), 1e-15);
        Map<String, Attribute> ab = Map.of("alpha", Attribute.of(2.0), "beta", Attribute.of(0.5));
        assertArrayEquals(new double[] {2 * Math.tanh(0.5), 2 * Math.tanh(-0.5), 2 * Math.tanh(1), 0}, run("ScaledTanh", ab), 1e-15);
        assertArrayEquals(new double[] {2 * Math.log1p(Math.exp(0.5)), 2 * Math.log1p(Math.exp(-0.5)),
            2 * Math.log1p(Math.exp(1)), 2 * Math.log(2)}, run("ParametricSoftplus", ab), 1e-15);
        assertThrows(NncException.class, () -> run("ScaledTanh", Map.of()));
    }

    @Test
    void imageScalerAddsBiasPerChannel() {
        Map<String, Attribute> attrs = Map.of("scale", Attribute.of(2.0),
                "bias", new Attribute.ArrayAttr(List.of(Attribute.of(10.0), Attribute.of(-10.0))));
        assertArrayEquals(new double[] {12, 8, -6, -10}, run("ImageScaler", attrs), 1e-15);
        assertArrayEquals(new double[] {1, -1, 2, 0}, run("ImageScaler", Map.of()), 1e-15);
    }
}
