package dev.nnc.cli.quant;

import dev.nnc.ir.core.ModuleOp;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.FixedTensors;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.passes.quant.Range;
import dev.nnc.passes.quant.ValueTrace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-layer table of {@code nnc quantize}: for every float value that has a fixed-point
 * counterpart (the quantize pass gives it the same name; an input's is NAME_q), its observed
 * range, the chosen type, the SQNR 10·log10(Σf² / Σ(f − q)²) and the largest |f − q| over the
 * given inputs, and the model's top-1 agreement between float and fixed on them.
 */
public final class LayerReport {
    /** One table row, accumulated over samples. */
    private static final class Row {
        final String node;
        final String op;
        final Value floatValue;
        final Value fixedValue;
        Range range = Range.EMPTY;
        double signal;
        double noise;
        double maxError;

        Row(String node, String op, Value floatValue, Value fixedValue) {
            this.node = node;
            this.op = op;
            this.floatValue = floatValue;
            this.fixedValue = fixedValue;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final int[] floatTop1;
    private final int[] fixedTop1;

    private LayerReport(ModuleOp floatModel, ModuleOp fixedModel, List<Map<String, Tensor>> samples, Progress progress) {
        pair(floatModel, fixedModel);
        floatTop1 = new int[samples.size()];
        fixedTop1 = new int[samples.size()];
        Value floatOut = floatModel.mainFunction().outputs().get(0);
        Value fixedOut = fixedModel.mainFunction().outputs().get(0);
        for (int s = 0; s < samples.size(); s++) {
            Map<Value, Tensor> fl = ValueTrace.run(floatModel, samples.get(s));
            Map<Value, Tensor> fx = ValueTrace.run(fixedModel, samples.get(s));
            for (Row r : rows) {
                accumulate(r, fl.get(r.floatValue), fx.get(r.fixedValue));
            }
            floatTop1[s] = Predictions.argmax(fl.get(floatOut).toDoubles());
            fixedTop1[s] = Predictions.argmax(fx.get(fixedOut).toDoubles());
            progress.step(s + 1, samples.size());
        }
    }

    /** Runs both models on every sample and measures each layer. */
    public static LayerReport measure(ModuleOp floatModel, ModuleOp fixedModel, List<Map<String, Tensor>> samples, Progress progress) {
        return new LayerReport(floatModel, fixedModel, samples, progress);
    }

    private void pair(ModuleOp floatModel, ModuleOp fixedModel) {
        Map<String, Value> fixedByName = new HashMap<>();
        fixedModel.mainFunction().op().walk(op -> op.results().forEach(v -> {
            if (v.nameHint() != null && element(v) instanceof FixedType) {
                fixedByName.putIfAbsent(v.nameHint(), v);
            }
        }));
        List<String> inputs = floatModel.mainFunction().inputNames();
        for (int i = 0; i < inputs.size(); i++) {
            Value a = floatModel.mainFunction().arguments().get(i);
            Value q = fixedByName.get(a.nameHint() + "_q");
            if (q != null) {
                rows.add(new Row(inputs.get(i), "input", a, q));
            }
        }
        for (Operation op : floatModel.mainFunction().body().operations()) {
            if (op.numResults() == 0 || op.name().equals("onnx.Constant")) {
                continue;
            }
            Value v = op.result(0);
            Value q = v.nameHint() == null ? null : fixedByName.get(v.nameHint());
            if (q != null && !clampedByActivation(v, q)) {
                String node = op.location().name() != null ? op.location().name() : v.nameHint();
                rows.add(new Row(node, op.opName(), v, q));
            }
        }
    }

    /**
     * A layer output whose unsigned type already clamps what its only user, a Relu, would: the
     * fixed value stands for the activation's output, whose row follows, so it gets no row of its own.
     */
    private static boolean clampedByActivation(Value v, Value q) {
        return v.uses().size() == 1 && v.uses().get(0).user().name().equals("onnx.Relu")
                && element(q) instanceof FixedType t && !t.signed();
    }

    private static Object element(Value v) {
        return v.type() instanceof dev.nnc.ir.type.TensorType t ? t.elementType() : null;
    }

    private static void accumulate(Row r, Tensor f, Tensor q) {
        if (f == null || q == null || f.size() != q.size()) {
            return;
        }
        double[] a = f.toDoubles();
        double[] b = FixedTensors.dequantize(q, FloatType.F64).doubles();
        r.range = r.range.with(a);
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - b[i];
            r.signal += a[i] * a[i];
            r.noise += e * e;
            r.maxError = Math.max(r.maxError, Math.abs(e));
        }
    }

    /** Float vs fixed top-1 agreement over the samples. */
    public double agreement() {
        return Predictions.agreement(floatTop1, fixedTop1);
    }

    public int samples() {
        return floatTop1.length;
    }

    /** The SQNR in dB of the row for node {@code node} (for tests), or NaN. */
    public double sqnr(String node) {
        return rows.stream().filter(r -> r.node.equals(node)).findFirst().map(LayerReport::sqnr).orElse(Double.NaN);
    }

    private static double sqnr(Row r) {
        return r.noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(r.signal / r.noise);
    }

    /** The table, one row per layer, aligned. */
    public String format() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"node", "op", "observed range", "type", "SQNR dB", "max |err|"});
        for (Row r : rows) {
            double s = sqnr(r);
            cells.add(new String[] {r.node, r.op, r.range.toString(), ((FixedType) element(r.fixedValue)).spelling(),
                s == Double.POSITIVE_INFINITY ? "inf" : String.format(Locale.ROOT, "%.1f", s),
                String.format(Locale.ROOT, "%.3g", r.maxError)});
        }
        int[] w = new int[6];
        for (String[] c : cells) {
            for (int i = 0; i < 6; i++) {
                w[i] = Math.max(w[i], c[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] c : cells) {
            for (int i = 0; i < 6; i++) {
                boolean right = i >= 4;
                String pad = " ".repeat(w[i] - c[i].length());
                sb.append(right ? pad + c[i] : c[i] + (i < 5 ? pad : "")).append(i < 5 ? "  " : "");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
