package dev.nnc.cpu.runtime;

import java.util.Arrays;

/**
 * One axis of Resize over an [outer, in, inner] view: every output coordinate is a weighted sum
 * of input rows given by tap tables the builder computed (index -1: outside the input, the
 * extrapolation value). Sums run in double, as the reference does.
 */
public final class Resample {
    private Resample() {
    }

    public static void axis(float[] x, float[] y, int outer, int in, int inner, int out, int taps, int[] index,
                            float[] weight, float extrapolation) {
        for (int o = 0; o < outer; o++) {
            for (int p = 0; p < out; p++) {
                int dst = (o * out + p) * inner;
                int t0 = p * taps;
                if (index[t0] < 0) {
                    Arrays.fill(y, dst, dst + inner, extrapolation);
                    continue;
                }
                for (int i = 0; i < inner; i++) {
                    double acc = 0;
                    for (int j = 0; j < taps; j++) {
                        float w = weight[t0 + j];
                        if (w != 0) {
                            acc += w * x[(o * in + index[t0 + j]) * inner + i];
                        }
                    }
                    y[dst + i] = (float) acc;
                }
            }
        }
    }
}
