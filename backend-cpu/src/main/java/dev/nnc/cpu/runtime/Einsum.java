package dev.nnc.cpu.runtime;

/**
 * ONNX {@code Einsum} on the interpreter's loop nest ({@code dev.nnc.ir.onnx.kernels.Einsum#accumulate}): output labels, then the
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
        int[][] perInput = new int[nIn][nl];
        for (int t = 0; t < nIn; t++) {
            System.arraycopy(strides, t * nl, perInput[t], 0, nl);
        }
        dev.nnc.ir.onnx.kernels.Einsum.accumulate(size, perInput, outCount, inner, dv, lv, outD, outL);
        if (floats) {
            Elements.store(outD, y);
        } else {
            Elements.store(outL, y);
        }
    }
}
