package dev.nnc.cli.quant;

import java.io.PrintWriter;

/** A progress line on stderr for slow loops: at most one every few seconds, none for quick ones. */
public final class Progress {
    private static final long EVERY_NANOS = 3_000_000_000L;
    private final PrintWriter err;
    private final String what;
    private final long start = System.nanoTime();
    private long last = start;

    public Progress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    /** Reports that {@code done} of {@code total} items are finished. */
    public void step(int done, int total) {
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS && done < total) {
            last = now;
            err.printf("nnc: %s: %d of %d (%.0f s)%n", what, done, total, (now - start) / 1e9);
            err.flush();
        }
    }
}
