package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * Copies where every output coordinate reads one input coordinate per axis ({@code maps[d][o]},
 * -1 = outside the input: the fill value): Pad in every mode, Slice and CenterCropPad. The maps
 * are built on every run from the op's operands, so pads, starts or ends may be values of the
 * model; values that would change the compiled result shape are an error.
 */
public final class AxisMaps {
    private AxisMaps() {
    }

    /** {@code y[o] = x[maps[0][o0], maps[1][o1], ...]}, or {@code fill[0]} (null: zero) where a map is -1. */
    public static void gather(Object x, int[] in, Object y, int[] out, int[][] maps, Object fill) {
        int rank = out.length;
        int total = Elements.product(out, 0, rank);
        if (total == 0) {
            return;
        }
        Object zero = fill != null ? fill : java.lang.reflect.Array.newInstance(y.getClass().getComponentType(), 1);
        int[][] offsets = new int[rank][];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            offsets[d] = new int[out[d]];
            for (int o = 0; o < out[d]; o++) {
                offsets[d][o] = maps[d][o] < 0 ? -1 : maps[d][o] * stride;
            }
            stride *= in[d];
        }
        int[] idx = new int[rank];
        for (int t = 0; t < total; t++) {
            int src = 0;
            for (int d = 0; d < rank && src >= 0; d++) {
                int off = offsets[d][idx[d]];
                src = off < 0 ? -1 : src + off;
            }
            if (src >= 0) {
                System.arraycopy(x, src, y, t, 1);
            } else {
                System.arraycopy(zero, 0, y, t, 1);
            }
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < out[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }

    /** Pad's maps for {@code mode} (constant, edge, reflect, wrap); pads [begin..., end...] over {@code axes} (null: all). */
    public static int[][] pad(String mode, int[] in, int[] out, Object padsArray, Object axesArray) {
        int r = in.length;
        long[] pads = Elements.longs(padsArray);
        long[] full = new long[2 * r];
        if (axesArray == null) {
            if (pads.length != 2 * r) {
                throw new ModelInputError("Pad: pads has " + pads.length + " entries for a rank-" + r + " input");
            }
            full = pads;
        } else {
            long[] axes = Elements.longs(axesArray);
            if (pads.length != 2 * axes.length) {
                throw new ModelInputError("Pad: pads has " + pads.length + " entries for " + axes.length + " axes");
            }
            for (int i = 0; i < axes.length; i++) {
                int a = Elements.axis(axes[i], r);
                full[a] = pads[i];
                full[a + r] = pads[i + axes.length];
            }
        }
        int[][] maps = new int[r][];
        for (int d = 0; d < r; d++) {
            if (in[d] + full[d] + full[d + r] != out[d]) {
                throw new ModelInputError("Pad: pads " + Arrays.toString(full) + " give another shape than "
                        + Arrays.toString(out) + ", which the model was compiled for");
            }
            maps[d] = new int[out[d]];
            for (int o = 0; o < out[d]; o++) {
                maps[d][o] = padSource(mode, o - full[d], in[d]);
            }
        }
        return maps;
    }

    /** The interpreter's rule (one definition of what edge, reflect and wrap read). */
    private static int padSource(String mode, long i, int d) {
        return dev.nnc.ir.onnx.kernels.PadKernels.source(mode, i, 0, d);
    }

    /** Slice's maps, with the clamping of the operator text (as the interpreter); null axes/steps: all axes, step 1. */
    public static int[][] slice(int[] in, int[] out, Object startsArray, Object endsArray, Object axesArray,
                                Object stepsArray) {
        int r = in.length;
        long[] starts = Elements.longs(startsArray);
        long[] ends = Elements.longs(endsArray);
        long[] axes = axesArray == null ? null : Elements.longs(axesArray);
        long[] steps = stepsArray == null ? null : Elements.longs(stepsArray);
        if (starts.length != ends.length || axes != null && axes.length != starts.length
                || steps != null && steps.length != starts.length) {
            throw new ModelInputError("Slice: starts, ends, axes and steps must have equal lengths");
        }
        int[][] maps = new int[r][];
        for (int i = 0; i < starts.length; i++) {
            int a = Elements.axis(axes == null ? i : axes[i], r);
            long step = steps == null ? 1 : steps[i];
            if (step == 0) {
                throw new ModelInputError("Slice: step must not be 0");
            }
            long d = in[a];
            long s = starts[i] < 0 ? starts[i] + d : starts[i];
            long e = ends[i] < 0 ? ends[i] + d : ends[i];
            long count;
            if (step > 0) {
                s = Math.max(0, Math.min(d, s));
                e = Math.max(0, Math.min(d, e));
                count = e > s ? (e - s - 1) / step + 1 : 0;
            } else {
                s = Math.max(0, Math.min(d - 1, s));
                e = Math.max(-1, Math.min(d - 1, e));
                count = s > e ? (s - e - 1) / -step + 1 : 0;
            }
            if (count != out[a]) {
                throw new ModelInputError("Slice: " + count + " elements along axis " + a
                        + ", but the model was compiled for " + out[a]);
            }
            if (maps[a] != null) {
                throw new ModelInputError("Slice: axis " + a + " is sliced twice");
            }
            maps[a] = new int[out[a]];
            for (int o = 0; o < count; o++) {
                maps[a][o] = (int) (s + o * step);
            }
        }
        for (int d = 0; d < r; d++) {
            if (maps[d] == null) {
                maps[d] = identity(in[d], out[d]);
            }
        }
        return maps;
    }

    /** CenterCropPad's maps: each axis centred (crop from, or pad around, the middle; odd remainders at the end). */
    public static int[][] centerCropPad(int[] in, int[] out) {
        int[][] maps = new int[in.length][];
        for (int d = 0; d < in.length; d++) {
            maps[d] = new int[out[d]];
            int shift = out[d] <= in[d] ? (in[d] - out[d]) / 2 : -((out[d] - in[d]) / 2);
            for (int o = 0; o < out[d]; o++) {
                int i = o + shift;
                maps[d][o] = i >= 0 && i < in[d] ? i : -1;
            }
        }
        return maps;
    }

    private static int[] identity(int in, int out) {
        if (in != out) {
            throw new ModelInputError("Slice: an axis not sliced changes size");
        }
        int[] m = new int[out];
        for (int o = 0; o < out; o++) {
            m[o] = o;
        }
        return m;
    }

    /** Compress's maps: along {@code axis} the positions whose condition is true (a shorter condition keeps none past its end). */
    public static int[][] compress(int[] in, int[] out, Object condition, int axis) {
        long[] cond = Elements.longs(condition);
        if (cond.length > in[axis]) {
            throw new ModelInputError("Compress: condition has " + cond.length + " entries for an axis of size " + in[axis]);
        }
        int[] kept = new int[cond.length];
        int n = 0;
        for (int i = 0; i < cond.length; i++) {
            if (cond[i] != 0) {
                kept[n++] = i;
            }
        }
        if (n != out[axis]) {
            throw new ModelInputError("Compress: " + n + " entries kept, but the model was compiled for " + out[axis]);
        }
        int[][] maps = new int[in.length][];
        for (int d = 0; d < in.length; d++) {
            maps[d] = d == axis ? java.util.Arrays.copyOf(kept, n) : identity(in[d], out[d]);
        }
        return maps;
    }

    /** Tile's maps: output coordinate o reads o mod the input's size; the repeats must give the compiled shape. */
    public static int[][] tile(int[] in, int[] out, Object repeatsArray) {
        long[] repeats = Elements.longs(repeatsArray);
        if (repeats.length != in.length) {
            throw new ModelInputError("Tile: " + repeats.length + " repeats for a rank-" + in.length + " input");
        }
        int[][] maps = new int[in.length][];
        for (int d = 0; d < in.length; d++) {
            if (in[d] * repeats[d] != out[d]) {
                throw new ModelInputError("Tile: repeats " + Arrays.toString(repeats) + " give another shape than "
                        + Arrays.toString(out) + ", which the model was compiled for");
            }
            maps[d] = new int[out[d]];
            for (int o = 0; o < out[d]; o++) {
                maps[d][o] = o % in[d];
            }
        }
        return maps;
    }
}
