package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.KernelFamily;
import dev.nnc.ir.onnx.KernelTable;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.spec.OpVerifier;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimizer steps of {@code ai.onnx.preview.training}: {@code Adagrad}, {@code Adam} and
 * {@code Momentum} (standard or Nesterov). Each takes the learning rate R, the step count T and
 * {@code k} groups of n tensors (X, G and the optimizer state), and returns the new X and state
 * groups; tensor j of every group belongs to the same parameter. The formulas are the spec's.
 */
public final class TrainingKernels implements KernelFamily {
    /** Per-element update of one parameter: state values in group order, returns the output group values. */
    private interface Step {
        double[] apply(double r, long t, double x, double g, double[] state, OpAttributes a);
    }

    @Override
    public String table() {
        return "kernels/training.tsv";
    }

    @Override
    public void register(KernelTable t) {
        register(t, "Adagrad", 3, new int[] {0, 2}, TrainingKernels::adagrad);
        register(t, "Adam", 4, new int[] {0, 2, 3}, TrainingKernels::adam);
        register(t, "Momentum", 3, new int[] {0, 2}, TrainingKernels::momentum);
    }

    /**
     * Binds an op with {@code groups} input groups (X, G, state...) whose outputs are the input
     * groups listed in {@code outGroups} (X and the state), updated.
     */
    private static void register(KernelTable t, String op, int groups, int[] outGroups, Step step) {
        OpVerifier verify = (o, err) -> {
            int in = o.numOperands() - 2;
            if (in % groups != 0 || o.numResults() != in / groups * outGroups.length) {
                err.accept("takes R, T and " + groups + " groups of n tensors and gives " + outGroups.length
                        + " groups of n, but has " + o.numOperands() + " inputs and " + o.numResults() + " outputs");
            }
        };
        t.op("preview.training." + op, verify, ctx -> infer(ctx, groups, outGroups),
                ctx -> evaluate(ctx, groups, outGroups, step));
    }

    private static List<Type> infer(InferContext ctx, int groups, int[] outGroups) {
        int n = (ctx.operandTypes().size() - 2) / groups;
        List<Type> out = new ArrayList<>();
        for (int g : outGroups) {
            for (int j = 0; j < n; j++) {
                out.add(ctx.operandType(2 + g * n + j));
            }
        }
        return out;
    }

    private static List<Tensor> evaluate(EvalContext ctx, int groups, int[] outGroups, Step step) {
        int n = (ctx.numInputs() - 2) / groups;
        double r = ctx.input(0).toDoubles()[0];
        long t = ctx.input(1).toLongs()[0];
        Tensor[] outs = new Tensor[outGroups.length * n];
        for (int j = 0; j < n; j++) {
            Tensor x = ctx.input(2 + j);
            Tensor g = ctx.input(2 + n + j);
            Tensor[] state = new Tensor[groups - 2];
            for (int s = 0; s < state.length; s++) {
                state[s] = ctx.input(2 + (2 + s) * n + j);
                if (state[s].size() != x.size()) {
                    throw ctx.error("state tensor " + (2 + (2 + s) * n + j) + " does not match parameter " + (2 + j) + " in size");
                }
            }
            if (g.size() != x.size()) {
                throw ctx.error("gradient " + (2 + n + j) + " does not match parameter " + (2 + j) + " in size");
            }
            double[][] res = new double[outGroups.length][x.size()];
            double[] st = new double[state.length];
            double[] xs = x.toDoubles();
            double[] gs = g.toDoubles();
            double[][] ss = new double[state.length][];
            for (int s = 0; s < st.length; s++) {
                ss[s] = state[s].toDoubles();
            }
            for (int e = 0; e < xs.length; e++) {
                for (int s = 0; s < st.length; s++) {
                    st[s] = ss[s][e];
                }
                double[] v = step.apply(r, t, xs[e], gs[e], st, ctx.attrs());
                for (int o = 0; o < v.length; o++) {
                    res[o][e] = v[o];
                }
            }
            for (int o = 0; o < outGroups.length; o++) {
                Tensor like = ctx.input(2 + outGroups[o] * n + j);
                outs[o * n + j] = Tensor.ofDoubles(like.elementType(), like.shape(), res[o]);
            }
        }
        return List.of(outs);
    }

    private static double[] adagrad(double r, long t, double x, double g, double[] state, OpAttributes a) {
        double rate = r / (1 + t * a.getFloat("decay_factor", 0.0));
        double gr = a.getFloat("norm_coefficient", 0.0) * x + g;
        double h = state[0] + gr * gr;
        double xNew = x - rate * gr / (Math.sqrt(h) + a.getFloat("epsilon", 1e-6));
        return new double[] {xNew, h};
    }

    private static double[] adam(double r, long t, double x, double g, double[] state, OpAttributes a) {
        double alpha = a.getFloat("alpha", 0.9);
        double beta = a.getFloat("beta", 0.999);
        double gr = a.getFloat("norm_coefficient", 0.0) * x + g;
        double v = alpha * state[0] + (1 - alpha) * gr;
        double h = beta * state[1] + (1 - beta) * gr * gr;
        double rate = t > 0 ? r * Math.sqrt(1 - Math.pow(beta, t)) / (1 - Math.pow(alpha, t)) : r;
        double xNew = x - rate * (v / (Math.sqrt(h) + a.getFloat("epsilon", 1e-6)));
        return new double[] {(1 - a.getFloat("norm_coefficient_post", 0.0)) * xNew, v, h};
    }

    private static double[] momentum(double r, long t, double x, double g, double[] state, OpAttributes a) {
        double alpha = a.getFloat("alpha");
        double gr = a.getFloat("norm_coefficient") * x + g;
        double v = alpha * state[0] + (t > 0 ? a.getFloat("beta") : 1) * gr;
        String mode = a.getString("mode");
        if (!mode.equals("standard") && !mode.equals("nesterov")) {
            throw new NncException("Momentum mode must be 'standard' or 'nesterov', got '" + mode + "'");
        }
        boolean nesterov = mode.equals("nesterov");
        return new double[] {nesterov ? x - r * (gr + alpha * v) : x - r * v, v};
    }
}
