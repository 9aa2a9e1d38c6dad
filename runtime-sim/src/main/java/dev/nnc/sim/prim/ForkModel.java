package dev.nnc.sim.prim;

import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.ir.hw.prim.ForkConfig;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_fork}: two 2-entry queues ({@link FifoModel}s of depth 2), one per
 * output; {@code in_ready} = both queues hold fewer than 2 beats; an accepted beat enters both.
 */
public final class ForkModel implements Component {
    private final FifoModel q0;
    private final FifoModel q1;
    private final long[][] in = new long[1][];
    private final boolean[] take = new boolean[1];

    public ForkModel(ForkConfig cfg) {
        FifoConfig q = new FifoConfig(cfg.lanes(), cfg.elemWidth(), cfg.signed(), 2);
        q0 = new FifoModel(q);
        q1 = new FifoModel(q);
    }

    @Override
    public int inputCount() {
        return 1;
    }

    @Override
    public int outputCount() {
        return 2;
    }

    @Override
    public boolean inReady(int port) {
        return q0.inReady(0) && q1.inReady(0);
    }

    @Override
    public boolean outValid(int port) {
        return (port == 0 ? q0 : q1).outValid(0);
    }

    @Override
    public long[] outData(int port) {
        return (port == 0 ? q0 : q1).outData(0);
    }

    @Override
    public void clock(long[][] accepted, boolean[] taken) {
        in[0] = accepted[0];
        take[0] = taken[0];
        q0.clock(in, take);
        take[0] = taken[1];
        q1.clock(in, take);
    }

    /** State changes only on transfers (docs: {@link dev.nnc.sim.Component#idle}). */
    @Override
    public boolean idle() {
        return true;
    }

    @Override
    public long[] controlState() {
        return new long[] {q0.count(), q1.count()};
    }

    @Override
    public void reset() {
        q0.reset();
        q1.reset();
    }
}
