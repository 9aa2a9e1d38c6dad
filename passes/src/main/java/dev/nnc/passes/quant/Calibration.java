package dev.nnc.passes.quant;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.FuncOp;
import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-value min/max of a float model over calibration inputs. The ranges travel in the IR text
 * as discardable attributes, so {@code quantize} can run from a pipeline on a calibrated
 * {@code .nir} file: {@code calib_range = [lo, hi]} on each op (its first result) and
 * {@code calib_arg_ranges = [[lo, hi], ...]} on the function (its inputs). Weights need no
 * calibration: the pass reads their ranges, per tensor or per output channel, from the constants.
 *
 * <pre>
 * %r = "onnx.Relu"(%c) {calib_range = [0.0, 6.25]} : (tensor&lt;1x8xf32&gt;) -&gt; tensor&lt;1x8xf32&gt;
 * </pre>
 */
public final class Calibration {
    public static final String RANGE = "calib_range";
    public static final String ARG_RANGES = "calib_arg_ranges";

    private final Map<Value, Range> ranges = new HashMap<>();
    private int samples;

    /** Runs the float model on one input set and widens every float value's range. */
    public void observe(ModuleOp module, Map<String, Tensor> inputs) {
        for (Map.Entry<Value, Tensor> e : ValueTrace.run(module, inputs).entrySet()) {
            Tensor t = e.getValue();
            if (t.elementType().isFloat()) {
                ranges.merge(e.getKey(), Range.EMPTY.with(t.doubles()), Range::union);
            }
        }
        samples++;
    }

    /** How many input sets were observed. */
    public int samples() {
        return samples;
    }

    /** The observed range of {@code v}, or null when it was never seen. */
    public Range range(Value v) {
        return ranges.get(v);
    }

    /** Writes the ranges into the module as {@link #RANGE} / {@link #ARG_RANGES} attributes. */
    public void annotate(ModuleOp module) {
        FuncOp f = module.mainFunction();
        List<Attribute> args = new ArrayList<>();
        for (Value a : f.arguments()) {
            args.add(encode(ranges.getOrDefault(a, Range.EMPTY)));
        }
        f.op().attributes().put(ARG_RANGES, new Attribute.ArrayAttr(args));
        for (Operation op : f.body().operations()) {
            Range r = op.numResults() > 0 ? ranges.get(op.result(0)) : null;
            if (r != null && !r.isEmpty() && !op.name().equals("onnx.Constant")) {
                op.attributes().put(RANGE, encode(r));
            }
        }
    }

    /**
     * The ranges a module's attributes carry, by the name hint of the value they belong to (names
     * survive the rewrites that replace an op but keep its result's name, such as bias fusion).
     */
    public static Map<String, Range> read(ModuleOp module) {
        Map<String, Range> c = new HashMap<>();
        FuncOp f = module.mainFunction();
        if (f.op().attributes().get(ARG_RANGES) instanceof Attribute.ArrayAttr arr) {
            for (int i = 0; i < arr.values().size() && i < f.arguments().size(); i++) {
                put(c, f.arguments().get(i), decode(arr.values().get(i)));
            }
        }
        for (Operation op : f.body().operations()) {
            if (op.numResults() > 0) {
                put(c, op.result(0), decode(op.attributes().get(RANGE)));
            }
        }
        return c;
    }

    private static void put(Map<String, Range> c, Value v, Range r) {
        if (r != null && v.nameHint() != null) {
            c.put(v.nameHint(), r);
        }
    }

    /** Removes the calibration attributes. */
    public static void strip(ModuleOp module) {
        module.op().walk(op -> {
            op.attributes().remove(RANGE);
            op.attributes().remove(ARG_RANGES);
        });
    }

    private static Attribute encode(Range r) {
        return r.isEmpty() ? new Attribute.ArrayAttr(List.of())
                : new Attribute.ArrayAttr(List.of(new Attribute.FloatAttr(r.lo()), new Attribute.FloatAttr(r.hi())));
    }

    private static Range decode(Attribute a) {
        if (a instanceof Attribute.ArrayAttr arr && arr.values().size() == 2
                && arr.values().get(0) instanceof Attribute.FloatAttr lo && arr.values().get(1) instanceof Attribute.FloatAttr hi) {
            return new Range(lo.value(), hi.value());
        }
        return null;
    }
}
