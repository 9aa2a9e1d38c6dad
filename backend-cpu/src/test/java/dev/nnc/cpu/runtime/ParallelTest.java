package dev.nnc.cpu.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The worker pool: every index runs exactly once, on several threads, failures reach the caller, nesting is serial. */
class ParallelTest {

    @Test
    void coversTheRangeExactlyOnceOverManyHandoffs() {
        try (Parallel par = new Parallel(3, 1)) {
            for (int round = 0; round < 2000; round++) {
                int n = 1 + round % 37;
                int[] hits = new int[n];
                par.forRange(n, 1, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        hits[i]++;
                    }
                });
                int[] once = new int[n];
                java.util.Arrays.fill(once, 1);
                assertArrayEquals(once, hits, "round " + round);
            }
        }
    }

    @Test
    void splitsLargeWorkOverTheWorkers() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch both = new CountDownLatch(2);
        try (Parallel par = new Parallel(2)) {
            // each chunk waits for the other to start, so one thread cannot take both
            par.forRange(2, Parallel.MIN_WORK, (from, to) -> {
                seen.add(Thread.currentThread());
                both.countDown();
                try {
                    both.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertEquals(2, seen.size());
    }

    @Test
    void keepsSmallWorkOnTheCaller() {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        try (Parallel par = new Parallel(2)) {
            par.forRange(4, Parallel.MIN_WORK / 8, (from, to) -> seen.add(Thread.currentThread()));
        }
        assertEquals(Set.of(Thread.currentThread()), seen);
    }

    @Test
    void aWorkersFailureReachesTheCallerAndThePoolStillWorks() {
        try (Parallel par = new Parallel(2, 1)) {
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> par.forRange(2, 1, (from, to) -> {
                if (from == 1) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
            int[] hits = new int[2];
            par.forRange(2, 1, (from, to) -> hits[from]++);
            assertArrayEquals(new int[] {1, 1}, hits);
        }
    }

    @Test
    void aNestedCallRunsOnItsOwnThread() {
        try (Parallel par = new Parallel(2, 1)) {
            int[] inner = new int[4];
            par.forRange(2, 1, (from, to) -> {
                Thread outer = Thread.currentThread();
                par.forRange(2, 1, (f, t) -> {
                    assertEquals(outer, Thread.currentThread());
                    for (int i = f; i < t; i++) {
                        inner[2 * from + i]++;
                    }
                });
            });
            assertArrayEquals(new int[] {1, 1, 1, 1}, inner);
        }
    }

    @Test
    void oneThreadStartsNoWorker() {
        Thread[] ran = new Thread[1];
        Parallel.SERIAL.forRange(8, 1L << 40, (from, to) -> ran[0] = Thread.currentThread());
        assertEquals(Thread.currentThread(), ran[0]);
    }
}
