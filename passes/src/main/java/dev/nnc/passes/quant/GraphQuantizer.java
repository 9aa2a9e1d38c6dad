package dev.nnc.passes.quant;

import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedFormats;
import dev.nnc.ir.fixed.FixedTensors;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.passes.PassContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The walk of {@link QuantizePass}: for each float op of the main function, in order, the fixed
 * ops that replace it (inserted before it), keeping a map from each float value to its fixed
 * counterpart; then q.dequantize at the outputs and the float ops erased. Each fixed value takes
 * the name hint of the float value it stands for, so reports can pair them.
 */
final class GraphQuantizer {
    /** Ops that only move raws: the result keeps the operand's fixed type. */
    private static final Set<String> MOVES = Set.of("onnx.Reshape", "onnx.Flatten", "onnx.Transpose");
    /** Ops with a fixed-point form (besides {@link #MOVES}). */
    private static final Set<String> SUPPORTED = Set.of("onnx.Conv", "onnx.Gemm", "onnx.MatMul", "onnx.Relu", "onnx.Clip",
            "onnx.MaxPool", "onnx.AveragePool", "onnx.GlobalAveragePool", "onnx.Identity", "onnx.Dropout", "onnx.Add",
            "onnx.Sub", "onnx.Mul", "onnx.Softmax");

    private final ModuleOp module;
    private final FuncOp f;
    private final Map<String, Range> ranges;
    private final QuantConfig config;
    private final PassContext context;
    private final Map<Value, Value> fixed = new HashMap<>();
    private final Set<Operation> absorbed = new HashSet<>();
    private final Set<String> names = new HashSet<>();

    GraphQuantizer(ModuleOp module, Map<String, Range> ranges, QuantConfig config, PassContext context) {
        this.module = module;
        this.f = module.mainFunction();
        this.ranges = ranges;
        this.config = config;
        this.context = context;
    }

    void run() {
        List<Operation> ops = new ArrayList<>(f.body().operations());
        Operation ret = ops.remove(ops.size() - 1);
        for (Operation op : ops) {
            if (op.location().name() != null) {
                names.add(op.location().name());
            }
        }
        names.addAll(config.aliasNames());
        checkConfigNames();
        rejectUnsupported(ops);
        quantizeInputs(ops.isEmpty() ? ret : ops.get(0));
        for (Operation op : ops) {
            if (!absorbed.contains(op)) {
                quantize(op);
            }
        }
        for (int i = 0; i < ret.numOperands(); i++) {
            Value v = ret.operand(i);
            Value q = fixed.get(v);
            if (q == null) {
                continue; // not a float value (or a constant output): left as it is
            }
            ret.setOperand(i, QEmitter.op(ret, "q.dequantize", List.of(q), v.type(), Map.of(), v.nameHint()));
        }
        Collections.reverse(ops);
        for (Operation op : ops) {
            if (op.results().stream().noneMatch(Value::hasUses)) {
                op.parent().erase(op);
            }
        }
        Calibration.strip(module);
    }

    private void checkConfigNames() {
        for (String n : config.layerNames()) {
            if (!names.contains(n)) {
                throw new NncException(config.source() + ": no layer '" + n + "' in the model (node names: "
                        + String.join(", ", new java.util.TreeSet<>(names)) + ")");
            }
        }
    }

    /** Every float op without a fixed-point form, in one error at the first (so a user sees them all at once). */
    private void rejectUnsupported(List<Operation> ops) {
        Operation first = null;
        List<String> others = new ArrayList<>();
        for (Operation op : ops) {
            if (needsQuantizing(op) && !SUPPORTED.contains(op.name()) && !MOVES.contains(op.name())) {
                if (first == null) {
                    first = op;
                } else {
                    String n = op.location().name() != null ? op.location().name() : op.result(0).nameHint();
                    others.add(op.name() + " (node '" + (n == null ? "?" : n) + "')");
                }
            }
        }
        if (first != null) {
            throw error(first, "quantize does not support this op" + (others.isEmpty() ? "" : " nor " + String.join(", ", others))
                    + " (supported: Conv, Gemm, MatMul, Relu, Clip, MaxPool, AveragePool, GlobalAveragePool,"
                    + " Add, Sub, Mul, Softmax, Reshape, Flatten, Transpose, Identity)");
        }
    }

    private static boolean needsQuantizing(Operation op) {
        boolean floatIn = op.operands().stream().anyMatch(GraphQuantizer::isFloat);
        boolean floatOut = op.results().stream().anyMatch(GraphQuantizer::isFloat);
        return !op.name().equals("onnx.Constant") && !op.name().equals("onnx.NoValue") && (floatIn || floatOut);
    }

    private void quantizeInputs(Operation anchor) {
        List<String> inputNames = f.inputNames();
        for (int i = 0; i < f.arguments().size(); i++) {
            Value a = f.arguments().get(i);
            if (!isFloat(a)) {
                continue;
            }
            LayerSettings s = config.forLayer(inputNames.get(i));
            FixedType t;
            try {
                t = s.activation(range(a));
            } catch (IllegalArgumentException e) {
                throw new NncException("input '" + inputNames.get(i) + "': " + e.getMessage() + " (observed over the calibration inputs)");
            }
            if (t == null) {
                throw new NncException("input '" + inputNames.get(i) + "': no calibration range; calibrate first or give a fixed type");
            }
            Value q = QEmitter.op(anchor, "q.quantize", List.of(a), QEmitter.retyped(a, t), QEmitter.mode(s.mode()),
                    a.nameHint() + "_q");
            q.definingOp().setLocation(dev.nnc.ir.core.Location.named(inputNames.get(i)));
            fixed.put(a, q);
        }
    }

    private void quantize(Operation op) {
        if (!needsQuantizing(op)) {
            return;
        }
        switch (op.name()) {
            case "onnx.Conv", "onnx.Gemm", "onnx.MatMul" -> new LayerRewriter(this, op).rewrite();
            case "onnx.Relu", "onnx.Clip" -> activation(op, fixedOf(op.operand(0), op), op.result(0), settings(op));
            case "onnx.MaxPool" -> {
                if (op.numResults() > 1 && op.result(1).hasUses()) {
                    throw error(op, "cannot quantize MaxPool's Indices output");
                }
                Value x = fixedOf(op.operand(0), op);
                copy(op, List.of(x), ((TensorType) x.type()).elementType());
            }
            case "onnx.AveragePool", "onnx.GlobalAveragePool" -> copy(op, List.of(fixedOf(op.operand(0), op)),
                    outputType(op, op.result(0), settings(op)));
            case "onnx.Identity", "onnx.Dropout" -> fixed.put(op.result(0), fixedOf(op.operand(0), op));
            case "onnx.Add", "onnx.Sub", "onnx.Mul" -> binary(op);
            case "onnx.Softmax" -> SoftmaxRewriter.rewrite(this, op);
            default -> {
                if (!MOVES.contains(op.name())) {
                    throw error(op, "quantize does not support this op"); // rejectUnsupported listed them all first
                }
                List<Value> operands = new ArrayList<>(op.operands());
                operands.set(0, fixedOf(op.operand(0), op));
                copy(op, operands, ((TensorType) operands.get(0).type()).elementType());
            }
        }
    }

    /** A copy of {@code op} on fixed operands, its first result retyped to {@code e}. */
    private void copy(Operation op, List<Value> operands, ElementType e) {
        Value r = QEmitter.op(op, op.name(), operands, QEmitter.retyped(op.result(0), e), op.properties(), op.result(0).nameHint());
        fixed.put(op.result(0), r);
    }

    /** Add/Sub/Mul: a float constant operand is quantised per tensor; the result is cast to the chosen type. */
    private void binary(Operation op) {
        LayerSettings s = settings(op);
        List<Value> operands = new ArrayList<>();
        for (Value v : op.operands()) {
            Tensor c = LayerRewriter.constant(v);
            if (c != null && c.elementType().isFloat()) {
                Range r = Range.EMPTY.with(c.doubles());
                FixedType t = r.isEmpty() ? new FixedType(s.width(), 1, true) : FixedFormats.forRange(r.lo(), r.hi(), s.width(), true);
                operands.add(QEmitter.constant(op, FixedTensors.quantize(c, t, CastMode.DEFAULT), v.nameHint() + "_q"));
            } else {
                operands.add(fixedOf(v, op));
            }
        }
        copy(op, operands, outputType(op, op.result(0), s));
    }

    /**
     * Relu or Clip on a fixed value {@code x} standing for the float {@code result}: Relu keeps the
     * type; Clip's constant bounds are quantised to x's type (pre-opset-11 attributes are
     * quantised by the op itself).
     */
    Value activation(Operation act, Value x, Value result, LayerSettings s) {
        FixedType t = (FixedType) ((TensorType) x.type()).elementType();
        List<Value> operands = new ArrayList<>(List.of(x));
        if (act.name().equals("onnx.Clip")) {
            for (int i = 1; i < act.numOperands(); i++) {
                Tensor b = LayerRewriter.constant(act.operand(i));
                if (b == null && !LayerRewriter.isAbsent(act.operand(i))) {
                    throw error(act, "Clip bounds must be constants to quantize");
                }
                Tensor q = b == null ? null : FixedTensors.quantize(b, t, CastMode.DEFAULT);
                operands.add(q == null ? act.operand(i) : QEmitter.constant(act, q, act.operand(i).nameHint() + "_q"));
            }
        }
        Value r = QEmitter.op(act, act.name(), operands, QEmitter.retyped(result, t), act.properties(), result.nameHint());
        fixed.put(result, r);
        return r;
    }

    /** The fixed value standing for float value v, or an error naming the op that needs it. */
    Value fixedOf(Value v, Operation user) {
        Value q = fixed.get(v);
        if (q == null) {
            throw error(user, "operand '" + v.nameHint() + "' has no fixed-point form (a float constant here is not supported)");
        }
        return q;
    }

    void map(Value floatValue, Value fixedValue) {
        fixed.put(floatValue, fixedValue);
    }

    void absorb(Operation op) {
        absorbed.add(op);
    }

    LayerSettings settings(Operation op) {
        return config.forLayer(op.location().name());
    }

    /** The chosen type of a layer's output {@code v}: the fixed type, or from v's observed range. */
    FixedType outputType(Operation op, Value v, LayerSettings s) {
        FixedType t;
        try {
            t = s.activation(range(v));
        } catch (IllegalArgumentException e) {
            throw error(op, "'" + v.nameHint() + "': " + e.getMessage() + " (observed over the calibration inputs)");
        }
        if (t == null) {
            throw error(op, "no calibration range for '" + v.nameHint() + "'; calibrate the model first (nnc quantize --calib)"
                    + " or give a fixed type");
        }
        return t;
    }

    int opset() {
        return module.opset();
    }

    int rank(Value v) {
        return v.type() instanceof TensorType t && t.hasRank() ? t.rank() : -1;
    }

    Range range(Value v) {
        return v.nameHint() == null ? null : ranges.get(v.nameHint());
    }

    NncException error(Operation op, String message) {
        return context.error(op, op.name() + ": " + message);
    }

    static boolean isFloat(Value v) {
        return v.type() instanceof TensorType t && t.elementType() != null && t.elementType().isFloat();
    }
}
