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

/** Gemm.matmul against onnx.MatMul: row vectors, blocks wider than one column block, batches, threads. */
class GemmTest {
    @ParameterizedTest(name = "[{0}] x [{1}] x [{2}], batch {3}, {4} threads")
    @CsvSource({"1,16,64,1,1", "1,300,700,1,3", "5,7,3,1,1", "37,129,300,1,2", "4,8,6,3,1", "64,64,64,2,4"})
    void matchesTheInterpreter(int m, int k, int n, int batch, int threads) {
        Random r = new Random(m * 1000L + k * 10L + n);
        Tensor a = random(r, batch, m, k);
        Tensor b = random(r, batch, k, n);
        Tensor expected = Reference.eval("MatMul", Map.of(), a, b);
        float[] y = new float[batch * m * n];
        try (Parallel par = new Parallel(threads)) {
            Gemm.matmul(floats(a), m * k, floats(b), k * n, y, batch, m, k, n, par);
        }
        assertClose(expected, y);
    }

    @ParameterizedTest(name = "[{0}] x [{1}] x [{2}]")
    @CsvSource({"1,16,64", "4,7,40", "9,33,100", "13,129,300"})
    void bothKernelsMatchTheInterpreter(int m, int k, int n) {
        Random r = new Random(m * 7L + k * 3L + n);
        Tensor a = random(r, m, k);
        Tensor b = random(r, k, n);
        Tensor expected = Reference.eval("MatMul", Map.of(), a, b);
        float[] y = new float[m * n];
        Gemm.SCALAR.block(floats(a), 0, floats(b), 0, y, 0, 0, m, 0, n, k, n);
        assertClose(expected, y);
        assumeTrue(VectorSupport.available(), "jdk.incubator.vector is not in this JVM");
        float[] v = new float[m * n];
        VectorSupport.vectorGemm().block(floats(a), 0, floats(b), 0, v, 0, 0, m, 0, n, k, n);
        assertClose(expected, v);
    }

    @ParameterizedTest(name = "broadcast B over a batch of {0}")
    @CsvSource({"3", "1"})
    void broadcastOperandHasStrideZero(int batch) {
        Random r = new Random(7);
        Tensor a = random(r, batch, 4, 5);
        Tensor b = random(r, 5, 6);
        Tensor expected = Reference.eval("MatMul", Map.of(), a, b);
        float[] y = new float[batch * 24];
        Gemm.matmul(floats(a), 20, floats(b), 0, y, batch, 4, 5, 6, Parallel.SERIAL);
        assertClose(expected, y);
    }
}
