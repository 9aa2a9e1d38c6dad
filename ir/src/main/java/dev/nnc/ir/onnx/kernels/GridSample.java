package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;

/**
 * {@code GridSample} over any number of spatial dimensions. A grid point (x, y[, z]) in [-1, 1]
 * maps to input pixel coordinates (by corners or by pixel centres); the value is interpolated
 * separably from 1, 2 or 4 taps per dimension, each tap read through the padding mode.
 */
final class GridSample {
    private enum Mode { NEAREST, LINEAR, CUBIC }

    private enum Padding { ZEROS, BORDER, REFLECTION }

    private GridSample() {
    }

    /**
     * The sampling set-up of one call: input spatial dims, their strides and element count, the
     * valid coordinate range [lo, hi] per axis, and the taps per axis of the interpolation mode.
     */
    private record Plan(Mode mode, Padding pad, boolean align, int[] dims, int[] strides, int plane,
            double[] lo, double[] hi, int taps) {
        int nd() {
            return dims.length;
        }
    }

    static Tensor run(EvalContext ctx) {
        Tensor x = ctx.input(0);
        Tensor grid = ctx.input(1);
        Plan plan = plan(ctx, x, grid);
        int nd = plan.nd();
        int n = x.dim(0);
        int c = x.dim(1);
        int[] outSpatial = new int[nd];
        for (int i = 0; i < nd; i++) {
            outSpatial[i] = grid.dim(i + 1);
        }
        int points = (int) Shapes.size(outSpatial);
        double[] in = x.toDoubles();
        double[] g = grid.toDoubles();
        double[] out = new double[n * c * points];
        int[][] index = new int[nd][plan.taps()];
        double[][] weight = new double[nd][plan.taps()];
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < points; p++) {
                locate(plan, g, (b * points + p) * nd, index, weight);
                for (int ch = 0; ch < c; ch++) {
                    out[(b * c + ch) * points + p] = interpolate(plan, in, (b * c + ch) * plan.plane(), index, weight);
                }
            }
        }
        int[] shape = new int[nd + 2];
        shape[0] = n;
        shape[1] = c;
        System.arraycopy(outSpatial, 0, shape, 2, nd);
        return Tensor.ofDoubles(x.elementType(), shape, out);
    }

    private static Plan plan(EvalContext ctx, Tensor x, Tensor grid) {
        int nd = x.rank() - 2;
        if (nd < 1 || grid.rank() != nd + 2 || grid.dim(nd + 1) != nd || grid.dim(0) != x.dim(0)) {
            throw ctx.error("grid must be [N, spatial..., " + nd + "] for input of rank " + x.rank());
        }
        Mode mode = switch (ctx.attrs().getString("mode", "linear")) {
            case "nearest" -> Mode.NEAREST;
            case "linear", "bilinear" -> Mode.LINEAR;
            case "cubic", "bicubic" -> Mode.CUBIC;
            default -> throw ctx.error("unknown mode '" + ctx.attrs().getString("mode") + "'");
        };
        Padding pad = switch (ctx.attrs().getString("padding_mode", "zeros")) {
            case "zeros" -> Padding.ZEROS;
            case "border" -> Padding.BORDER;
            case "reflection" -> Padding.REFLECTION;
            default -> throw ctx.error("unknown padding_mode '" + ctx.attrs().getString("padding_mode") + "'");
        };
        boolean align = ctx.attrs().getInt("align_corners", 0) != 0;
        int[] dims = new int[nd];
        double[] lo = new double[nd];
        double[] hi = new double[nd];
        for (int i = 0; i < nd; i++) {
            dims[i] = x.dim(i + 2);
            lo[i] = align ? 0 : -0.5;
            hi[i] = align ? dims[i] - 1 : dims[i] - 0.5;
        }
        int taps = mode == Mode.NEAREST ? 1 : mode == Mode.LINEAR ? 2 : 4;
        return new Plan(mode, pad, align, dims, Shapes.strides(dims), (int) Shapes.size(dims), lo, hi, taps);
    }

    /** The taps (input index and weight per axis) of the grid point whose coordinates start at {@code g[at]}. */
    private static void locate(Plan plan, double[] g, int at, int[][] index, double[][] weight) {
        int nd = plan.nd();
        int[] dims = plan.dims();
        for (int i = 0; i < nd; i++) {
            // grid holds (x, y, z): reversed relative to the input's spatial axes
            double v = g[at + (nd - 1 - i)];
            double u = plan.align() ? (v + 1) / 2 * (dims[i] - 1) : ((v + 1) * dims[i] - 1) / 2;
            if (plan.mode() == Mode.NEAREST) {
                u = Math.rint(u); // half to even in every rank, as the conformance data has it
            }
            if (u < plan.lo()[i] || u > plan.hi()[i]) {
                if (plan.pad() == Padding.BORDER) {
                    u = Math.max(0, Math.min(dims[i] - 1, u));
                } else if (plan.pad() == Padding.REFLECTION) {
                    u = reflect(u, plan.lo()[i], plan.hi()[i]);
                }
            }
            taps(plan.mode(), u, index[i], weight[i]);
        }
    }

    /** The weighted sum over every combination of taps of the channel plane starting at {@code base}. */
    private static double interpolate(Plan plan, double[] in, int base, int[][] index, double[][] weight) {
        int nd = plan.nd();
        int taps = plan.taps();
        int combos = (int) Math.pow(taps, nd);
        double acc = 0;
        for (int combo = 0; combo < combos; combo++) {
            int rest = combo;
            double w = 1;
            int at = base;
            boolean zero = false;
            for (int i = nd - 1; i >= 0; i--) {
                int t = rest % taps;
                rest /= taps;
                int k = pixel(index[i][t], plan.dims()[i], plan.lo()[i], plan.hi()[i], plan.pad());
                if (k < 0) {
                    zero = true;
                    break;
                }
                w *= weight[i][t];
                at += k * plan.strides()[i];
            }
            if (!zero) {
                acc += w * in[at];
            }
        }
        return acc;
    }

    private static void taps(Mode mode, double u, int[] index, double[] weight) {
        if (mode == Mode.NEAREST) {
            index[0] = (int) u;
            weight[0] = 1;
            return;
        }
        int x0 = (int) Math.floor(u);
        double f = u - x0;
        if (mode == Mode.LINEAR) {
            index[0] = x0;
            index[1] = x0 + 1;
            weight[0] = 1 - f;
            weight[1] = f;
            return;
        }
        double a = -0.75;
        double t = f + 1;
        weight[0] = ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
        weight[1] = ((a + 2) * f - (a + 3)) * f * f + 1;
        t = 1 - f;
        weight[2] = ((a + 2) * t - (a + 3)) * t * t + 1;
        t = 2 - f;
        weight[3] = ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
        for (int k = 0; k < 4; k++) {
            index[k] = x0 - 1 + k;
        }
    }

    /** The input index a tap reads, or -1 for a zero (zeros padding outside the input). */
    private static int pixel(int i, int d, double lo, double hi, Padding pad) {
        return switch (pad) {
            case ZEROS -> i >= 0 && i < d ? i : -1;
            case BORDER -> Math.max(0, Math.min(d - 1, i));
            case REFLECTION -> (int) reflect(i, lo, hi);
        };
    }

    /** Reflects x by the nearer border until it lies within [lo, hi]. */
    static double reflect(double x, double lo, double hi) {
        double range = hi - lo;
        if (x < lo) {
            double dx = lo - x;
            int n = (int) (dx / range);
            double r = dx - n * range;
            return n % 2 == 0 ? lo + r : hi - r;
        }
        if (x > hi) {
            double dx = x - hi;
            int n = (int) (dx / range);
            double r = dx - n * range;
            return n % 2 == 0 ? hi - r : lo + r;
        }
        return x;
    }
}
