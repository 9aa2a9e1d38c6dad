package dev.nnc.sim.engine;

import dev.nnc.sim.Component;

/**
 * The testbench side of one output stream (docs/hardware.md §5): {@code ready} always high; keeps
 * each beat with the cycle it transferred, up to the expected number, and counts any beyond.
 */
public final class SinkMonitor implements Component {
    private final int lanes;
    private final int beatsPerFrame;
    private final long[][] beats;
    private final long[] cycles;
    private int received;
    private int extra;
    /** The current cycle, set by the {@link Simulator} before each clock. */
    long now;

    public SinkMonitor(int lanes, int beatsPerFrame, int frames) {
        this.lanes = lanes;
        this.beatsPerFrame = beatsPerFrame;
        this.beats = new long[beatsPerFrame * frames][lanes];
        this.cycles = new long[beats.length];
    }

    @Override
    public int inputCount() {
        return 1;
    }

    @Override
    public int outputCount() {
        return 0;
    }

    @Override
    public boolean inReady(int port) {
        return true;
    }

    @Override
    public boolean outValid(int port) {
        return false;
    }

    @Override
    public long[] outData(int port) {
        throw new IllegalStateException("a sink has no output");
    }

    @Override
    public void clock(long[][] accepted, boolean[] taken) {
        long[] beat = accepted[0];
        if (beat != null) {
            if (received < beats.length) {
                System.arraycopy(beat, 0, beats[received], 0, lanes);
                cycles[received++] = now;
            } else {
                extra++;
            }
        }
    }

    /** State changes only when a beat arrives. */
    @Override
    public boolean idle() {
        return true;
    }

    @Override
    public void reset() {
        received = 0;
        extra = 0;
        now = 0;
    }

    /** True once every expected beat has arrived. */
    public boolean done() {
        return received == beats.length;
    }

    public int received() {
        return received;
    }

    public int expected() {
        return beats.length;
    }

    /** Beats that arrived after the expected number (a design that emits too much). */
    public int extra() {
        return extra;
    }

    public int beatsPerFrame() {
        return beatsPerFrame;
    }

    public int lanes() {
        return lanes;
    }

    public long[] beat(int i) {
        return beats[i];
    }

    public long cycle(int i) {
        return cycles[i];
    }

    /**
     * Fast-forward: the last {@code beats} transfers happen again {@code times} times, each time
     * {@code period} cycles later (see {@link FastForward}).
     */
    void repeat(int beats, int times, long period) {
        int from = received - beats;
        for (int j = 1; j <= times; j++) {
            for (int b = 0; b < beats; b++) {
                cycles[from + j * beats + b] = cycles[from + b] + j * period;
            }
        }
        received += times * beats;
    }

    /** Sets the value of beat {@code i} (values after a fast-forward jump come from the reference). */
    public void overwrite(int i, long[] beat) {
        System.arraycopy(beat, 0, beats[i], 0, lanes);
    }
}
