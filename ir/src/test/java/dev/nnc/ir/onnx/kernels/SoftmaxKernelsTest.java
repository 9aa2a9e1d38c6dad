package dev.nnc.ir.onnx.kernels;

import static dev.nnc.ir.onnx.kernels.OpHarness.runAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftmaxKernelsTest {
    private static final Tensor X = Tensor.ofDoubles(FloatType.F64, new int[] {2, 2, 2},
            new double[] {0, 1, 2, 3, 4, 5, 6, 1006});

    private static double[] softmax(double... v) {
        double max = java.util.Arrays.stream(v).max().orElseThrow();
        double sum = java.util.Arrays.stream(v).map(x -> Math.exp(x - max)).sum();
        return java.util.Arrays.stream(v).map(x -> Math.exp(x - max) / sum).toArray();
    }

    @Test
    void opset13SoftmaxRunsAlongTheLastAxisByDefault() {
        double[] r = runAll("Softmax", Map.of(), 13, 1, X).get(0).doubles();
        double[] a = softmax(0, 1);
        double[] big = softmax(6, 1006);
        assertArrayEquals(new double[] {a[0], a[1], a[0], a[1], a[0], a[1], big[0], big[1]}, r, 1e-15);
    }

    @Test
    void opset11SoftmaxCoercesTo2dAtAxis1() {
        double[] r = runAll("Softmax", Map.of(), 11, 1, X).get(0).doubles();
        double[] first = softmax(0, 1, 2, 3);
        assertArrayEquals(first, java.util.Arrays.copyOf(r, 4), 1e-15);
        double[] second = softmax(4, 5, 6, 1006);
        assertArrayEquals(second, java.util.Arrays.copyOfRange(r, 4, 8), 1e-15);
    }

    @Test
    void softmaxAlongAMiddleAxis() {
        double[] r = runAll("Softmax", Map.of("axis", Attribute.of(1)), 13, 1, X).get(0).doubles();
        double[] p = softmax(0, 2);
        assertEquals(p[0], r[0], 1e-15);
        assertEquals(p[1], r[2], 1e-15);
    }

    @Test
    void logSoftmaxIsStableForLargeInputs() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {1, 3}, new double[] {1000, 1001, 1002});
        double[] r = runAll("LogSoftmax", Map.of(), 13, 1, x).get(0).doubles();
        double lse = Math.log(Math.exp(-2) + Math.exp(-1) + 1);
        assertArrayEquals(new double[] {(float) (-2 - lse), (float) (-1 - lse), (float) -lse}, r, 1e-6);
    }

    @Test
    void hardmaxMarksTheFirstMaximum() {
        Tensor x = Tensor.ofDoubles(FloatType.F32, new int[] {2, 3}, new double[] {3, 1, 3, 0, 2, 1});
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, runAll("Hardmax", Map.of(), 13, 1, x).get(0).doubles());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0},
                runAll("Hardmax", Map.of("axis", Attribute.of(0)), 11, 1, x).get(0).doubles());
    }
}
