package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The activation functions of the recurrent ops ({@code activations}, {@code activation_alpha},
 * {@code activation_beta}). Names are matched ignoring case; alpha and beta values are taken in
 * order by the functions that use them (as onnxruntime does), the function's default when the list
 * runs out. A list naming one direction's functions serves both directions of a bidirectional op.
 */
final class RnnActivations {
    private RnnActivations() {
    }

    /** The functions for each direction: {@code result[dir][k]} is the k-th function of that direction. */
    static DoubleUnaryOperator[][] resolve(EvalContext ctx, int dirs, List<String> defaults) {
        List<String> names = ctx.attrs().getStrings("activations", null);
        int per = defaults.size();
        if (names == null || names.isEmpty()) {
            names = new ArrayList<>();
            for (int d = 0; d < dirs; d++) {
                names.addAll(defaults);
            }
        } else if (names.size() == per && dirs == 2) {
            List<String> both = new ArrayList<>(names);
            both.addAll(names);
            names = both;
        }
        if (names.size() != per * dirs) {
            throw ctx.error("activations lists " + names.size() + " functions, expected " + per * dirs);
        }
        double[] alphas = ctx.attrs().getFloats("activation_alpha", new double[0]);
        double[] betas = ctx.attrs().getFloats("activation_beta", new double[0]);
        int[] next = {0, 0};
        double clip = ctx.attrs().getFloat("clip", Double.NaN);
        DoubleUnaryOperator[][] out = new DoubleUnaryOperator[dirs][per];
        for (int i = 0; i < names.size(); i++) {
            DoubleUnaryOperator f = function(ctx, names.get(i), alphas, betas, next);
            out[i / per][i % per] = Double.isNaN(clip) ? f : clipped(f, clip);
        }
        return out;
    }

    /** Clip bounds the input of every activation to [-clip, clip]. */
    private static DoubleUnaryOperator clipped(DoubleUnaryOperator f, double clip) {
        return x -> f.applyAsDouble(Math.max(-clip, Math.min(clip, x)));
    }

    private static DoubleUnaryOperator function(EvalContext ctx, String name, double[] alphas, double[] betas, int[] next) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "relu":
                return x -> Math.max(x, 0);
            case "tanh":
                return Math::tanh;
            case "sigmoid":
                return RnnActivations::sigmoid;
            case "softsign":
                return x -> x / (1 + Math.abs(x));
            case "softplus":
                return x -> Math.log1p(Math.exp(x));
            default:
                break;
        }
        double alpha = next[0] < alphas.length ? alphas[next[0]++] : defaultAlpha(n);
        switch (n) {
            case "leakyrelu":
                return x -> x >= 0 ? x : alpha * x;
            case "thresholdedrelu":
                return x -> x > alpha ? x : 0;
            case "elu":
                return x -> x >= 0 ? x : alpha * (Math.exp(x) - 1);
            default:
                break;
        }
        double beta = next[1] < betas.length ? betas[next[1]++] : defaultBeta(n);
        switch (n) {
            case "affine":
                return x -> alpha * x + beta;
            case "scaledtanh":
                return x -> alpha * Math.tanh(beta * x);
            case "hardsigmoid":
                return x -> Math.max(0, Math.min(1, alpha * x + beta));
            default:
                throw ctx.error("unknown activation function '" + name + "'");
        }
    }

    private static double defaultAlpha(String n) {
        return switch (n) {
            case "leakyrelu" -> 0.01;
            case "hardsigmoid" -> 0.2;
            default -> 1.0;
        };
    }

    private static double defaultBeta(String n) {
        return switch (n) {
            case "hardsigmoid" -> 0.5;
            case "affine" -> 0.0;
            default -> 1.0;
        };
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
