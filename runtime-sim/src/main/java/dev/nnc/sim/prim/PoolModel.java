package dev.nnc.sim.prim;

import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.hw.prim.PoolConfig;
import dev.nnc.ir.hw.prim.PoolKind;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_pool.sv}, the same state machine (see the RTL header): counters (k,
 * cf) advance with each input beat; in_ready = (k != KK−1) || queue room; beats with k < KK−1
 * update the running max/sum of their channels, the beat with k = KK−1 pushes the requantised
 * result into the 2-entry output queue.
 */
public final class PoolModel implements Component {
    private final PoolConfig cfg;
    private final boolean avg;
    private final int window;
    private final int cf;
    private final int simd;
    private final long[][] running;
    private final Requantizer requant;
    private final FixedType accRaw;
    private final FixedType out;
    private final OutputQueue queue;
    private int k;
    private int c;

    public PoolModel(PoolConfig cfg) {
        this.cfg = cfg;
        this.avg = cfg.kind() == PoolKind.AVG;
        this.window = cfg.window();
        this.cf = cfg.cf();
        this.simd = cfg.simd();
        this.running = new long[cf][simd];
        this.requant = cfg.requant().requantizer(0);
        this.accRaw = cfg.accRawType();
        this.out = cfg.outType();
        this.queue = new OutputQueue(simd);
    }

    public PoolConfig config() {
        return cfg;
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
        return k != window - 1 || queue.room();
    }

    @Override
    public boolean outValid(int port) {
        return queue.valid();
    }

    @Override
    public long[] outData(int port) {
        return queue.head();
    }

    @Override
    public void clock(long[][] accepted, boolean[] taken) {
        boolean pop = queue.valid() && taken[0];
        long[] x = accepted[0];
        if (x == null) {
            queue.clock(false, pop);
            return;
        }
        boolean last = k == window - 1;
        long[] run = running[c];
        long[] slot = last ? queue.pushSlot(pop) : null;
        for (int s = 0; s < simd; s++) {
            long v = k == 0 ? x[s] : avg ? run[s] + x[s] : Math.max(run[s], x[s]);
            if (last) {
                slot[s] = requant.apply(v, accRaw, out);
            } else {
                run[s] = v;
            }
        }
        queue.clock(last, pop);
        if (c == cf - 1) {
            c = 0;
            k = last ? 0 : k + 1;
        } else {
            c++;
        }
    }

    /** State changes only on transfers. */
    @Override
    public boolean idle() {
        return true;
    }

    @Override
    public long[] controlState() {
        return new long[] {k, c, queue.count()};
    }

    @Override
    public void reset() {
        k = 0;
        c = 0;
        queue.reset();
    }
}
