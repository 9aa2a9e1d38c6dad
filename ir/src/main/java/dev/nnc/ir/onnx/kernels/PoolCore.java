package dev.nnc.ir.onnx.kernels;

/**
 * The loops of windowed pooling on flat arrays, spatial dims viewed as 3-D ({@link Window#as3d}).
 * Taps outside the input are skipped; for averages with {@code count_include_pad} the divisor
 * also counts taps in the explicit padding (but not the extra ceil-mode overhang).
 */
final class PoolCore {
    private PoolCore() {
    }

    enum Kind { MAX, AVERAGE, LP }

    /**
     * Pools {@code planes} planes of x; for MAX with {@code argmax != null} also writes the flat
     * index of the first maximum within the plane (row-major, or column-major when
     * {@code columnMajor}), plus {@code plane * inPlaneSize}.
     */
    static double[] pool(double[] x, int planes, Window w, Kind kind, boolean countIncludePad, double p,
            long[] argmax, boolean columnMajor, int[] origIn) {
        int[] in = w.in();
        int[] k = w.kernel();
        int[] o = w.out();
        int[] s = w.strides();
        int[] d = w.dilations();
        int[] pb = w.padBegin();
        int[] pe = w.padEnd();
        int inSp = in[0] * in[1] * in[2];
        int outSp = o[0] * o[1] * o[2];
        double[] y = new double[planes * outSp];
        for (int pl = 0; pl < planes; pl++) {
            int xOff = pl * inSp;
            int yi = pl * outSp;
            for (int o0 = 0; o0 < o[0]; o0++) {
                for (int o1 = 0; o1 < o[1]; o1++) {
                    for (int o2 = 0; o2 < o[2]; o2++, yi++) {
                        double acc = kind == Kind.MAX ? Double.NEGATIVE_INFINITY : 0;
                        int best = -1;
                        int valid = 0;
                        int padded = 0;
                        for (int k0 = 0; k0 < k[0]; k0++) {
                            int i0 = o0 * s[0] - pb[0] + k0 * d[0];
                            boolean in0 = i0 >= 0 && i0 < in[0];
                            boolean pad0 = i0 < in[0] + pe[0];
                            for (int k1 = 0; k1 < k[1]; k1++) {
                                int i1 = o1 * s[1] - pb[1] + k1 * d[1];
                                boolean in1 = in0 && i1 >= 0 && i1 < in[1];
                                boolean pad1 = pad0 && i1 < in[1] + pe[1];
                                for (int k2 = 0; k2 < k[2]; k2++) {
                                    int i2 = o2 * s[2] - pb[2] + k2 * d[2];
                                    if (pad1 && i2 < in[2] + pe[2]) {
                                        padded++;
                                    }
                                    if (!in1 || i2 < 0 || i2 >= in[2]) {
                                        continue;
                                    }
                                    int idx = (i0 * in[1] + i1) * in[2] + i2;
                                    double v = x[xOff + idx];
                                    valid++;
                                    switch (kind) {
                                        case MAX -> {
                                            if (v > acc || best < 0 && !(v < acc)) {
                                                acc = v;
                                                best = idx;
                                            }
                                        }
                                        case AVERAGE -> acc += v;
                                        case LP -> acc += Math.pow(Math.abs(v), p);
                                    }
                                }
                            }
                        }
                        y[yi] = switch (kind) {
                            case MAX -> acc;
                            case AVERAGE -> acc / (countIncludePad ? padded : valid);
                            case LP -> Math.pow(acc, 1.0 / p);
                        };
                        if (argmax != null) {
                            argmax[yi] = (long) pl * inSp + (columnMajor ? columnMajor(best, in, origIn.length) : best);
                        }
                    }
                }
            }
        }
        return y;
    }

    /** A row-major index within a 3-D-viewed plane re-expressed column-major over the real spatial dims. */
    private static int columnMajor(int idx, int[] in, int rank) {
        if (idx < 0) {
            return idx;
        }
        int[] c = {idx / (in[1] * in[2]), idx / in[2] % in[1], idx % in[2]};
        int r = 0;
        int mul = 1;
        for (int dim = 3 - rank; dim < 3; dim++) {
            r += c[dim] * mul;
            mul *= in[dim];
        }
        return r;
    }
}
