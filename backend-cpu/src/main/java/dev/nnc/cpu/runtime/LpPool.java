package dev.nnc.cpu.runtime;

/**
 * ONNX {@code LpPool} and {@code GlobalLpPool}: {@code (Σ |x|^p)^(1/p)} over each window (padding
 * adds nothing), in double as the interpreter computes.
 */
public final class LpPool {
    private LpPool() {
    }

    public static void apply(Window3 win, int planes, double p, float[] x, float[] y) {
        int[] in = win.in();
        int[] out = win.out();
        int[] k = win.kernel();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] pb = win.padBegin();
        for (int pl = 0; pl < planes; pl++) {
            int xOff = pl * win.inSize();
            int yi = pl * win.outSize();
            for (int o0 = 0; o0 < out[0]; o0++) {
                for (int o1 = 0; o1 < out[1]; o1++) {
                    for (int o2 = 0; o2 < out[2]; o2++, yi++) {
                        double acc = 0;
                        for (int k0 = 0; k0 < k[0]; k0++) {
                            int i0 = o0 * s[0] - pb[0] + k0 * d[0];
                            for (int k1 = 0; k1 < k[1] && i0 >= 0 && i0 < in[0]; k1++) {
                                int i1 = o1 * s[1] - pb[1] + k1 * d[1];
                                for (int k2 = 0; k2 < k[2] && i1 >= 0 && i1 < in[1]; k2++) {
                                    int i2 = o2 * s[2] - pb[2] + k2 * d[2];
                                    if (i2 >= 0 && i2 < in[2]) {
                                        acc += Math.pow(Math.abs(x[xOff + (i0 * in[1] + i1) * in[2] + i2]), p);
                                    }
                                }
                            }
                        }
                        y[yi] = (float) Math.pow(acc, 1.0 / p);
                    }
                }
            }
        }
    }

    public static void global(int planes, int spatial, double p, float[] x, float[] y) {
        for (int pl = 0; pl < planes; pl++) {
            double acc = 0;
            for (int i = pl * spatial; i < (pl + 1) * spatial; i++) {
                acc += Math.pow(Math.abs(x[i]), p);
            }
            y[pl] = (float) Math.pow(acc, 1.0 / p);
        }
    }
}
