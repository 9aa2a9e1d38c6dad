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
import dev.nnc.ir.tensor.RuntimeValue;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a one-op ONNX graph in a test and runs it through the interpreter (null input = absent). */
final class KernelRun {
    private final String op;
    private final Map<String, Attribute> attrs = new LinkedHashMap<>();
    private final List<RuntimeValue> inputs = new ArrayList<>();
    private final List<Boolean> constant = new ArrayList<>();
    private int opset = 21;
    private int outputs = 1;

    private KernelRun(String op) {
        this.op = op;
    }

    static KernelRun of(String op) {
        return new KernelRun(op);
    }

    KernelRun in(Tensor t) {
        inputs.add(t);
        constant.add(false);
        return this;
    }

    /** An input of any kind: tensor, sequence or optional (null = absent). */
    KernelRun value(RuntimeValue v) {
        inputs.add(v);
        constant.add(false);
        return this;
    }

    /** An input given as an onnx.Constant (so inference can read it). */
    KernelRun constIn(Tensor t) {
        inputs.add(t);
        constant.add(true);
        return this;
    }

    /** Any attribute as it would be imported. */
    KernelRun attr(String name, Attribute a) {
        attrs.put(name, a);
        return this;
    }

    KernelRun attr(String name, long v) {
        attrs.put(name, new Attribute.IntAttr(v));
        return this;
    }

    KernelRun attr(String name, double v) {
        attrs.put(name, new Attribute.FloatAttr(v));
        return this;
    }

    KernelRun attr(String name, String v) {
        attrs.put(name, new Attribute.StringAttr(v));
        return this;
    }

    KernelRun ints(String name, long... v) {
        List<Attribute> l = new ArrayList<>();
        for (long x : v) {
            l.add(new Attribute.IntAttr(x));
        }
        attrs.put(name, new Attribute.ArrayAttr(l));
        return this;
    }

    KernelRun floats(String name, double... v) {
        List<Attribute> l = new ArrayList<>();
        for (double x : v) {
            l.add(new Attribute.FloatAttr(x));
        }
        attrs.put(name, new Attribute.ArrayAttr(l));
        return this;
    }

    KernelRun strings(String name, String... v) {
        List<Attribute> l = new ArrayList<>();
        for (String x : v) {
            l.add(new Attribute.StringAttr(x));
        }
        attrs.put(name, new Attribute.ArrayAttr(l));
        return this;
    }

    KernelRun opset(int v) {
        opset = v;
        return this;
    }

    KernelRun outputs(int n) {
        outputs = n;
        return this;
    }

    private Operation built;

    private ModuleOp build() {
        ModuleOp m = ModuleOp.create();
        m.setOpset(opset);
        FuncOp f = FuncOp.create(m, "main");
        List<Value> operands = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            RuntimeValue t = inputs.get(i);
            if (t == null) {
                operands.add(f.body().append(Operation.create("onnx.NoValue", List.of(), List.of(NoneType.NONE), Map.of(), Location.named("none"))).result(0));
            } else if (constant.get(i)) {
                operands.add(f.body().append(Operation.create("onnx.Constant", List.of(), List.of(t.valueType()),
                        Map.of("value", new Attribute.DenseAttr((Tensor) t, null)), Location.named("c" + i))).result(0));
            } else {
                operands.add(f.addInput("x" + i, t.valueType()));
            }
        }
        List<Type> results = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            results.add(TensorType.unranked(dev.nnc.ir.type.FloatType.F32));
        }
        built = f.body().append(Operation.create("onnx." + op, operands, results, attrs, Location.named("n")));
        applyInferredTypes(built);
        f.setOutputs(built.results(), outputNames());
        return m;
    }

    /** Gives the op the result types its inference computes, as the importer does for a model. */
    private void applyInferredTypes(Operation o) {
        OpSpec spec = DialectRegistry.standard().lookup(o.name()).orElseThrow();
        if (spec.inference() == null) {
            return;
        }
        List<Type> types = new ArrayList<>();
        for (Value v : o.operands()) {
            types.add(v.type());
        }
        List<Type> inferred;
        try {
            inferred = spec.inference().infer(new InferContext(o, types, new OpAttributes(o, spec), opset));
        } catch (RuntimeException e) {
            return; // bad attributes: the verifier or the semantics will say so, which is what such tests check
        }
        for (int i = 0; i < Math.min(inferred.size(), o.numResults()); i++) {
            if (inferred.get(i) != null) {
                o.result(i).setType(inferred.get(i));
            }
        }
    }

    private List<String> outputNames() {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            n.add("y" + i);
        }
        return n;
    }

    /** Runs the op; with only tensor inputs through the interpreter's tensor-only entry point. */
    List<Tensor> run() {
        ModuleOp m = build();
        Map<String, RuntimeValue> in = inputMap();
        if (in.values().stream().allMatch(v -> v instanceof Tensor)) {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            in.forEach((k, v) -> tensors.put(k, (Tensor) v));
            return new ArrayList<>(new Interpreter().run(m, tensors).values());
        }
        List<Tensor> out = new ArrayList<>();
        for (RuntimeValue v : new Interpreter().runValues(m, in).values()) {
            out.add((Tensor) v);
        }
        return out;
    }

    /** Runs the op; results of any kind (tensor, sequence, optional). */
    List<RuntimeValue> runValues() {
        return new ArrayList<>(new Interpreter().runValues(build(), inputMap()).values());
    }

    private Map<String, RuntimeValue> inputMap() {
        Map<String, RuntimeValue> in = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) != null && !constant.get(i)) {
                in.put("x" + i, inputs.get(i));
            }
        }
        return in;
    }

    Tensor run1() {
        return run().get(0);
    }

    /** The op's inferred result types. */
    List<Type> infer() {
        build();
        OpSpec spec = DialectRegistry.standard().lookup("onnx." + op).orElseThrow();
        List<Type> types = new ArrayList<>();
        for (Value v : built.operands()) {
            types.add(v.type());
        }
        return spec.inference().infer(new InferContext(built, types, new OpAttributes(built, spec), opset));
    }

    /** The IR verifier's diagnostics for the module holding the op. */
    List<dev.nnc.ir.diag.Diagnostic> verify() {
        return dev.nnc.ir.verify.Verifier.verify(build(), DialectRegistry.standard());
    }

    /** 0, 1, 2, ... as f32 of the given shape. */
    static Tensor iota(int... shape) {
        double[] v = new double[Math.toIntExact(dev.nnc.ir.tensor.Shapes.size(shape))];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return f32(shape, v);
    }

    static Tensor f32(int[] shape, double... v) {
        return Tensor.ofDoubles(dev.nnc.ir.type.FloatType.F32, shape, v);
    }

    static Tensor longs(ElementType t, int[] shape, long... v) {
        return Tensor.ofLongs(t, shape, v);
    }

    static Tensor i64(long... v) {
        return Tensor.ofLongs(dev.nnc.ir.type.IntegerType.I64, new int[] {v.length}, v);
    }

    static int[] shape(int... s) {
        return s;
    }
}
