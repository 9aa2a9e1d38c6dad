package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.random;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.IntegerType;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reduce, Strided (Slice, Pad) and Norms against the interpreter. */
class ReduceStridedNormTest {
    private static final Map<Reduce.Kind, String> OPS = Map.of(Reduce.Kind.SUM, "ReduceSum", Reduce.Kind.MEAN,
            "ReduceMean", Reduce.Kind.MAX, "ReduceMax", Reduce.Kind.MIN, "ReduceMin", Reduce.Kind.PROD, "ReduceProd",
            Reduce.Kind.L1, "ReduceL1", Reduce.Kind.L2, "ReduceL2", Reduce.Kind.LOG_SUM, "ReduceLogSum",
            Reduce.Kind.LOG_SUM_EXP, "ReduceLogSumExp", Reduce.Kind.SUM_SQUARE, "ReduceSumSquare");

    @ParameterizedTest
    @EnumSource(Reduce.Kind.class)
    void reduceTheMiddleAxes(Reduce.Kind kind) {
        Tensor x = random(new Random(kind.ordinal()), 2, 3, 4, 5);
        if (kind == Reduce.Kind.LOG_SUM) {
            double[] v = x.toDoubles();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.abs(v[i]) + 0.1; // log of a positive sum
            }
            x = Tensor.ofDoubles(x.elementType(), x.shape(), v);
        }
        Tensor axes = Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {1, 2});
        Tensor expected = Reference.eval(OPS.get(kind), Map.of("keepdims", Attribute.of(0)), x, axes);
        float[] y = new float[10];
        Reduce.apply(kind, floats(x), y, 2, 12, 5);
        assertClose(expected, y);
    }

    @Test
    void sliceWithNegativeStep() {
        Tensor x = random(new Random(5), 4, 6);
        Tensor starts = Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {1, 5});
        Tensor ends = Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {3, 0});
        Tensor axes = Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {0, 1});
        Tensor steps = Tensor.ofLongs(IntegerType.I64, new int[] {2}, new long[] {1, -2});
        Tensor expected = Reference.eval("Slice", Map.of(), x, starts, ends, axes, steps);
        float[] y = new float[expected.size()];
        Strided.copy(floats(x), 6 + 5, new int[] {6, -2}, y, 0, new int[] {3, 1}, new int[] {2, 3});
        assertClose(expected, y);
    }

    @Test
    void constantPad() {
        Tensor x = random(new Random(6), 2, 3);
        Tensor pads = Tensor.ofLongs(IntegerType.I64, new int[] {4}, new long[] {1, 0, 0, 2});
        Tensor expected = Reference.eval("Pad", Map.of(), x, pads);
        float[] y = new float[expected.size()];
        Strided.copy(floats(x), 0, new int[] {3, 1}, y, 5, new int[] {5, 1}, new int[] {2, 3});
        assertClose(expected, y);
    }

    @Test
    void layerAndRmsNorm() {
        Random r = new Random(8);
        Tensor x = random(r, 3, 4, 5);
        Tensor scale = random(r, 4, 5);
        Tensor bias = random(r, 4, 5);
        Tensor expected = Reference.eval("LayerNormalization", Map.of("axis", Attribute.of(1)), x, scale, bias);
        float[] y = new float[x.size()];
        Norms.layer(floats(x), y, 3, 20, floats(scale), floats(bias), 1e-5f, false);
        assertClose(expected, y);
        Tensor rms = Reference.eval("RMSNormalization", Map.of("axis", Attribute.of(1)), x, scale);
        Norms.layer(floats(x), y, 3, 20, floats(scale), null, 1e-5f, true);
        assertClose(rms, y);
    }

}
