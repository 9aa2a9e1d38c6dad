package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code Einsum}: parses the equation (explicit {@code ->} or implicit output, {@code ...}
 * broadcast dims, repeated labels for diagonals) and sums the products over every label not in
 * the output. Labels are numbered: letters by character, the ellipsis dims as 128 + position.
 * {@link #parse} is public for the CPU backend, which plans the same loop nest at build time.
 */
public final class Einsum {
    private Einsum() {
    }

    /** The parsed equation: each input's labels per dim, the output's labels, and every label's size. */
    public record Spec(List<int[]> inputs, int[] output, int[] sizeOf) {
    }

    public static Spec parse(String op, String equation, List<int[]> shapes) {
        String eq = equation.replace(" ", "");
        int arrow = eq.indexOf("->");
        String lhs = arrow < 0 ? eq : eq.substring(0, arrow);
        String[] terms = lhs.split(",", -1);
        if (terms.length != shapes.size()) {
            throw new NncException(op + ": equation '" + equation + "' has " + terms.length + " inputs, got " + shapes.size());
        }
        int ellRank = 0;
        for (int t = 0; t < terms.length; t++) {
            if (terms[t].contains("...")) {
                ellRank = Math.max(ellRank, shapes.get(t).length - (terms[t].length() - 3));
            }
        }
        int[] sizeOf = new int[128 + ellRank];
        java.util.Arrays.fill(sizeOf, -1);
        List<int[]> inputs = new ArrayList<>();
        int[] count = new int[128];
        for (int t = 0; t < terms.length; t++) {
            int[] shape = shapes.get(t);
            int[] labels = labels(op, terms[t], shape.length, ellRank);
            for (int i = 0; i < labels.length; i++) {
                int l = labels[i];
                if (l < 128) {
                    count[l]++;
                }
                if (sizeOf[l] == -1 || sizeOf[l] == 1) {
                    sizeOf[l] = shape[i];
                } else if (shape[i] != sizeOf[l] && shape[i] != 1) {
                    throw new NncException(op + ": label sizes disagree in '" + equation + "'");
                }
            }
            inputs.add(labels);
        }
        int[] output;
        if (arrow >= 0) {
            String rhs = eq.substring(arrow + 2);
            int rank = rhs.contains("...") ? rhs.length() - 3 + ellRank : rhs.length();
            output = labels(op, rhs, rank, ellRank);
        } else {
            TreeSet<Integer> once = new TreeSet<>();
            for (int c = 0; c < 128; c++) {
                if (count[c] == 1) {
                    once.add(c);
                }
            }
            output = new int[ellRank + once.size()];
            for (int i = 0; i < ellRank; i++) {
                output[i] = 128 + i;
            }
            int at = ellRank;
            for (int c : once) {
                output[at++] = c;
            }
        }
        for (int l : output) {
            if (sizeOf[l] < 0) {
                throw new NncException(op + ": output label not in any input of '" + equation + "'");
            }
        }
        for (int l = 128; l < sizeOf.length; l++) {
            if (sizeOf[l] < 0) {
                sizeOf[l] = 1;
            }
        }
        return new Spec(inputs, output, sizeOf);
    }

    /** Labels of one term for a tensor of the given rank; ellipsis dims right-aligned to ellRank. */
    private static int[] labels(String op, String term, int rank, int ellRank) {
        int[] out = new int[rank];
        int e = term.indexOf("...");
        String before = e < 0 ? term : term.substring(0, e);
        String after = e < 0 ? "" : term.substring(e + 3);
        int ell = rank - before.length() - after.length();
        if (ell < 0 || (e < 0 && ell != 0)) {
            throw new NncException(op + ": term '" + term + "' does not match rank " + rank);
        }
        int at = 0;
        for (char c : before.toCharArray()) {
            out[at++] = letter(op, c);
        }
        for (int i = 0; i < ell; i++) {
            out[at++] = 128 + ellRank - ell + i;
        }
        for (char c : after.toCharArray()) {
            out[at++] = letter(op, c);
        }
        return out;
    }

    private static int letter(String op, char c) {
        if (!Character.isLetter(c) || c >= 128) {
            throw new NncException(op + ": bad label '" + c + "' in equation");
        }
        return c;
    }

    /**
     * The loop nest of one contraction: loops over the output labels first, then the summed ones;
     * {@code size[l]} is loop l's extent and {@code strides[t][l]} how far input t moves per step
     * of it (0 for labels t lacks or broadcasts). {@code inner} is the count of summed iterations.
     */
    /**
     * The loop nest of an equation: loop sizes (output labels first), each input's stride per loop
     * (0 where it does not take part or broadcasts), the output shape and element count, and the
     * number of summed positions per output. The CPU backend generates its Einsum from this too.
     */
    public record LoopPlan(int[] size, int[][] strides, int[] outShape, int outCount, int inner) {
    }

    static List<Tensor> evaluate(EvalContext ctx) {
        String op = ctx.op().name();
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : ctx.inputs()) {
            shapes.add(t.shape());
        }
        LoopPlan plan = loopPlan(parse(op, ctx.attrs().getString("equation"), shapes), shapes);
        int nIn = ctx.numInputs();
        ElementType e = ctx.input(0).elementType();
        boolean floats = e.isFloat();
        double[][] dv = new double[nIn][];
        long[][] lv = new long[nIn][];
        for (int t = 0; t < nIn; t++) {
            if (floats) {
                dv[t] = NnUtil.values(ctx.input(t));
            } else {
                lv[t] = NnUtil.longs(ctx.input(t));
            }
        }
        double[] outD = new double[plan.outCount()];
        long[] outL = new long[plan.outCount()];
        accumulate(plan, dv, lv, outD, outL);
        return List.of(floats ? Tensor.ofDoubles(e, plan.outShape(), outD) : Tensor.ofLongs(e, plan.outShape(), outL));
    }

    public static LoopPlan loopPlan(Spec s, List<int[]> shapes) {
        List<Integer> loop = new ArrayList<>();
        for (int l : s.output()) {
            loop.add(l);
        }
        for (int[] in : s.inputs()) {
            for (int l : in) {
                if (!loop.contains(l)) {
                    loop.add(l);
                }
            }
        }
        int nl = loop.size();
        int[] size = new int[nl];
        for (int i = 0; i < nl; i++) {
            size[i] = s.sizeOf()[loop.get(i)];
        }
        int nIn = shapes.size();
        int[][] strides = new int[nIn][nl];
        for (int t = 0; t < nIn; t++) {
            int[] shape = shapes.get(t);
            int[] st = dev.nnc.ir.tensor.Shapes.strides(shape);
            int[] labels = s.inputs().get(t);
            for (int d = 0; d < labels.length; d++) {
                if (shape[d] != 1 || size[loop.indexOf(labels[d])] == 1) {
                    strides[t][loop.indexOf(labels[d])] += st[d];
                }
            }
        }
        int[] outShape = Arrays.copyOf(size, s.output().length);
        return new LoopPlan(size, strides, outShape, NnUtil.product(size, 0, outShape.length),
                NnUtil.product(size, outShape.length, nl));
    }

    /** Runs the loop nest, adding each product of input elements into its output element (dv for floats, else lv). */
    private static void accumulate(LoopPlan plan, double[][] dv, long[][] lv, double[] outD, long[] outL) {
        accumulate(plan.size(), plan.strides(), plan.outCount(), plan.inner(), dv, lv, outD, outL);
    }

    /**
     * The loop nest: output labels outer, summed labels inner ({@code inner} steps per output
     * element); {@code strides[t][l]} is how far input t moves per step of loop l. Products add
     * into {@code outD} (float inputs, {@code dv} given) or {@code outL} (integers, wrapping). The
     * CPU backend's Einsum runs it too.
     */
    public static void accumulate(int[] size, int[][] strides, int outCount, int inner, double[][] dv, long[][] lv,
                                  double[] outD, long[] outL) {
        int nl = size.length;
        int nIn = strides.length;
        boolean floats = dv[0] != null;
        int[] counter = new int[nl];
        int[] pos = new int[nIn];
        long total = (long) outCount * inner;
        for (long it = 0; it < total; it++) {
            int o = (int) (it / inner);
            if (floats) {
                double p = 1;
                for (int t = 0; t < nIn; t++) {
                    p *= dv[t][pos[t]];
                }
                outD[o] += p;
            } else {
                long p = 1;
                for (int t = 0; t < nIn; t++) {
                    p *= lv[t][pos[t]];
                }
                outL[o] += p;
            }
            for (int d = nl - 1; d >= 0; d--) {
                counter[d]++;
                for (int t = 0; t < nIn; t++) {
                    pos[t] += strides[t][d];
                }
                if (counter[d] < size[d]) {
                    break;
                }
                for (int t = 0; t < nIn; t++) {
                    pos[t] -= strides[t][d] * counter[d];
                }
                counter[d] = 0;
            }
        }
    }

    static Type inferType(InferContext ctx) {
        ElementType e = Infer.elementType(ctx.operandType(0));
        if (e == null) {
            return null;
        }
        List<int[]> shapes = new ArrayList<>();
        for (Type t : ctx.operandTypes()) {
            int[] s = NnUtil.shape(t);
            if (s == null) {
                return TensorType.unranked(e);
            }
            shapes.add(s);
        }
        Spec s = parse(ctx.op().name(), ctx.attrs().getString("equation"), shapes);
        int[] out = new int[s.output().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.sizeOf()[s.output()[i]];
        }
        return TensorType.of(e, out);
    }
}
