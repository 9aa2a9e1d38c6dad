package dev.nnc.cpu;

/**
 * Options of the CPU backend. {@code threads} is the size of the worker pool large layers are
 * split over (1 = everything on the caller's thread). {@code fallback}: a node the generator cannot
 * lower to Java runs on the interpreter inside the generated class (else the model is refused).
 */
public record CpuOptions(int threads, boolean fallback) {
    public CpuOptions {
        if (threads < 1) {
            throw new dev.nnc.ir.diag.NncException("--threads must be at least 1, got " + threads);
        }
    }

    /** {@code threads} workers, with the interpreter fallback on. */
    public CpuOptions(int threads) {
        this(threads, true);
    }

    public static CpuOptions defaults() {
        return new CpuOptions(1);
    }
}
