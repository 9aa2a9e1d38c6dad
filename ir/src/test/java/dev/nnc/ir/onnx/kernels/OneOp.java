package dev.nnc.ir.onnx.kernels;

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
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: builds a function holding one ONNX op, runs it through the interpreter, infers its types. */
final class OneOp {
    private final String name;
    private final Map<String, Attribute> attrs = new LinkedHashMap<>();
    private int outputs = 1;
    private int opset = 22;

    private OneOp(String name) {
        this.name = name;
    }

    static OneOp of(String onnxName) {
        return new OneOp("onnx." + onnxName);
    }

    OneOp ints(String key, long... v) {
        List<Attribute> l = new ArrayList<>();
        for (long x : v) {
            l.add(new Attribute.IntAttr(x));
        }
        attrs.put(key, new Attribute.ArrayAttr(l));
        return this;
    }

    OneOp i(String key, long v) {
        attrs.put(key, new Attribute.IntAttr(v));
        return this;
    }

    OneOp f(String key, double v) {
        attrs.put(key, new Attribute.FloatAttr(v));
        return this;
    }

    OneOp s(String key, String v) {
        attrs.put(key, new Attribute.StringAttr(v));
        return this;
    }

    OneOp outputs(int n) {
        outputs = n;
        return this;
    }

    OneOp opset(int v) {
        opset = v;
        return this;
    }

    private Operation build(ModuleOp m, Tensor... inputs) {
        FuncOp f = FuncOp.create(m, "main");
        List<Value> args = new ArrayList<>();
        for (int k = 0; k < inputs.length; k++) {
            Type t = inputs[k] == null ? NoneType.NONE : inputs[k].tensorType();
            args.add(f.addInput("in" + k, t));
        }
        List<Type> res = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            res.add(TensorType.unranked(FloatType.F32));
        }
        Operation op = f.body().append(Operation.create(name, args, res, attrs, Location.named("n0")));
        List<String> names = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            names.add("out" + k);
        }
        f.setOutputs(op.results(), names);
        return op;
    }

    /** Runs the op; an absent optional input is passed as null. */
    List<Tensor> run(Tensor... inputs) {
        ModuleOp m = ModuleOp.create();
        m.setOpset(opset);
        build(m, inputs);
        FuncOp f = m.mainFunction();
        return new Interpreter().run(f, Arrays.asList(inputs), opset);
    }

    Tensor run1(Tensor... inputs) {
        return run(inputs).get(0);
    }

    /** The op's type inference over the inputs' types. */
    List<Type> infer(Tensor... inputs) {
        ModuleOp m = ModuleOp.create();
        Operation op = build(m, inputs);
        OpSpec spec = DialectRegistry.standard().lookup(name).orElseThrow();
        List<Type> types = new ArrayList<>();
        for (Tensor t : inputs) {
            types.add(t == null ? NoneType.NONE : t.tensorType());
        }
        return spec.inference().infer(new InferContext(op, types, new OpAttributes(op, spec), opset));
    }

    static Tensor f32(int[] shape, double... v) {
        return Tensor.ofDoubles(FloatType.F32, shape, v);
    }

    static int[] shape(int... s) {
        return s;
    }

    /** 0, 1, 2, ... as f32. */
    static Tensor iota(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = k;
        }
        return f32(shape, v);
    }
}
