package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.ints;
import static dev.nnc.cpu.runtime.Reference.random;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Transpose, Copy (Concat), Softmax, Hardmax, LpNormalization, GlobalMaxPool and BatchNorm against the interpreter. */
class LayoutAndNormTest {
    @Test
    void transposeFourDims() {
        Tensor x = random(new Random(1), 2, 3, 4, 5);
        Tensor expected = Reference.eval("Transpose", Map.of("perm", ints(0, 2, 3, 1)), x);
        float[] y = new float[x.size()];
        Transpose.permute(floats(x), y, new int[] {2, 4, 5, 3}, new int[] {60, 5, 1, 20});
        assertClose(expected, y);
    }

    @Test
    void concatAlongTheMiddleAxis() {
        Random r = new Random(2);
        Tensor a = random(r, 2, 3, 4);
        Tensor b = random(r, 2, 5, 4);
        Tensor expected = Reference.eval("Concat", Map.of("axis", Attribute.of(1)), a, b);
        float[] y = new float[expected.size()];
        Copy.blocks(floats(a), y, 2, 12, 32, 0);
        Copy.blocks(floats(b), y, 2, 20, 32, 12);
        assertClose(expected, y);
    }

    @Test
    void softmaxOverTheMiddleAxis() {
        Tensor x = random(new Random(3), 2, 7, 3);
        Tensor expected = Reference.eval("Softmax", Map.of("axis", Attribute.of(1)), x);
        float[] y = new float[x.size()];
        Softmax.softmax(floats(x), y, 2, 7, 3, false);
        assertClose(expected, y);
        Tensor logExpected = Reference.eval("LogSoftmax", Map.of("axis", Attribute.of(1)), x);
        Softmax.softmax(floats(x), y, 2, 7, 3, true);
        assertClose(logExpected, y);
    }

    @Test
    void batchNormInference() {
        Random r = new Random(4);
        Tensor x = random(r, 2, 3, 4, 5);
        Tensor scale = random(r, 3);
        Tensor bias = random(r, 3);
        Tensor mean = random(r, 3);
        double[] v = {0.5, 1.5, 0.25};
        Tensor var = Tensor.ofDoubles(FloatType.F32, new int[] {3}, v);
        Tensor expected = Reference.eval("BatchNormalization", Map.of("epsilon", Attribute.of(1e-5)), x, scale, bias, mean, var);
        float[] y = new float[x.size()];
        BatchNorm.inference(floats(x), y, 2, 3, 20, floats(scale), floats(bias), floats(mean), floats(var), 1e-5f);
        assertClose(expected, y);
    }

    @Test
    void hardmaxLpNormalizationAndGlobalMax() {
        Tensor x = random(new Random(9), 2, 7, 3);
        float[] y = new float[x.size()];
        Softmax.hardmax(floats(x), y, 2, 7, 3);
        assertClose(Reference.eval("Hardmax", Map.of("axis", Attribute.of(1)), x), y);
        Softmax.lpNormalize(floats(x), y, 2, 7, 3, 1);
        assertClose(Reference.eval("LpNormalization", Map.of("axis", Attribute.of(1), "p", Attribute.of(1)), x), y);
        Softmax.lpNormalize(floats(x), y, 2, 7, 3, 2);
        assertClose(Reference.eval("LpNormalization", Map.of("axis", Attribute.of(1), "p", Attribute.of(2)), x), y);
        Tensor planes = random(new Random(10), 2, 3, 4, 5);
        float[] m = new float[6];
        Pool.globalMax(6, 20, floats(planes), m);
        assertClose(Reference.eval("GlobalMaxPool", Map.of(), planes), m);
    }
}
