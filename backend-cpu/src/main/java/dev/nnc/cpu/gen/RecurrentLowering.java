package dev.nnc.cpu.gen;

import dev.nnc.cpu.Dtype;
import dev.nnc.cpu.gen.JavaModel.Call;
import dev.nnc.cpu.gen.JavaModel.KernelStep;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.NoneType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code LSTM}, {@code GRU} and {@code RNN} (f32 or f64) as a static {@code Recurrent} holding the
 * op's sizes and attributes, run once per call. The activation list is resolved here as the
 * interpreter does: names, then alpha and beta values taken in order by the functions that use them
 * (each function's default when the list runs out), one direction's list serving both directions.
 */
final class RecurrentLowering implements OpLowering {
    private static final Map<String, List<String>> DEFAULTS = Map.of("LSTM", List.of("Sigmoid", "Tanh", "Tanh"),
            "GRU", List.of("Sigmoid", "Tanh"), "RNN", List.of("Tanh"));
    private static final List<String> KNOWN = List.of("relu", "tanh", "sigmoid", "softsign", "softplus", "leakyrelu",
            "thresholdedrelu", "elu", "affine", "scaledtanh", "hardsigmoid");

    @Override
    public void lower(Operation op, LoweringContext ctx) {
        String kind = op.opName();
        OpAttributes a = ctx.attrs(op);
        Dtype type = ctx.dtype(op.operand(0), op);
        if (type != Dtype.F32 && type != Dtype.F64) {
            throw ctx.unsupported(op, "X must be f32 or f64");
        }
        int[] xs = ctx.shape(op.operand(0));
        int[] rs = ctx.shape(op.operand(2));
        String direction = a.getString("direction", "forward");
        int dirs = direction.equals("bidirectional") ? 2 : 1;
        if (!List.of("forward", "reverse", "bidirectional").contains(direction) || xs.length != 3 || rs.length != 3) {
            throw ctx.unsupported(op, "direction '" + direction + "' or operand ranks not supported");
        }
        boolean batchMajor = a.getInt("layout", 0) != 0;
        int seq = xs[batchMajor ? 1 : 0];
        int batch = xs[batchMajor ? 0 : 1];
        List<String> names = new ArrayList<>(a.getStrings("activations", List.of()));
        List<String> defaults = DEFAULTS.get(kind);
        if (names.isEmpty()) {
            for (int d = 0; d < dirs; d++) {
                names.addAll(defaults);
            }
        } else if (names.size() == defaults.size() && dirs == 2) {
            names.addAll(List.copyOf(names));
        }
        if (names.size() != defaults.size() * dirs) {
            throw ctx.unsupported(op, "activations lists " + names.size() + " functions");
        }
        double[] alphaList = a.getFloats("activation_alpha", new double[0]);
        double[] betaList = a.getFloats("activation_beta", new double[0]);
        int nextAlpha = 0;
        int nextBeta = 0;
        List<String> alphas = new ArrayList<>();
        List<String> betas = new ArrayList<>();
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(n)) {
                throw ctx.unsupported(op, "unknown activation function '" + name + "'");
            }
            double alpha = 1;
            double beta = 1;
            if (KNOWN.indexOf(n) >= 5) {
                alpha = nextAlpha < alphaList.length ? alphaList[nextAlpha++] : n.equals("leakyrelu") ? 0.01 : n.equals("hardsigmoid") ? 0.2 : 1;
            }
            if (KNOWN.indexOf(n) >= 8) {
                beta = nextBeta < betaList.length ? betaList[nextBeta++] : n.equals("hardsigmoid") ? 0.5 : n.equals("affine") ? 0 : 1;
            }
            alphas.add(Double.toString(alpha));
            betas.add(Double.toString(beta));
        }
        double clip = a.getFloat("clip", Double.NaN);
        boolean coupled = kind.equals("LSTM") ? a.getInt("input_forget", 0) != 0
                : kind.equals("GRU") && a.getInt("linear_before_reset", 0) != 0;
        String cell = ctx.staticName(op, "cell");
        ctx.addStatic(new JavaModel.StaticObject("Recurrent", cell, List.of("\"" + kind + "\"", dirs, seq, batch, xs[2],
                rs[2], batchMajor, direction.equals("reverse"), coupled,
                "new String[] {" + names.stream().map(s -> "\"" + s.toLowerCase(Locale.ROOT) + "\"").collect(Collectors.joining(", ")) + "}",
                "new double[] {" + String.join(", ", alphas) + "}", "new double[] {" + String.join(", ", betas) + "}",
                Double.isNaN(clip) ? "Double.NaN" : Double.toString(clip))));
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            args.add(ctx.readOptional(op, i));
        }
        for (int i = 0; i < 3; i++) {
            boolean present = i < op.numResults() && op.result(i).type() != NoneType.NONE
                    && (op.result(i).hasUses() || ctx.isOutput(op.result(i)));
            args.add(present ? ctx.writeTyped(op.result(i), op) : "null");
        }
        ctx.addStep(new KernelStep(ctx.method(op), ctx.describe(op), List.of(new Call(cell + ".run", args))));
    }
}
