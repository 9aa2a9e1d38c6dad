package dev.nnc.cpu.runtime;

/**
 * ArgMax and ArgMin over the middle axis of an [outer, n, inner] view: the first index of the
 * extreme value, or the last one when {@code last} (ONNX {@code select_last_index}).
 */
public final class ArgReduce {
    private ArgReduce() {
    }

    public static void argmax(float[] x, long[] out, int outer, int n, int inner, boolean last) {
        arg(x, out, outer, n, inner, last, 1);
    }

    public static void argmin(float[] x, long[] out, int outer, int n, int inner, boolean last) {
        arg(x, out, outer, n, inner, last, -1);
    }

    private static void arg(float[] x, long[] out, int outer, int n, int inner, boolean last, int sign) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                float best = x[base];
                int at = 0;
                for (int k = 1; k < n; k++) {
                    float v = x[base + k * inner];
                    float c = sign > 0 ? Float.compare(v, best) : Float.compare(best, v);
                    if (c > 0 || c == 0 && last) {
                        best = v;
                        at = k;
                    }
                }
                out[o * inner + i] = at;
            }
        }
    }

    public static void argmax(long[] x, long[] out, int outer, int n, int inner, boolean last) {
        arg(x, out, outer, n, inner, last, 1);
    }

    public static void argmin(long[] x, long[] out, int outer, int n, int inner, boolean last) {
        arg(x, out, outer, n, inner, last, -1);
    }

    private static void arg(long[] x, long[] out, int outer, int n, int inner, boolean last, int sign) {
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                long best = x[base];
                int at = 0;
                for (int k = 1; k < n; k++) {
                    long v = x[base + k * inner];
                    int c = sign > 0 ? Long.compare(v, best) : Long.compare(best, v);
                    if (c > 0 || c == 0 && last) {
                        best = v;
                        at = k;
                    }
                }
                out[o * inner + i] = at;
            }
        }
    }
}
