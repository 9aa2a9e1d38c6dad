package dev.nnc.cpu.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads that splits a loop range over the threads. Large layers (GEMM
 * rows, convolution channels, pooling planes) use it; with one thread it runs the body inline, so
 * the single-threaded path has no synchronisation at all.
 *
 * <p>A model run hands work over dozens of times in a few milliseconds, so the handoff must cost
 * about a microsecond, not the tens that an executor's queue and a parked thread's wake-up cost:
 * each {@link Worker} spins on its job slot for a while after its last job before it parks, and
 * the caller spins before it parks. The caller never waits for a worker to start: chunks are
 * claimed by counter, so on a loaded machine the caller takes the chunks of a worker that has no
 * core yet. Work below {@link #MIN_WORK} per extra thread stays on the caller's thread, where
 * splitting costs more than it saves. A call made while another is running (from a body, or from
 * a second thread) runs serially rather than waiting for itself.
 */
public final class Parallel implements AutoCloseable {
    /** The single-threaded instance: runs everything on the caller's thread. */
    public static final Parallel SERIAL = new Parallel(1);

    /**
     * Below this many units of work (multiply-adds, about a nanosecond each) per extra thread, a
     * split costs more than it saves; measured on mnist8 and residual_block, whose small layers
     * got slower on two threads with the old threshold of 32 K.
     */
    static final long MIN_WORK = 1 << 17;

    /** How long a waiting thread spins before it parks, in nanoseconds. */
    static final long SPIN_NANOS = 200_000;

    /** A loop body over the half-open range [from, to). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private final int threads;
    private final long minWork;
    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();

    public Parallel(int threads) {
        this(threads, MIN_WORK);
    }

    /** A pool that splits work of at least {@code minWork} units per extra thread (tests split everything). */
    Parallel(int threads, long minWork) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.minWork = minWork;
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker("nnc-cpu-worker-" + (i + 1));
            workers[i].thread.start();
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over [0, n), split over the threads when {@code n * workPerItem} is large
     * enough. The range is cut into a few chunks per thread (at multiples of 4 items where there
     * are enough, so row-tiled kernels keep their tiles) that the caller and the workers claim one
     * at a time: a worker the OS has not scheduled yet simply claims nothing, and the caller does
     * its share, so a loaded machine never makes the caller wait for a thread that has not started.
     */
    public void forRange(int n, long workPerItem, Range body) {
        int parts = (int) Math.min(Math.min(threads, n), Math.max(1, n * workPerItem / minWork));
        if (parts <= 1 || !busy.compareAndSet(false, true)) {
            body.run(0, n);
            return;
        }
        try {
            Job job = new Job(body, n, Math.min(n / GRAIN, parts * CHUNKS_PER_THREAD));
            for (int p = 1; p < parts; p++) {
                workers[p - 1].post(job);
            }
            job.work();
            job.await();
        } finally {
            busy.set(false);
        }
    }

    @Override
    public void close() {
        for (Worker w : workers) {
            w.stop();
        }
    }

    /** Chunks per thread: enough to even out a late or slow worker, few enough to keep claims cheap. */
    private static final int CHUNKS_PER_THREAD = 4;
    /** Chunk boundaries fall on multiples of this many items when the range has room. */
    private static final int GRAIN = 4;

    /** One forRange call: chunks claimed by counter, completion counted, the first failure kept. */
    private static final class Job {
        private final Range body;
        private final int n;
        private final int chunks;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private final Thread caller = Thread.currentThread();
        private volatile Throwable failure;

        Job(Range body, int n, int chunks) {
            this.body = body;
            this.n = n;
            this.chunks = Math.max(2, chunks);
        }

        private int bound(int c) {
            if (c >= chunks) {
                return n;
            }
            int at = (int) ((long) n * c / chunks);
            return n >= GRAIN * chunks ? at - at % GRAIN : at;
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.run(bound(c), bound(c + 1));
                } catch (Throwable t) {
                    if (failure == null) {
                        failure = t;
                    }
                }
                if (finished.incrementAndGet() == chunks && Thread.currentThread() != caller) {
                    LockSupport.unpark(caller);
                }
            }
        }

        /** The caller waits for chunks still running on workers, then rethrows the first failure. */
        void await() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (finished.get() < chunks) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 100_000);
                }
            }
            Throwable t = failure;
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** One worker thread: waits for the next posted job, helps with its chunks. */
    private static final class Worker implements Runnable {
        final Thread thread;
        private volatile Job job;
        private volatile boolean parked;
        private volatile boolean stopped;

        Worker(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void post(Job j) {
            job = j;
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            Job seen = null;
            while (true) {
                long spinUntil = System.nanoTime() + SPIN_NANOS;
                Job j;
                while ((j = job) == seen && !stopped) {
                    if (System.nanoTime() < spinUntil) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (job == seen && !stopped) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                if (stopped) {
                    return;
                }
                seen = j;
                j.work();
            }
        }
    }
}
