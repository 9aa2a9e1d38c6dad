package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.spec.OpAttributes;
import java.util.Arrays;

/**
 * Geometry of a sliding window over the spatial dims of an N x C x D1 x ... tensor, shared by
 * convolution, pooling and their type inference: kernel, strides, dilations, the begin/end
 * padding actually applied (after {@code auto_pad}) and the output size. Output position
 * {@code o} of a dim reads input positions {@code o*stride - padBegin + k*dilation}.
 */
public record Window(int[] in, int[] kernel, int[] strides, int[] dilations, int[] padBegin, int[] padEnd, int[] out) {

    public int rank() {
        return in.length;
    }

    public int outSize() {
        int n = 1;
        for (int o : out) {
            n *= o;
        }
        return n;
    }

    public int kernelSize() {
        int n = 1;
        for (int k : kernel) {
            n *= k;
        }
        return n;
    }

    /**
     * The window of a conv/pool op from its attributes ({@code auto_pad}, {@code strides},
     * {@code dilations}, {@code pads}, {@code ceil_mode}) for the given input spatial shape and
     * kernel. Conv-style SAME padding never goes negative.
     */
    public static Window of(String op, OpAttributes a, int[] in, int[] kernel, boolean ceilMode) {
        int r = in.length;
        int[] s = ints(op, a, "strides", r, 1);
        int[] d = ints(op, a, "dilations", r, 1);
        String autoPad = a.getString("auto_pad", "NOTSET");
        int[] pb = new int[r];
        int[] pe = new int[r];
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            if (kernel[i] <= 0 || s[i] <= 0 || d[i] <= 0) {
                throw new NncException(op + ": kernel, strides and dilations must be positive");
            }
        }
        switch (autoPad) {
            case "SAME_UPPER", "SAME_LOWER" -> {
                for (int i = 0; i < r; i++) {
                    out[i] = ceilDiv(in[i], s[i]);
                    int total = Math.max(0, (out[i] - 1) * s[i] + (kernel[i] - 1) * d[i] + 1 - in[i]);
                    pb[i] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                    pe[i] = total - pb[i];
                }
            }
            case "VALID" -> {
                for (int i = 0; i < r; i++) {
                    out[i] = Math.floorDiv(in[i] - ((kernel[i] - 1) * d[i] + 1), s[i]) + 1;
                }
            }
            case "NOTSET" -> {
                int[] p = ints(op, a, "pads", 2 * r, 0);
                for (int i = 0; i < r; i++) {
                    pb[i] = p[i];
                    pe[i] = p[i + r];
                    int span = in[i] + pb[i] + pe[i] - ((kernel[i] - 1) * d[i] + 1);
                    if (ceilMode) {
                        out[i] = ceilDiv(span, s[i]) + 1;
                        // the last window must start inside the input or its begin padding
                        if ((out[i] - 1) * s[i] >= in[i] + pb[i]) {
                            out[i]--;
                        }
                    } else {
                        out[i] = Math.floorDiv(span, s[i]) + 1;
                    }
                }
            }
            default -> throw new NncException(op + ": unknown auto_pad '" + autoPad + "'");
        }
        for (int i = 0; i < r; i++) {
            if (out[i] < 0) {
                throw new NncException(op + ": window " + Arrays.toString(kernel) + " does not fit input " + Arrays.toString(in));
            }
        }
        return new Window(in, kernel, s, d, pb, pe, out);
    }

    /** The same window with leading unit dims so that it has rank 3 (the loops are written for 3). */
    public Window as3d(String op) {
        int r = rank();
        if (r > 3) {
            throw new NncException(op + ": more than 3 spatial dimensions are not supported");
        }
        return new Window(pad3(in, 1), pad3(kernel, 1), pad3(strides, 1), pad3(dilations, 1),
                pad3(padBegin, 0), pad3(padEnd, 0), pad3(out, 1));
    }

    private static int[] pad3(int[] v, int fill) {
        int[] r = new int[3];
        Arrays.fill(r, fill);
        System.arraycopy(v, 0, r, 3 - v.length, v.length);
        return r;
    }

    /** An ints attribute of the expected length as ints, {@code dflt} everywhere when absent. */
    static int[] ints(String op, OpAttributes a, String name, int len, int dflt) {
        long[] v = a.getInts(name, null);
        int[] r = new int[len];
        if (v == null || v.length == 0) {
            Arrays.fill(r, dflt);
            return r;
        }
        if (v.length != len) {
            throw new NncException(op + ": attribute '" + name + "' has " + v.length + " values, expected " + len);
        }
        for (int i = 0; i < len; i++) {
            r[i] = Math.toIntExact(v[i]);
        }
        return r;
    }

    static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
