package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.List;
import java.util.Map;

/**
 * Runs one ONNX op through {@link KernelRun} with its inputs given as {@code onnx.Constant}s (null
 * = absent optional input), and checks that whatever type inference claims matches the result.
 */
final class KernelHarness {
    private KernelHarness() {
    }

    static List<Tensor> run(String op, int opset, Map<String, Attribute> attrs, int results, Tensor... inputs) {
        KernelRun run = KernelRun.of(op).opset(opset).outputs(results);
        attrs.forEach(run::attr);
        for (Tensor t : inputs) {
            run.constIn(t);
        }
        List<Type> inferred = run.infer();
        List<Tensor> out = run.run();
        for (int i = 0; i < results; i++) {
            Type t = inferred.get(i);
            if (t instanceof TensorType tt && tt.isStatic()) {
                assertEquals(out.get(i).tensorType(), tt, "inferred type of result " + i);
            } else if (t instanceof TensorType tt) {
                assertEquals(out.get(i).elementType(), tt.elementType(), "inferred element type of result " + i);
                if (tt.hasRank()) {
                    assertEquals(out.get(i).rank(), tt.rank(), "inferred rank of result " + i);
                }
            }
        }
        return out;
    }

    static Tensor run1(String op, int opset, Map<String, Attribute> attrs, Tensor... inputs) {
        return run(op, opset, attrs, 1, inputs).get(0);
    }

    static Tensor f32(int[] shape, double... v) {
        return Tensor.ofDoubles(FloatType.F32, shape, v);
    }

    static Tensor i64(int[] shape, long... v) {
        return Tensor.ofLongs(IntegerType.I64, shape, v);
    }

    static Tensor i64(long... v) {
        return i64(new int[] {v.length}, v);
    }

    static Tensor i32(int[] shape, long... v) {
        return Tensor.ofLongs(IntegerType.I32, shape, v);
    }

    static Tensor str(int[] shape, String... v) {
        return Tensor.ofStrings(shape, v);
    }

    static int[] shape(int... s) {
        return s;
    }

    static Tensor range(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return f32(shape, v);
    }

    static void assertTensor(Tensor actual, int[] shape, double... expected) {
        assertArrayEquals(shape, actual.shape(), "shape");
        assertArrayEquals(expected, actual.toDoubles(), 1e-6, "values");
    }

    static void assertLongs(Tensor actual, int[] shape, long... expected) {
        assertArrayEquals(shape, actual.shape(), "shape");
        assertArrayEquals(expected, actual.longs(), "values");
    }

    static void assertStrings(Tensor actual, int[] shape, String... expected) {
        assertArrayEquals(shape, actual.shape(), "shape");
        assertArrayEquals(expected, actual.strings(), "values");
    }

    static Attribute ints(long... v) {
        return Attribute.ints(v);
    }

    static Attribute i(long v) {
        return Attribute.of(v);
    }

    static Attribute s(String v) {
        return Attribute.of(v);
    }
}
