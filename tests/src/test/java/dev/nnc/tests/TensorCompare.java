package dev.nnc.tests;

import dev.nnc.ir.tensor.Tensor;
import java.util.Arrays;

/**
 * Compares a computed tensor with a reference: same element type and shape, floats within
 * {@code |a - e| <= atol + rtol * |e|} (NaN matches NaN), everything else exactly. Returns a
 * one-line description of the difference, or null when they match.
 */
final class TensorCompare {
    private TensorCompare() {
    }

    static String mismatch(Tensor expected, Tensor actual, double rtol, double atol) {
        if (actual == null) {
            return "no value computed";
        }
        if (!expected.elementType().equals(actual.elementType())) {
            return "element type " + actual.elementType().spelling() + ", expected " + expected.elementType().spelling();
        }
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            return "shape " + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape());
        }
        if (expected.isStrings()) {
            return Arrays.equals(expected.strings(), actual.strings()) ? null : "string values differ";
        }
        if (!expected.isDoubles()) {
            long[] e = expected.longs();
            long[] a = actual.longs();
            for (int i = 0; i < e.length; i++) {
                if (e[i] != a[i]) {
                    return "element " + i + " is " + a[i] + ", expected " + e[i];
                }
            }
            return null;
        }
        double[] e = expected.doubles();
        double[] a = actual.doubles();
        int bad = 0;
        int first = -1;
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i]) ? Double.isNaN(a[i])
                    : e[i] == a[i] || Math.abs(a[i] - e[i]) <= atol + rtol * Math.abs(e[i]);
            if (!ok) {
                bad++;
                if (first < 0) {
                    first = i;
                }
                worst = Math.max(worst, Double.isNaN(a[i]) ? Double.POSITIVE_INFINITY : Math.abs(a[i] - e[i]));
            }
        }
        if (bad == 0) {
            return null;
        }
        return bad + " of " + e.length + " values differ (rtol " + rtol + ", atol " + atol + "); first at " + first
                + ": " + a[first] + " vs expected " + e[first] + "; largest difference " + worst;
    }
}
