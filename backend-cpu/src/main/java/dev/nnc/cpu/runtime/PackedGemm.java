package dev.nnc.cpu.runtime;

/**
 * Matrix products with the left operand pre-packed: {@code C = clamp(A·B + bias)}, the form of a
 * convolution layer (A = weights [M, K], packed once at construction; B = the input or its
 * im2col matrix [K, N]; bias per row; the following Relu or Clip applied as C is stored).
 * A is stored in panels of {@link #MR} rows, k-major, so the kernel reads MR consecutive weights
 * per step of k; rows past M are zero. Columns are split over threads in tiles of the kernel's width.
 */
public final class PackedGemm {
    /** Rows per panel of packed A (the height of the kernel's register tile). */
    public static final int MR = 8;
    /** The scalar kernel, used when {@code jdk.incubator.vector} is absent. */
    public static final PackedKernel SCALAR = new ScalarPackedKernel();
    /**
     * Products smaller than this many multiply-adds (about 10 µs on one core) run on the caller's
     * thread: handing work to another thread costs more than it saves there. Measured on an idle
     * 2-core machine with bench/run.sh -p model=mnist8 -p threads=2, same time window: splitting
     * mnist8's second convolution (806 K) gave a faster best call (14.4 vs 16.4 µs) but a slower
     * median (22.3 vs 16.8 µs), since a worker the OS has not scheduled then costs the whole gain.
     */
    static final long MIN_PARALLEL = 1 << 20;
    /** The kernel in use. */
    private static final PackedKernel KERNEL = VectorSupport.kernelOr("VectorPackedKernel", PackedKernel.class, SCALAR);

    private PackedGemm() {
    }

    /** Floats of a packed [m, k] matrix: m rounded up to whole panels. */
    public static int packedSize(int m, int k) {
        return (m + MR - 1) / MR * MR * k;
    }

    /** Packs the row-major [m, k] matrix at {@code a[aOff]} into {@code ap[apOff]} ({@link #packedSize} floats). */
    public static void pack(float[] a, int aOff, int m, int k, float[] ap, int apOff) {
        int panels = (m + MR - 1) / MR;
        java.util.Arrays.fill(ap, apOff, apOff + panels * MR * k, 0f);
        for (int i = 0; i < m; i++) {
            int dst = apOff + i / MR * MR * k + i % MR;
            int src = aOff + i * k;
            for (int p = 0; p < k; p++) {
                ap[dst + p * MR] = a[src + p];
            }
        }
    }

    /**
     * C [m, n] at {@code c[cOff]} (row stride ldc) = clamp(A·B + bias) for packed A [m, k]; row p
     * of B starts at {@code b[bOff + p*ldb]}, or at {@code b[bOff + taps[p]]} when {@code taps} is
     * given (the caller then leaves a tile's width of readable floats past each row's end).
     * {@code bias} (m floats from {@code biasOff}) may be null.
     */
    public static void multiply(float[] ap, int apOff, int m, int k, float[] b, int bOff, int ldb, int[] taps,
                                float[] c, int cOff, int ldc, int n, float[] bias, int biasOff, Clamp clamp,
                                Parallel par) {
        PackedKernel kernel = KERNEL;
        if ((long) m * k * n < MIN_PARALLEL) {
            kernel.multiply(ap, apOff, m, k, b, bOff, ldb, taps, c, cOff, ldc, 0, n, bias, biasOff, clamp.lo(), clamp.hi());
            return;
        }
        int step = kernel.columnStep();
        int tiles = (n + step - 1) / step;
        par.forRange(tiles, (long) m * k * step, (from, to) -> kernel.multiply(ap, apOff, m, k, b, bOff, ldb, taps, c,
                cOff, ldc, from * step, Math.min(n, to * step), bias, biasOff, clamp.lo(), clamp.hi()));
    }

    /** Which kernel runs: {@code vector} or {@code scalar}. */
    public static String kernelName() {
        return KERNEL == SCALAR ? "scalar" : "vector";
    }
}
