package dev.nnc.cpu.runtime;

import static dev.nnc.cpu.runtime.Reference.assertClose;
import static dev.nnc.cpu.runtime.Reference.floats;
import static dev.nnc.cpu.runtime.Reference.random;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nnc.ir.tensor.Tensor;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both PackedKernel implementations against onnx.MatMul (+ bias), on shapes with row tails
 * (m not a multiple of 8), column tails, single columns, and B given by row offsets (taps).
 */
class PackedGemmTest {
    @ParameterizedTest(name = "[{0}] x [{1}] x [{2}] taps {3}")
    @CsvSource({"8,25,784,false", "16,200,196,true", "12,2304,20,false", "5,7,3,true", "1,16,64,false",
        "33,64,100,true", "9,1,31,false", "64,64,1,false"})
    void bothKernelsMatchTheInterpreter(int m, int k, int n, boolean viaTaps) {
        Random r = new Random(m * 7L + k * 3L + n);
        Tensor a = random(r, m, k);
        Tensor b = random(r, k, n);
        Tensor bias = random(r, m, 1);
        Tensor expected = Reference.eval("Add", Map.of(), Reference.eval("MatMul", Map.of(), a, b), bias);
        float[] packed = new float[PackedGemm.packedSize(m, k)];
        PackedGemm.pack(floats(a), 0, m, k, packed, 0);
        // with taps, B's rows sit at scattered offsets, with room for a whole tile past each row
        int[] taps = new int[k];
        float[] bt = new float[k * (n + 100) + 64];
        for (int p = 0; p < k; p++) {
            taps[p] = (k - 1 - p) * (n + 100) + 3;
            System.arraycopy(floats(b), p * n, bt, taps[p], n);
        }
        float[] bs = viaTaps ? bt : floats(b);
        int[] t = viaTaps ? taps : null;
        float[] y = new float[m * n];
        PackedGemm.SCALAR.multiply(packed, 0, m, k, bs, 0, n, t, y, 0, n, 0, n, floats(bias), 0,
                Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertClose(expected, y);
        assumeTrue(VectorSupport.available(), "jdk.incubator.vector is not in this JVM");
        PackedKernel vector = VectorSupport.load("/dev/nnc/cpu/runtime/VectorPackedKernel.java.txt",
                "dev.nnc.cpu.runtime.vector.VectorPackedKernel", PackedKernel.class);
        float[] v = new float[m * n];
        vector.multiply(packed, 0, m, k, bs, 0, n, t, v, 0, n, 0, n, floats(bias), 0,
                Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertClose(expected, v);
    }
}
