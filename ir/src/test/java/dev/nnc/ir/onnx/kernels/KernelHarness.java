package dev.nnc.ir.onnx.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.Location;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.interp.Interpreter;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one ONNX op through the interpreter with its inputs given as {@code onnx.Constant}s (null =
 * absent optional input), and checks that whatever type inference claims matches the result.
 */
final class KernelHarness {
    private static final DialectRegistry REGISTRY = DialectRegistry.standard();

    private KernelHarness() {
    }

    static List<Tensor> run(String op, int opset, Map<String, Attribute> attrs, int results, Tensor... inputs) {
        ModuleOp m = ModuleOp.create();
        m.setOpset(opset);
        FuncOp f = FuncOp.create(m, "main");
        List<Value> operands = new ArrayList<>();
        for (Tensor t : inputs) {
            Operation c = t == null
                    ? Operation.create("onnx.NoValue", List.of(), List.of(NoneType.NONE), Map.of(), Location.UNKNOWN)
                    : Operation.create("onnx.Constant", List.of(), List.of(t.tensorType()),
                            Map.of("value", new Attribute.DenseAttr(t)), Location.UNKNOWN);
            f.body().append(c);
            operands.add(c.result(0));
        }
        List<Type> placeholders = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            placeholders.add(TensorType.unranked(FloatType.F32));
        }
        Operation node = f.body().append(Operation.create("onnx." + op, operands, placeholders, attrs, Location.named("n0")));
        OpSpec spec = REGISTRY.lookup("onnx." + op).orElseThrow();
        List<Type> operandTypes = operands.stream().map(Value::type).toList();
        List<Type> inferred = spec.inference().infer(new InferContext(node, operandTypes, new OpAttributes(node, spec), opset));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < results; i++) {
            names.add("y" + i);
        }
        f.setOutputs(node.results(), names);
        List<Tensor> out = new ArrayList<>(new Interpreter().run(m, Map.of()).values());
        for (int i = 0; i < results; i++) {
            Type t = inferred.get(i);
            if (t instanceof TensorType tt && tt.isStatic()) {
                assertEquals(out.get(i).tensorType(), tt, "inferred type of result " + i);
            } else if (t instanceof TensorType tt) {
                assertEquals(out.get(i).elementType(), tt.elementType(), "inferred element type of result " + i);
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
