package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Binding;
import dev.nnc.cpu.gen.JavaModel.BufferField;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.WeightField;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.DialectRegistry;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpSpec;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link JavaModel} of an {@code onnx}-dialect function with static shapes: walks the
 * ops in order and hands each to its {@link OpLowering}; decides every name, array and weight.
 * Ops whose operands are all constants are evaluated here by the interpreter's semantics (one
 * definition of every op), so shape arithmetic never reaches the generated code.
 */
public final class ModelBuilder implements LoweringContext {
    /** The built model and the weight tensors its constructor takes, in field order. */
    public record Result(JavaModel model, List<Tensor> weights) {
    }

    private final DialectRegistry registry = DialectRegistry.standard();
    private final Map<String, OpLowering> lowerings = Lowerings.table();
    private final int opset;
    private final JavaNames fields = new JavaNames("weights", "parallel", "inputs", "outputs");
    {
        JavaNames.RUNTIME_TYPES.forEach(t -> fields.fresh(t, t)); // a field must not shadow a runtime class
        fields.fresh("i", "i"); // loop variables (BroadcastLoops, GatherStep)
        List.of("o", "j", "k").forEach(v -> fields.fresh(v, v));
        for (int d = 0; d < 10; d++) {
            fields.fresh("i" + d, "i");
        }
    }
    private final JavaNames methods = new JavaNames("run");
    private final Map<Value, String> arrays = new HashMap<>();
    private final Map<Value, Tensor> constants = new HashMap<>();
    private final List<WeightField> weightFields = new ArrayList<>();
    private final List<Tensor> weights = new ArrayList<>();
    private final List<BufferField> buffers = new ArrayList<>();
    private final List<Object> statics = new ArrayList<>();
    private final List<Object> steps = new ArrayList<>();
    private final Map<Value, ScalarExpr.Pending> pending = new HashMap<>();
    private final java.util.Set<Value> outputs = new java.util.HashSet<>();
    private final java.util.Set<Operation> absorbed = new java.util.HashSet<>();

    private ModelBuilder(int opset) {
        this.opset = opset;
    }

    /** The model of {@code module}'s main function as class {@code packageName.className}. */
    public static Result build(ModuleOp module, String modelName, String packageName) {
        FuncOp f = module.mainFunction();
        if (f == null) {
            throw new NncException("the module has no function to compile");
        }
        return new ModelBuilder(module.opset()).run(f, modelName, packageName);
    }

    private Result run(FuncOp f, String modelName, String packageName) {
        List<Binding> inputs = new ArrayList<>();
        for (int i = 0; i < f.arguments().size(); i++) {
            Value arg = f.arguments().get(i);
            String external = f.inputNames().get(i);
            TensorType t = requireTyped(arg, "model input '" + external + "'", null);
            String name = fields.fresh(external, "input" + i);
            arrays.put(arg, name);
            inputs.add(new Binding(name, i, external, t.toString(), dtype(t).javaType()));
        }
        outputs.addAll(f.outputs());
        List<Operation> ops = f.body().operations();
        for (Operation op : ops.subList(0, ops.size() - 1)) {
            lowerOne(op);
        }
        List<Binding> outputs = new ArrayList<>();
        Operation ret = f.returnOp();
        for (int i = 0; i < f.outputs().size(); i++) {
            Value v = f.outputs().get(i);
            String external = f.outputNames().get(i);
            TensorType t = requireTyped(v, "model output '" + external + "'", null);
            outputs.add(new Binding(readTyped(v, ret), i, external, t.toString(), dtype(t).javaType()));
        }
        JavaModel model = new JavaModel(packageName, JavaNames.className(modelName), modelName,
                List.copyOf(weightFields), List.copyOf(statics), List.copyOf(buffers), inputs, outputs, List.copyOf(steps));
        return new Result(model, List.copyOf(weights));
    }

    private void lowerOne(Operation op) {
        if (absorbed.contains(op)) {
            return; // computed by an earlier step (see absorb)
        }
        if (!op.regions().isEmpty()) {
            throw unsupported(op, "ops with subgraphs are not supported");
        }
        if (op.numResults() > 0 && op.results().stream().allMatch(r -> r.type() == dev.nnc.ir.type.NoneType.NONE)) {
            return; // onnx.NoValue: an absent optional operand, nothing to compute
        }
        if (Folding.foldable(op, constants)) {
            List<Tensor> outs = Folding.evaluate(op, constants, specOf(op), opset);
            for (int i = 0; i < op.numResults(); i++) {
                constants.put(op.result(i), outs.get(i));
            }
            return;
        }
        OpLowering l = lowerings.get(op.name());
        if (l == null) {
            throw unsupported(op, op.name() + " is not supported yet");
        }
        l.lower(op, this);
    }

    private OpSpec specOf(Operation op) {
        return registry.lookup(op.name()).orElseThrow(() -> new NncException(op.location(), "unknown op " + op.name()));
    }

    private static Dtype dtype(TensorType t) {
        return Dtype.of(t.elementType());
    }

    /** Checks the value has a static shape and an element type the backend keeps in arrays. */
    private TensorType requireTyped(Value v, String what, Operation op) {
        if (!(v.type() instanceof TensorType t) || !t.isStatic()) {
            throw new NncException(op == null ? null : op.location(), what + " has type " + v.type()
                    + ": the CPU backend needs static shapes (give them with --input-shape or run shape inference)");
        }
        if (Dtype.of(t.elementType()) == null) {
            throw new NncException(op == null ? null : op.location(), what + " has type " + t
                    + ": the CPU backend runs f32, f64, i64, i32 and bool tensors only");
        }
        return t;
    }

    private TensorType requireF32(Value v, String what, Operation op) {
        if (!(v.type() instanceof TensorType t) || !t.isStatic()) {
            throw new NncException(op == null ? null : op.location(), what + " has type " + v.type()
                    + ": the CPU backend needs static shapes (give them with --input-shape or run shape inference)");
        }
        if (t.elementType() != FloatType.F32) {
            throw new NncException(op == null ? null : op.location(), what + " has type " + t
                    + ": the CPU backend runs f32 tensors only");
        }
        return t;
    }

    private static String valueName(Value v) {
        return v.nameHint() == null ? "value" : "'" + v.nameHint() + "'";
    }

    @Override
    public String read(Value v, Operation user) {
        if (v.type() instanceof TensorType t && t.elementType() != FloatType.F32) {
            throw unsupported(user, "operand " + valueName(v) + " is " + t + ": this op runs on f32 tensors only");
        }
        return readTyped(v, user);
    }

    @Override
    public String readTyped(Value v, Operation user) {
        String name = arrays.get(v);
        if (name != null) {
            return name;
        }
        Tensor c = constants.get(v);
        if (c == null) {
            throw new IllegalStateException("value " + v + " read before it is defined");
        }
        if (Dtype.of(c.elementType()) == null) {
            throw unsupported(user, "operand " + valueName(v) + " is " + c.tensorType()
                    + ": the CPU backend runs f32, f64, i64, i32 and bool tensors only");
        }
        name = addWeight(v, c, null);
        arrays.put(v, name);
        return name;
    }

    private String addWeight(Value v, Tensor c, Call pack) {
        String name = fields.fresh(v.nameHint() + (pack == null ? "" : "_packed"), "weight");
        weightFields.add(new WeightField(name, weights.size(), c.tensorType().toString(),
                Dtype.of(c.elementType()).javaType(), pack));
        weights.add(c);
        return name;
    }

    @Override
    public String readTransposed(Value v, Operation user, int rows, int cols) {
        return readPacked(v, user, "Transpose.matrix", List.of(rows, cols));
    }

    @Override
    public String readPacked(Value v, Operation user, String target, List<Object> args) {
        Tensor c = constants.get(v);
        if (c == null) {
            throw unsupported(user, "operand " + valueName(v) + " must be a constant");
        }
        if (c.elementType() != FloatType.F32) {
            throw unsupported(user, "operand " + valueName(v) + " is " + c.tensorType() + ": the CPU backend runs f32 tensors only");
        }
        List<Object> all = new ArrayList<>();
        all.add("(float[]) weights[" + weights.size() + "]");
        all.addAll(args);
        return addWeight(v, c, new Call(target, all));
    }

    @Override
    public String write(Value v, Operation op) {
        requireF32(v, "result " + valueName(v), op);
        return writeTyped(v, op);
    }

    @Override
    public String writeTyped(Value v, Operation op) {
        TensorType t = requireTyped(v, "result " + valueName(v), op);
        String name = fields.fresh(v.nameHint(), "t");
        buffers.add(new BufferField(name, Math.toIntExact(t.elementCount()), t.toString(), dtype(t).javaType()));
        arrays.put(v, name);
        return name;
    }

    @Override
    public void alias(Value result, Value source, Operation op) {
        requireTyped(result, "result " + valueName(result), op);
        arrays.put(result, readTyped(source, op));
    }

    @Override
    public String scratch(Operation op, int size) {
        String name = fields.fresh(method(op) + "_scratch", "scratch");
        buffers.add(new BufferField(name, size, "scratch", "float"));
        return name;
    }

    @Override
    public int[] shape(Value v) {
        if (v.type() instanceof TensorType t && t.isStatic()) {
            return t.shape();
        }
        throw new NncException("value " + valueName(v) + " has type " + v.type() + ": the CPU backend needs static shapes");
    }

    @Override
    public Tensor constant(Value v) {
        return constants.get(v);
    }

    @Override
    public OpAttributes attrs(Operation op) {
        return new OpAttributes(op, specOf(op));
    }

    private final Map<Operation, String> methodNames = new HashMap<>();

    @Override
    public String method(Operation op) {
        return methodNames.computeIfAbsent(op, o -> methods.fresh(o.location().name(), o.opName().toLowerCase()));
    }

    @Override
    public String method(Operation op, String suffix) {
        return methods.fresh(method(op) + "_" + suffix, suffix);
    }

    @Override
    public String staticName(Operation op, String suffix) {
        return fields.fresh(method(op) + "_" + suffix, suffix);
    }

    @Override
    public String describe(Operation op) {
        StringBuilder b = new StringBuilder(op.opName());
        if (op.location().name() != null) {
            b.append(" '").append(op.location().name()).append('\'');
        }
        b.append(": ");
        for (int i = 0; i < op.numOperands(); i++) {
            b.append(i == 0 ? "" : ", ").append(op.operand(i).type());
        }
        b.append(" -> ");
        for (int i = 0; i < op.numResults(); i++) {
            b.append(i == 0 ? "" : ", ").append(op.result(i).type());
        }
        return b.toString();
    }

    @Override
    public void addStep(Object step) {
        steps.add(step);
    }

    @Override
    public ScalarExpr.Pending pending(Value v) {
        return pending.get(v);
    }

    @Override
    public void defer(Value v, ScalarExpr.Pending expr) {
        pending.put(v, expr);
    }

    @Override
    public String local(Value v) {
        return fields.fresh(v.nameHint(), "t");
    }

    @Override
    public boolean isOutput(Value v) {
        return outputs.contains(v);
    }

    @Override
    public void addStatic(Object field) {
        statics.add(field);
    }

    @Override
    public void absorb(Operation op) {
        absorbed.add(op);
    }

    @Override
    public int opset() {
        return opset;
    }

    @Override
    public NncException unsupported(Operation op, String why) {
        return new NncException(op.location(), "CPU backend: " + op.name() + ": " + why);
    }
}
