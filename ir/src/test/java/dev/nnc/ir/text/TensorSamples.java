package dev.nnc.ir.text;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;

/** Tensors of every element type whose values hit the edges: extremes, negative zero, NaN, odd strings. */
final class TensorSamples {
    private TensorSamples() {
    }

    static Tensor of(ElementType e, int n) {
        int[] shape = {n};
        if (e == StringType.STR) {
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                s[i] = switch (i % 4) {
                    case 0 -> "";
                    case 1 -> "q\"uote\\";
                    case 2 -> "new\nline";
                    default -> "ünï 中 " + i;
                };
            }
            return Tensor.ofStrings(shape, s);
        }
        if (e instanceof FloatType ft) {
            double[] edge = {-0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-45, 3.4e38, 0.1};
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = i < edge.length ? edge[i] : Math.sin(i) * Math.pow(10, i % 9 - 4);
            }
            return Tensor.ofDoubles(ft, shape, d);
        }
        long min;
        long max;
        if (e instanceof IntegerType it) {
            min = it.signed() ? (it.width() == 64 ? Long.MIN_VALUE : -(1L << (it.width() - 1))) : 0;
            max = it.signed() ? (it.width() == 64 ? Long.MAX_VALUE : (1L << (it.width() - 1)) - 1)
                    : (it.width() == 64 ? -1L : (1L << it.width()) - 1);
        } else if (e instanceof FixedType ft) {
            min = ft.signed() ? (ft.width() == 64 ? Long.MIN_VALUE : -(1L << (ft.width() - 1))) : 0;
            max = ft.signed() ? (ft.width() == 64 ? Long.MAX_VALUE : (1L << (ft.width() - 1)) - 1) : (1L << ft.width()) - 1;
        } else {
            min = 0;
            max = 1;
        }
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = switch (i % 4) {
                case 0 -> min;
                case 1 -> max;
                case 2 -> 0;
                default -> (i * 7L) & 1;
            };
        }
        return Tensor.ofLongs(e, shape, l);
    }
}
