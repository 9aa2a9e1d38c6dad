package dev.nnc.sim.prim;

import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.hw.prim.AddConfig;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_add.sv}, the same state machine (see the RTL header): each input has
 * a 2-entry queue (in_ready = count < 2, taken independently of the other input); when both
 * input queues are non-empty and the output queue has room, both heads are popped and
 * cast((a << A_SH) + (b << B_SH)) is pushed.
 */
public final class AddModel implements Component {
    private final AddConfig cfg;
    private final int simd;
    private final int aShift;
    private final int bShift;
    private final Requantizer requant;
    private final FixedType accRaw;
    private final FixedType out;
    private final OutputQueue a;
    private final OutputQueue b;
    private final OutputQueue queue;

    public AddModel(AddConfig cfg) {
        this.cfg = cfg;
        this.simd = cfg.simd();
        this.aShift = cfg.aShift();
        this.bShift = cfg.bShift();
        this.requant = cfg.requant().requantizer(0);
        this.accRaw = cfg.accRawType();
        this.out = cfg.outType();
        this.a = new OutputQueue(simd);
        this.b = new OutputQueue(simd);
        this.queue = new OutputQueue(simd);
    }

    public AddConfig config() {
        return cfg;
    }

    @Override
    public int inputCount() {
        return 2;
    }

    @Override
    public int outputCount() {
        return 1;
    }

    @Override
    public boolean inReady(int port) {
        return (port == 0 ? a : b).room();
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
        boolean step = a.valid() && b.valid() && queue.room();
        if (step) {
            long[] slot = queue.pushSlot(pop);
            long[] x = a.head();
            long[] y = b.head();
            for (int s = 0; s < simd; s++) {
                slot[s] = requant.apply((x[s] << aShift) + (y[s] << bShift), accRaw, out);
            }
        }
        queue.clock(step, pop);
        take(a, accepted[0], step);
        take(b, accepted[1], step);
    }

    private void take(OutputQueue q, long[] beat, boolean pop) {
        if (beat != null) {
            System.arraycopy(beat, 0, q.pushSlot(pop), 0, simd);
        }
        q.clock(beat != null, pop);
    }

    /** Without transfers only a pair of buffered operands with room in the queue steps. */
    @Override
    public boolean idle() {
        return !(a.valid() && b.valid() && queue.room());
    }

    @Override
    public long[] controlState() {
        return new long[] {a.count(), b.count(), queue.count()};
    }

    @Override
    public void reset() {
        a.reset();
        b.reset();
        queue.reset();
    }
}
