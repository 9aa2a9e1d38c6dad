package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * Unfolds the input windows of a convolution into a matrix [C*K, outSpatial], so the layer
 * becomes one GEMM with the weights [M, C*K] (the ONNX weight layout already is that matrix).
 * Row c*K + r holds tap r of channel c at every output position (0 where it reads padding). Float
 * arrays, and the int or long arrays of fixed-point raws ({@link QConv}), alike.
 */
final class Im2col {
    private Im2col() {
    }

    /** Fills {@code cols} from {@code channels} input channels of x starting at {@code xOff}. */
    static void fill(Window3 win, Object x, int xOff, int channels, Object cols, Parallel par) {
        int[] k = win.kernel();
        int ks = win.kernelSize();
        int outSp = win.outSize();
        par.forRange(channels * ks, outSp, (from, to) -> {
            for (int row = from; row < to; row++) {
                int c = row / ks;
                int r = row % ks;
                fillRow(win, x, xOff + c * win.inSize(), r / (k[1] * k[2]), r / k[2] % k[1], r % k[2], cols, row * outSp);
            }
        });
    }

    private static void fillRow(Window3 win, Object x, int xOff, int k0, int k1, int k2, Object cols, int rowOff) {
        int[] in = win.in();
        int[] out = win.out();
        int[] s = win.strides();
        int[] d = win.dilations();
        int[] p = win.padBegin();
        if (cols instanceof float[] f) {
            Arrays.fill(f, rowOff, rowOff + win.outSize(), 0f);
        } else {
            QArrays.fill(cols, rowOff, rowOff + win.outSize());
        }
        int o2From = win.firstValid(2, k2);
        int o2To = win.endValid(2, k2);
        for (int o0 = win.firstValid(0, k0); o0 < win.endValid(0, k0); o0++) {
            int i0 = o0 * s[0] - p[0] + k0 * d[0];
            for (int o1 = win.firstValid(1, k1); o1 < win.endValid(1, k1); o1++) {
                int i1 = o1 * s[1] - p[1] + k1 * d[1];
                int xr = xOff + (i0 * in[1] + i1) * in[2] - p[2] + k2 * d[2];
                int cr = rowOff + (o0 * out[1] + o1) * out[2];
                if (s[2] == 1) {
                    System.arraycopy(x, xr + o2From, cols, cr + o2From, o2To - o2From);
                } else if (x instanceof float[] xf) {
                    float[] cf = (float[]) cols;
                    for (int o2 = o2From; o2 < o2To; o2++) {
                        cf[cr + o2] = xf[xr + o2 * s[2]];
                    }
                } else {
                    for (int o2 = o2From; o2 < o2To; o2++) {
                        QArrays.set(cols, cr + o2, QArrays.get(x, xr + o2 * s[2]));
                    }
                }
            }
        }
    }
}
