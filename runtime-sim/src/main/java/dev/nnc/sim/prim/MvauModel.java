package dev.nnc.sim.prim;

import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.kernel.Activation;
import dev.nnc.ir.hw.prim.MvauConfig;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_mvau.sv}, the same state machine (see the RTL header): a writer fills
 * a double-buffered input buffer (in_ready = bank not full), while the compute counters (nf, sf)
 * step at most once per cycle on the other bank when beat sf is there (and the queue has room for
 * sf = SF−1, whose step pushes PE outputs act(requant(wrap(acc))) into the 2-entry output queue).
 * A vector takes NF·SF cycles at full rate and the input runs up to one vector ahead.
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
    private final FixedType accType;
    private final FixedType out;
    private final Activation act;
    private final long[][][] inBuffer;
    private final long[] acc;
    private final OutputQueue queue;
    private int nfCount;
    private int sfCount;
    private int writeBank;
    private int writeSlot;
    private int readBank;
    private final boolean[] full = new boolean[2];

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
        this.accType = cfg.accType();
        this.out = cfg.outType();
        this.act = cfg.activation();
        this.inBuffer = new long[2][sf][simd];
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
        return !full[writeBank];
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
        boolean step = canStep();
        if (step) {
            compute(lastSf, pop);
        } else {
            queue.clock(false, pop);
        }
        if (accepted[0] != null) {
            System.arraycopy(accepted[0], 0, inBuffer[writeBank][writeSlot], 0, simd);
            if (writeSlot == sf - 1) {
                full[writeBank] = true;
                writeSlot = 0;
                writeBank ^= 1;
            } else {
                writeSlot++;
            }
        }
    }

    /** Whether compute steps this cycle: its beat is in the buffer and, for sf = SF−1, the queue has room. */
    private boolean canStep() {
        boolean avail = full[readBank] || (writeBank == readBank && writeSlot > sfCount);
        return avail && (sfCount != sf - 1 || queue.room());
    }

    /** One compute step on beat sfCount of the read bank (before the writer's update: no hazard, it writes elsewhere). */
    private void compute(boolean lastSf, boolean pop) {
        long[] x = inBuffer[readBank][sfCount];
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
                slot[p] = act.apply(requant[row].apply(Overflow.wrap(sum, accType), accType, out), cfg.clipLo(), cfg.clipHi());
            }
        }
        queue.clock(lastSf, pop);
        if (!lastSf) {
            sfCount++;
            return;
        }
        sfCount = 0;
        if (nfCount == nf - 1) {
            nfCount = 0;
            full[readBank] = false;
            readBank ^= 1;
        } else {
            nfCount++;
        }
    }

    /**
     * Idle exactly when no compute step can fire: the beat sf of the read bank is not there, or the
     * last step of a vector waits for queue room (the same condition {@link #clock} steps on).
     */
    @Override
    public boolean idle() {
        return !canStep();
    }

    /** The counters, the banks' fill named relative to the read bank, and the queue's occupancy. */
    @Override
    public long[] controlState() {
        // the two banks are interchangeable: name them relative to the read bank
        return new long[] {nfCount, sfCount, writeBank ^ readBank, writeSlot, full[readBank] ? 1 : 0,
            full[readBank ^ 1] ? 1 : 0, queue.count()};
    }

    @Override
    public void reset() {
        nfCount = 0;
        sfCount = 0;
        writeBank = 0;
        writeSlot = 0;
        readBank = 0;
        full[0] = false;
        full[1] = false;
        queue.reset();
    }
}
