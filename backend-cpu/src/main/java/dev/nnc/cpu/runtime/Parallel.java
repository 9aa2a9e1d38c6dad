package dev.nnc.cpu.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed set of worker threads that splits a loop range into one contiguous chunk per thread.
 * Large layers (GEMM rows, convolution output channels) use it; with one thread it runs the body
 * inline, so the single-threaded path has no synchronisation at all.
 */
public final class Parallel implements AutoCloseable {
    /** The single-threaded instance: runs everything on the caller's thread. */
    public static final Parallel SERIAL = new Parallel(1);

    /** Below this many units of work per call, splitting costs more than it saves. */
    private static final long MIN_WORK = 1 << 15;

    /** A loop body over the half-open range [from, to). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "nnc-cpu-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over [0, n), split over the threads when {@code n * workPerItem} is large
     * enough; the caller's thread takes the first chunk.
     */
    public void forRange(int n, long workPerItem, Range body) {
        int parts = (int) Math.min(Math.min(threads, n), Math.max(1, n * workPerItem / MIN_WORK));
        if (parts <= 1) {
            body.run(0, n);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        body.run(0, n / parts);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
