package dev.nnc.sim.prim;

import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.hw.prim.Activation;
import dev.nnc.ir.hw.prim.MvauConfig;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_mvau.sv}, the same state machine (see the RTL header): counters
 * (nf, sf) step at most once per cycle; steps with nf = 0 consume an input beat (buffered for
 * nf > 0), in_ready = (nf == 0) && (sf != SF−1 || queue room); the step with sf = SF−1 pushes PE
 * outputs act(requant(acc)) into the 2-entry output queue. A vector takes NF·SF cycles at full
 * rate.
 */
public final class MvauModel implements Component {
    private final MvauConfig cfg;
    private final int sf;
    private final int nf;
    private final int simd;
    private final int pe;
    private final int mw;
    private final long[] weights;
    private final long[] bias;
    private final Requantizer[] requant;
    private final FixedType accRaw;
    private final FixedType out;
    private final Activation act;
    private final long[][] inBuffer;
    private final long[] acc;
    private final OutputQueue queue;
    private int nfCount;
    private int sfCount;

    public MvauModel(MvauConfig cfg) {
        this.cfg = cfg;
        this.sf = cfg.sf();
        this.nf = cfg.nf();
        this.simd = cfg.simd();
        this.pe = cfg.pe();
        this.mw = cfg.mw();
        this.weights = cfg.weights();
        this.bias = cfg.bias();
        this.requant = new Requantizer[cfg.mh()];
        for (int c = 0; c < requant.length; c++) {
            requant[c] = cfg.requant().requantizer(c);
        }
        this.accRaw = cfg.accRawType();
        this.out = cfg.outType();
        this.act = cfg.activation();
        this.inBuffer = new long[sf][simd];
        this.acc = new long[pe];
        this.queue = new OutputQueue(pe);
    }

    public MvauConfig config() {
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
        return nfCount == 0 && (sfCount != sf - 1 || queue.room());
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
        boolean lastSf = sfCount == sf - 1;
        boolean step = nfCount == 0 ? accepted[0] != null : !lastSf || queue.room();
        if (!step) {
            queue.clock(false, pop);
            return;
        }
        long[] x = inBuffer[sfCount];
        if (nfCount == 0) {
            System.arraycopy(accepted[0], 0, x, 0, simd);
        }
        long[] slot = lastSf ? queue.pushSlot(pop) : null;
        for (int p = 0; p < pe; p++) {
            int row = nfCount * pe + p;
            int base = row * mw + sfCount * simd;
            long sum = sfCount == 0 ? bias[row] : acc[p];
            for (int s = 0; s < simd; s++) {
                sum += x[s] * weights[base + s];
            }
            acc[p] = sum;
            if (slot != null) {
                slot[p] = act.apply(requant[row].apply(sum, accRaw, out), cfg.clipLo(), cfg.clipHi());
            }
        }
        queue.clock(lastSf, pop);
        if (lastSf) {
            sfCount = 0;
            nfCount = nfCount == nf - 1 ? 0 : nfCount + 1;
        } else {
            sfCount++;
        }
    }

    /** Without an input beat only a buffered vector (nf > 0) steps, unless its last step waits for queue room. */
    @Override
    public boolean idle() {
        return nfCount == 0 || (sfCount == sf - 1 && !queue.room());
    }

    @Override
    public void reset() {
        nfCount = 0;
        sfCount = 0;
        queue.reset();
    }
}
