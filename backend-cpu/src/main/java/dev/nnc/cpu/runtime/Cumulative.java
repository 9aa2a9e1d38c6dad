package dev.nnc.cpu.runtime;

/**
 * ONNX {@code CumSum} and {@code CumProd}: a running fold along one axis (given at run time, as
 * models feed it as an input), optionally exclusive and/or reversed. Floats fold in double and
 * round each output once, integers fold in long and wrap, as the interpreter does.
 */
public final class Cumulative {
    private Cumulative() {
    }

    public static void apply(Object x, Object y, int[] shape, long axisValue, boolean exclusive, boolean reverse,
                             boolean product) {
        int axis = Elements.axis(axisValue, shape.length);
        int outer = Elements.product(shape, 0, axis);
        int n = shape[axis];
        int inner = Elements.product(shape, axis + 1, shape.length);
        if (Elements.isFloat(x)) {
            double[] in = Elements.doubles(x);
            double[] out = new double[in.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    double acc = product ? 1 : 0;
                    for (int s = 0; s < n; s++) {
                        int at = (o * n + (reverse ? n - 1 - s : s)) * inner + i;
                        double next = product ? acc * in[at] : acc + in[at];
                        out[at] = exclusive ? acc : next;
                        acc = next;
                    }
                }
            }
            Elements.store(out, y);
        } else {
            long[] in = Elements.longs(x);
            long[] out = new long[in.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    long acc = product ? 1 : 0;
                    for (int s = 0; s < n; s++) {
                        int at = (o * n + (reverse ? n - 1 - s : s)) * inner + i;
                        long next = product ? acc * in[at] : acc + in[at];
                        out[at] = exclusive ? acc : next;
                        acc = next;
                    }
                }
            }
            Elements.store(out, y);
        }
    }
}
