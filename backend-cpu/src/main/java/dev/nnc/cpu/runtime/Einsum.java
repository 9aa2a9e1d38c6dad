package dev.nnc.cpu.runtime;

/**
 * ONNX {@code Einsum} as the interpreter runs it: one loop nest over the output labels, then the
 * summed ones; {@code strides[t * labels + l]} is how far input t moves per step of loop l (0 where
 * it lacks or broadcasts the label). Each product adds into its output element, in double for
 * float tensors and in long (wrapping) for integers.
 */
public final class Einsum {
    private Einsum() {
    }

    public static void apply(Object[] inputs, int[] size, int[] strides, int outCount, Object y) {
        int nl = size.length;
        int nIn = inputs.length;
        boolean floats = Elements.isFloat(inputs[0]);
        double[][] dv = new double[nIn][];
        long[][] lv = new long[nIn][];
        for (int t = 0; t < nIn; t++) {
            if (floats) {
                dv[t] = Elements.doubles(inputs[t]);
            } else {
                lv[t] = Elements.longs(inputs[t]);
            }
        }
        double[] outD = new double[outCount];
        long[] outL = new long[outCount];
        long total = 1;
        for (int s : size) {
            total *= s;
        }
        int inner = outCount == 0 ? 0 : (int) (total / outCount);
        int[] counter = new int[nl];
        int[] pos = new int[nIn];
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
                    pos[t] += strides[t * nl + d];
                }
                if (counter[d] < size[d]) {
                    break;
                }
                for (int t = 0; t < nIn; t++) {
                    pos[t] -= strides[t * nl + d] * counter[d];
                }
                counter[d] = 0;
            }
        }
        if (floats) {
            Elements.store(outD, y);
        } else {
            Elements.store(outL, y);
        }
    }
}
