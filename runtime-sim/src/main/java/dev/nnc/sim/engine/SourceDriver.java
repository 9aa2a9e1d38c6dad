package dev.nnc.sim.engine;

import dev.nnc.sim.Component;

/**
 * The testbench side of one input stream (docs/hardware.md §5): presents the beats of every
 * frame back to back, {@code valid} high from cycle 0 until the last beat is taken, and records
 * the cycle at which each beat transferred.
 */
public final class SourceDriver implements Component {
    private final long[][] beats;
    private final int beatsPerFrame;
    private final long[] cycles;
    private int next;
    /** The current cycle, set by the {@link Simulator} before each clock. */
    long now;

    /** {@code beats}: every beat of every frame in order, one raw per lane; {@code beatsPerFrame} divides their count. */
    public SourceDriver(long[][] beats, int beatsPerFrame) {
        if (beatsPerFrame <= 0 || beats.length % beatsPerFrame != 0) {
            throw new IllegalArgumentException(beats.length + " beats are not whole frames of " + beatsPerFrame);
        }
        this.beats = beats;
        this.beatsPerFrame = beatsPerFrame;
        this.cycles = new long[beats.length];
    }

    @Override
    public int inputCount() {
        return 0;
    }

    @Override
    public int outputCount() {
        return 1;
    }

    @Override
    public boolean inReady(int port) {
        return false;
    }

    @Override
    public boolean outValid(int port) {
        return next < beats.length;
    }

    @Override
    public long[] outData(int port) {
        return beats[next];
    }

    @Override
    public void clock(long[][] accepted, boolean[] taken) {
        if (taken[0]) {
            cycles[next++] = now;
        }
    }

    /** State changes only when a beat is taken. */
    @Override
    public boolean idle() {
        return true;
    }

    @Override
    public void reset() {
        next = 0;
        now = 0;
    }

    /** True once every beat has been taken. */
    public boolean done() {
        return next == beats.length;
    }

    public int beatsTaken() {
        return next;
    }

    public int totalBeats() {
        return beats.length;
    }

    public int beatsPerFrame() {
        return beatsPerFrame;
    }

    /** Cycle at which beat {@code i} transferred (valid for {@code i < beatsTaken()}). */
    public long cycle(int i) {
        return cycles[i];
    }

    /**
     * Fast-forward: the last {@code beats} transfers happen again {@code times} times, each time
     * {@code period} cycles later (see {@link FastForward}).
     */
    void repeat(int beats, int times, long period) {
        int from = next - beats;
        for (int j = 1; j <= times; j++) {
            for (int b = 0; b < beats; b++) {
                cycles[from + j * beats + b] = cycles[from + b] + j * period;
            }
        }
        next += times * beats;
    }
}
