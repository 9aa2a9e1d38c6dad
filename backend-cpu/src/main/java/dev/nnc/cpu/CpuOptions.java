package dev.nnc.cpu;

/**
 * Options of the CPU backend. {@code threads} is the size of the worker pool large layers are
 * split over (1 = everything on the caller's thread).
 */
public record CpuOptions(int threads) {
    public CpuOptions {
        if (threads < 1) {
            throw new dev.nnc.ir.diag.NncException("--threads must be at least 1, got " + threads);
        }
    }

    public static CpuOptions defaults() {
        return new CpuOptions(1);
    }
}
