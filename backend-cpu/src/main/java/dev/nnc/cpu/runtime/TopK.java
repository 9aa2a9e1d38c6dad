package dev.nnc.cpu.runtime;

import java.util.Arrays;
import java.util.Comparator;

/**
 * ONNX {@code TopK}: along one axis of an [outer, n, inner] view, the k largest (or smallest)
 * values, sorted, with their indices; a stable sort keeps equal values in index order and NaN
 * counts as the largest value, as in the interpreter.
 */
public final class TopK {
    private TopK() {
    }

    public static void apply(Object x, int outer, int n, int inner, int k, boolean largest, Object values,
                             long[] indices) {
        Comparator<Integer> asc;
        if (Elements.isFloat(x)) {
            double[] d = Elements.doubles(x);
            asc = (p, q) -> Double.compare(d[p] == 0 ? 0.0 : d[p], d[q] == 0 ? 0.0 : d[q]);
        } else {
            long[] l = Elements.longs(x);
            asc = (p, q) -> Long.compare(l[p], l[q]);
        }
        Comparator<Integer> order = largest ? asc.reversed() : asc;
        Integer[] line = new Integer[n];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                for (int s = 0; s < n; s++) {
                    line[s] = base + s * inner;
                }
                Arrays.sort(line, order);
                for (int s = 0; s < k; s++) {
                    int at = (o * k + s) * inner + i;
                    indices[at] = (line[s] - base) / inner;
                    System.arraycopy(x, line[s], values, at, 1);
                }
            }
        }
    }
}
