package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Binding;
import dev.nnc.cpu.gen.JavaModel.BufferField;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.cpu.gen.JavaModel.NodeField;
import dev.nnc.cpu.gen.JavaModel.ValueField;
import dev.nnc.cpu.runtime.InterpretedNode;
import dev.nnc.cpu.gen.JavaModel.WeightField;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Opsets;
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
 * definition of every op), so shape arithmetic never reaches the generated code. With the
 * interpreter fallback on, a node no lowering takes (see {@link InterpretedNodes}) becomes one call
 * of an {@link InterpretedNode}, and values without Java arrays are carried as RuntimeValues.
 */
public final class ModelBuilder implements LoweringContext {
    /**
     * The built model, the weight tensors its constructor takes (in field order) and the nodes it
     * runs on the interpreter (given to the constructor after the weights).
     */
    public record Result(JavaModel model, List<Tensor> weights, List<InterpretedNode> nodes) {
    }

    private final DialectRegistry registry = DialectRegistry.standard();
    private final Map<String, OpLowering> lowerings = Lowerings.table();
    private final int opset;
    private final Opsets opsets;
    /** Whether nodes without a lowering run on the interpreter (else they are refused). */
    private final boolean fallback;
    /** Values an interpreted node reads, which must therefore not be fused into their consumer. */
    private final java.util.Set<Value> unfused;
    /** Values carried as RuntimeValues (no Java array for their type), by field name. */
    private final Map<Value, String> boxed = new HashMap<>();
    private final List<ValueField> valueFields = new ArrayList<>();
    private final List<InterpretedNode> nodes = new ArrayList<>();
    private final List<String> nodeFieldNames = new ArrayList<>();
    /** Static shapes found for values the module leaves dynamic. */
    private final StaticShapes shapes = new StaticShapes();
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
    /** Values held channels-last (NHWC) by an NHWC convolution; {@link #arrays} gets an NCHW copy when one is read. */
    private final Map<Value, String> channelsLast = new HashMap<>();
    private boolean channelsLastChains;
    private final Map<Value, Tensor> constants = new HashMap<>();
    private final List<WeightField> weightFields = new ArrayList<>();
    private final List<Tensor> weights = new ArrayList<>();
    private final List<BufferField> buffers = new ArrayList<>();
    private final List<Object> statics = new ArrayList<>();
    private final List<Object> steps = new ArrayList<>();
    private final Map<Value, ScalarExpr.Pending> pending = new HashMap<>();
    private final java.util.Set<Value> outputs = new java.util.HashSet<>();
    private final java.util.Set<Operation> absorbed = new java.util.HashSet<>();
    private final java.util.SortedSet<String> imports = new java.util.TreeSet<>();

    private ModelBuilder(ModuleOp module, boolean fallback, java.util.Set<Value> unfused) {
        this.opset = module.opset();
        this.opsets = module.opsets();
        this.fallback = fallback;
        this.unfused = unfused;
    }

    /** The model of {@code module}'s main function as class {@code packageName.className}; every node native. */
    public static Result build(ModuleOp module, String modelName, String packageName) {
        return build(module, modelName, packageName, false);
    }

    /**
     * The model of {@code module}'s main function as class {@code packageName.className};
     * {@code fallback}: nodes without a lowering run on the interpreter instead of being refused.
     */
    public static Result build(ModuleOp module, String modelName, String packageName, boolean fallback) {
        FuncOp f = module.mainFunction();
        if (f == null) {
            throw new NncException("the module has no function to compile");
        }
        java.util.Set<Value> unfused = new java.util.HashSet<>();
        while (true) {
            try {
                return new ModelBuilder(module, fallback, unfused).run(f, modelName, packageName);
            } catch (InterpretedNodes.Unfuse u) {
                unfused.add(u.value()); // an interpreted node reads it: build again with it in an array
            }
        }
    }

    private Result run(FuncOp f, String modelName, String packageName) {
        List<Binding> inputs = new ArrayList<>();
        for (int i = 0; i < f.arguments().size(); i++) {
            Value arg = f.arguments().get(i);
            String external = f.inputNames().get(i);
            if (fallback && !InterpretedNodes.inArrays(arg.type())) {
                String name = fields.fresh(external, "input" + i);
                boxed.put(arg, name);
                inputs.add(new Binding(name, i, external, arg.type().toString(), "RuntimeValue", true));
                continue;
            }
            TensorType t = requireBoundary(requireTyped(arg, "model input '" + external + "'", null), "model input '" + external + "'");
            String name = fields.fresh(external, "input" + i);
            arrays.put(arg, name);
            inputs.add(new Binding(name, i, external, t.toString(), dtype(t).javaType()));
        }
        outputs.addAll(f.outputs());
        List<Operation> ops = f.body().operations();
        channelsLastChains = NhwcPlan.worthIt(ops, this);
        try {
            for (Operation op : ops.subList(0, ops.size() - 1)) {
                OpSpec spec = registry.lookup(op.name()).orElse(null);
                if (spec != null) {
                    shapes.refine(op, constants, spec, opset, this.outputs);
                }
                lowerOne(op);
            }
        } finally {
            shapes.restore(); // the refined types served this build only
        }
        List<Binding> outputs = new ArrayList<>();
        Operation ret = f.returnOp();
        for (int i = 0; i < f.outputs().size(); i++) {
            Value v = f.outputs().get(i);
            String external = f.outputNames().get(i);
            if (boxed.containsKey(v)) {
                outputs.add(new Binding(boxed.get(v), i, external, v.type().toString(), "RuntimeValue", true));
                continue;
            }
            TensorType t = requireBoundary(requireTyped(v, "model output '" + external + "'", null), "model output '" + external + "'");
            outputs.add(new Binding(readTyped(v, ret), i, external, t.toString(), dtype(t).javaType()));
        }
        List<NodeField> nodeFields = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            nodeFields.add(new NodeField(nodeFieldNames.get(i), weights.size() + i, InterpretedNodes.label(nodes.get(i).op())));
        }
        JavaModel model = new JavaModel(packageName, JavaNames.className(modelName), modelName, List.copyOf(imports),
                List.copyOf(weightFields), List.copyOf(statics), List.copyOf(buffers), inputs, outputs, List.copyOf(steps),
                List.copyOf(valueFields), nodeFields);
        return new Result(model, List.copyOf(weights), List.copyOf(nodes));
    }

    private void lowerOne(Operation op) {
        if (absorbed.contains(op)) {
            return; // computed by an earlier step (see absorb)
        }
        if (!op.regions().isEmpty()) {
            if (!fallback) {
                throw unsupported(op, "ops with subgraphs are not supported");
            }
            interpret(op, "ops with subgraphs are not lowered to Java");
            return;
        }
        if (op.numResults() > 0 && op.results().stream().allMatch(r -> r.type() == dev.nnc.ir.type.NoneType.NONE)) {
            return; // onnx.NoValue: an absent optional operand, nothing to compute
        }
        if (Folding.foldable(op, constants) && (!fallback || foldsToArrays(op))) {
            List<Tensor> outs = Folding.evaluate(op, constants, specOf(op), opset);
            for (int i = 0; i < op.numResults(); i++) {
                constants.put(op.result(i), outs.get(i));
            }
            return;
        }
        OpLowering l = lowerings.get(op.name());
        if (l == null) {
            if (!fallback || QLowerings.touchesFixed(op)) { // the interpreted node holds no fixed-point arrays
                throw unsupported(op, op.name() + " is not supported yet");
            }
            interpret(op, op.opName() + " is not lowered to Java yet");
            return;
        }
        if (!fallback) {
            l.lower(op, this);
            return;
        }
        Snapshot before = new Snapshot();
        try {
            l.lower(op, this);
        } catch (NncException e) {
            if (QLowerings.touchesFixed(op)) {
                throw e; // fixed-point values are int/long arrays that the interpreted node cannot take
            }
            before.restore();
            interpret(op, InterpretedNodes.reason(op, e));
        }
    }

    /**
     * With the fallback on, an op is folded only when its results are tensors the generated code
     * can hold (a model output of another type, or a sequence, is computed by an interpreted node).
     */
    private boolean foldsToArrays(Operation op) {
        for (Value r : op.results()) {
            if (!(r.type() instanceof TensorType t) || outputs.contains(r) && Dtype.of(t.elementType()) == null) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code op} on the interpreter: one {@link InterpretedNode} field and one step calling it. */
    private void interpret(Operation op, String reason) {
        List<Value> passed = new ArrayList<>();
        List<InterpretedNode.Slot> slots = new ArrayList<>();
        List<String> args = new ArrayList<>();
        Map<Value, Tensor> fixed = new HashMap<>();
        for (Value v : InterpretedNodes.reads(op)) {
            if (v.type() == dev.nnc.ir.type.NoneType.NONE || constants.containsKey(v)) {
                fixed.put(v, constants.get(v)); // an absent optional operand is bound to null
                continue;
            }
            if (pending.containsKey(v)) {
                throw new InterpretedNodes.Unfuse(v);
            }
            String field = boxed.get(v);
            if (field == null) {
                field = channelsLast.containsKey(v) ? readTyped(v, op) : arrays.get(v);
                if (field == null) {
                    throw new IllegalStateException("value " + v + " read before it is defined");
                }
                TensorType t = (TensorType) v.type();
                slots.add(new InterpretedNode.Slot(dtype(t), t.elementType(), t.shape()));
            } else {
                slots.add(null);
            }
            passed.add(v);
            args.add(field);
        }
        String method = method(op);
        List<InterpretedNode.Slot> resultSlots = new ArrayList<>();
        List<Object> outs = new ArrayList<>();
        for (int i = 0; i < op.numResults(); i++) {
            Value r = op.result(i);
            boolean needed = r.hasUses() || outputs.contains(r);
            if (InterpretedNodes.inArrays(r.type())) {
                TensorType t = (TensorType) r.type();
                resultSlots.add(new InterpretedNode.Slot(dtype(t), t.elementType(), t.shape()));
                if (needed) {
                    outs.add(new JavaModel.StoreResult(i, writeTyped(r, op)));
                }
            } else {
                resultSlots.add(null);
                if (needed) {
                    String field = fields.fresh(r.nameHint(), "value");
                    valueFields.add(new ValueField(field, r.type().toString()));
                    boxed.put(r, field);
                    outs.add(new JavaModel.KeepResult(i, field));
                }
            }
        }
        String node = fields.fresh(method + "_node", "node");
        nodes.add(new InterpretedNode(op, List.copyOf(passed), java.util.Collections.unmodifiableList(slots), fixed,
                java.util.Collections.unmodifiableList(resultSlots), opsets));
        nodeFieldNames.add(node);
        addStep(new JavaModel.InterpretedStep(method, describe(op), InterpretedNodes.comment(reason), node,
                fields.fresh(method + "_results", "results"), args, outs));
    }

    /**
     * The builder's state before a lowering, restored when the lowering refuses the op half-way.
     * Lowerings keep no state of their own, except the fixed-point ones (QStatics), whose ops
     * never fall back.
     */
    private final class Snapshot {
        private final Map<Value, String> arraysBefore = new HashMap<>(arrays);
        private final Map<Value, String> channelsLastBefore = new HashMap<>(channelsLast);
        private final Map<Value, ScalarExpr.Pending> pendingBefore = new HashMap<>(pending);
        private final int weightFieldCount = weightFields.size();
        private final int weightCount = weights.size();
        private final int bufferCount = buffers.size();
        private final int staticCount = statics.size();
        private final int stepCount = steps.size();
        private final java.util.Set<String> fieldNames = fields.names();
        private final java.util.Set<Operation> absorbedBefore = new java.util.HashSet<>(absorbed);
        private final java.util.SortedSet<String> importsBefore = new java.util.TreeSet<>(imports);

        void restore() {
            arrays.clear();
            arrays.putAll(arraysBefore);
            channelsLast.clear();
            channelsLast.putAll(channelsLastBefore);
            pending.clear();
            pending.putAll(pendingBefore);
            weightFields.subList(weightFieldCount, weightFields.size()).clear();
            weights.subList(weightCount, weights.size()).clear();
            buffers.subList(bufferCount, buffers.size()).clear();
            statics.subList(staticCount, statics.size()).clear();
            steps.subList(stepCount, steps.size()).clear();
            fields.restore(fieldNames);
            absorbed.retainAll(absorbedBefore);
            imports.retainAll(importsBefore);
        }
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

    /** Fixed-point values have no tensor form in the generated class's interface: they enter and leave as floats. */
    private static TensorType requireBoundary(TensorType t, String what) {
        if (t.elementType() instanceof dev.nnc.ir.type.FixedType) {
            throw new NncException(what + " has type " + t + ": fixed-point values enter and leave the CPU backend as"
                    + " floats (q.quantize / q.dequantize at the model boundary)");
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
        if (channelsLast.containsKey(v)) {
            return convert(v, channelsLast.get(v), "ChannelsLast.toNchw", "nchw", v.definingOp(), arrays);
        }
        if (boxed.containsKey(v)) {
            throw unsupported(user, "operand " + valueName(v) + " is " + v.type() + ", which the generated code holds as an interpreter value");
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
    public boolean channelsLastChains() {
        return channelsLastChains;
    }

    @Override
    public String channelsLast(Value v) {
        return channelsLast.get(v);
    }

    @Override
    public String readChannelsLast(Value v, Operation user) {
        String name = channelsLast.get(v);
        return name != null ? name : convert(v, read(v, user), "ChannelsLast.toNhwc", "nhwc", user, channelsLast);
    }

    @Override
    public String writeChannelsLast(Value v, Operation op) {
        requireF32(v, "result " + valueName(v), op);
        TensorType t = (TensorType) v.type();
        String name = fields.fresh(v.nameHint() + "_nhwc", "t");
        buffers.add(new BufferField(name, Math.toIntExact(t.elementCount()), t + " channels-last", "float"));
        channelsLast.put(v, name);
        return name;
    }

    @Override
    public void aliasChannelsLast(Value result, Value source, Operation op) {
        requireF32(result, "result " + valueName(result), op);
        arrays.put(result, channelsLast.get(source));
    }

    /**
     * Converts a 4-D value between NCHW and NHWC into a fresh array, once: a step named after
     * {@code op} that calls {@code target}; the copy is recorded in {@code into}.
     */
    private String convert(Value v, String from, String target, String suffix, Operation op, Map<Value, String> into) {
        int[] s = shape(v);
        String name = fields.fresh(v.nameHint() + "_" + suffix, "t");
        buffers.add(new BufferField(name, Math.toIntExact(((TensorType) v.type()).elementCount()),
                v.type() + (suffix.equals("nhwc") ? " channels-last" : ""), "float"));
        into.put(v, name);
        String method = op == null ? methods.fresh(name, suffix) : method(op, suffix);
        String what = suffix.equals("nhwc") ? "NCHW into channels-last, for the NHWC convolutions"
                : "channels-last into NCHW, for the ops that read that layout";
        addStep(new KernelStep(method, valueName(v) + " " + what, List.of(new Call(target,
                List.of(from, name, s[0], s[1], s[2] * s[3])))));
        return name;
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
        return outputs.contains(v) || unfused.contains(v); // an unfused value, like an output, needs its own array
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
    public String weight(String nameHint, Tensor value) {
        String name = fields.fresh(nameHint, "weight");
        weightFields.add(new WeightField(name, weights.size(), value.tensorType().toString(),
                Dtype.of(value.elementType()).javaType(), null));
        weights.add(value);
        return name;
    }

    @Override
    public String scratch(Operation op, int size, String javaType) {
        String name = fields.fresh(method(op) + "_scratch", "scratch");
        buffers.add(new BufferField(name, size, "scratch", javaType));
        return name;
    }

    @Override
    public String field(String hint) {
        return fields.fresh(hint, "field");
    }

    @Override
    public void addImport(String qualifiedName) {
        imports.add(qualifiedName);
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
