package dev.nnc.sim.prim;

import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_fifo}: {@code in_ready = count < depth}, {@code out_valid = count > 0},
 * {@code out_data} = the oldest beat; a beat written at edge t is visible from cycle t+1. (The RTL
 * splits the storage into a head register and a RAM; from the ports that is this ring buffer.)
 * Beats live in preallocated slots; the slot {@link #outData} returns is not written by the
 * {@link #clock} that pops it.
 */
public final class FifoModel implements Component {
    private final int depth;
    private final int lanes;
    private final long[][] slots;
    private int head;
    private int count;

    public FifoModel(FifoConfig cfg) {
        this.depth = cfg.depth();
        this.lanes = cfg.lanes();
        this.slots = new long[depth][lanes];
    }

    @Override
    public int inputCount() {
        return 1;
    }

    @Override
    public int outputCount() {
        return 1;
    }

    @Override
    public boolean inReady(int port) {
        return count < depth;
    }

    @Override
    public boolean outValid(int port) {
        return count > 0;
    }

    @Override
    public long[] outData(int port) {
        return slots[head];
    }

    @Override
    public void clock(long[][] accepted, boolean[] taken) {
        long[] in = accepted[0];
        if (in != null) {
            int tail = head + count;
            System.arraycopy(in, 0, slots[tail >= depth ? tail - depth : tail], 0, lanes);
            count++;
        }
        if (taken[0]) {
            head = head + 1 == depth ? 0 : head + 1;
            count--;
        }
    }

    /** State changes only on transfers (docs: {@link dev.nnc.sim.Component#idle}). */
    @Override
    public boolean idle() {
        return true;
    }

    /** Occupancy only: which slot holds the head addresses data. */
    @Override
    public long[] controlState() {
        return new long[] {count};
    }

    @Override
    public void reset() {
        head = 0;
        count = 0;
    }

    /** Beats held (for the simulator's statistics). */
    public int count() {
        return count;
    }
}
