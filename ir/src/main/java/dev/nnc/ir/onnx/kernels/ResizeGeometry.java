package dev.nnc.ir.onnx.kernels;

import java.util.Arrays;

/**
 * The output shape and per-axis scale of a Resize, from either scales or sizes, with optional axes
 * and keep_aspect_ratio_policy, exactly as the ONNX reference derives them: scales give
 * {@code floor(scale * dim)}; sizes give {@code scale = size / dim}, and under not_larger /
 * not_smaller one common scale with sizes rounded half up.
 *
 * @param outShape the full output shape
 * @param scales   the scale of every axis (1 for axes not resized)
 * @param active   which axes are resized (listed in axes, or all when axes is absent)
 */
public record ResizeGeometry(int[] outShape, double[] scales, boolean[] active) {

    /** Computes the geometry; {@code scales} or {@code sizes} (one per listed axis) must be non-null. */
    public static ResizeGeometry of(int[] in, double[] scales, long[] sizes, long[] axes, String policy) {
        int r = in.length;
        int[] ax = new int[axes == null ? r : axes.length];
        boolean[] active = new boolean[r];
        for (int i = 0; i < ax.length; i++) {
            ax[i] = axes == null ? i : ShapeArgs.axisOrMinus1(axes[i], r);
            if (ax[i] < 0 || active[ax[i]]) {
                throw new IllegalArgumentException("invalid or repeated axis in " + Arrays.toString(axes));
            }
            active[ax[i]] = true;
        }
        int given = scales != null ? scales.length : sizes.length;
        if (given != ax.length) {
            throw new IllegalArgumentException((scales != null ? "scales" : "sizes") + " has " + given
                    + " entries, expected " + ax.length);
        }
        int[] out = in.clone();
        double[] sc = new double[r];
        Arrays.fill(sc, 1.0);
        if (scales != null) {
            for (int i = 0; i < ax.length; i++) {
                if (!(scales[i] > 0)) {
                    throw new IllegalArgumentException("scales must be positive, got " + Arrays.toString(scales));
                }
                sc[ax[i]] = scales[i];
                out[ax[i]] = dim(Math.floor(scales[i] * in[ax[i]]));
            }
            return new ResizeGeometry(out, sc, active);
        }
        for (int i = 0; i < ax.length; i++) {
            if (sizes[i] < 0) {
                throw new IllegalArgumentException("sizes must not be negative, got " + Arrays.toString(sizes));
            }
            out[ax[i]] = Math.toIntExact(sizes[i]);
            sc[ax[i]] = (double) sizes[i] / in[ax[i]];
        }
        if (policy.equals("not_larger") || policy.equals("not_smaller")) {
            double common = policy.equals("not_larger") ? Double.MAX_VALUE : 0;
            for (int a : ax) {
                common = policy.equals("not_larger") ? Math.min(common, sc[a]) : Math.max(common, sc[a]);
            }
            for (int a : ax) {
                sc[a] = common;
                out[a] = dim(Math.floor(common * in[a] + 0.5));
            }
        } else if (!policy.equals("stretch")) {
            throw new IllegalArgumentException("unknown keep_aspect_ratio_policy '" + policy + "'");
        }
        return new ResizeGeometry(out, sc, active);
    }

    /** An output dimension; one past int range would otherwise saturate silently. */
    private static int dim(double v) {
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("output dimension " + (long) v + " is too large");
        }
        return (int) v;
    }
}
