package dev.nnc.sim.prim;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.hw.prim.SoftmaxConfig;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_softmax.sv}: the same registers and next-state rules (see the RTL
 * header), the arithmetic through dev.nnc.ir.fixed step by step: max, exact difference,
 * {@code LookupTable.index} into {@code contents()}, exact sum, {@link FixedCast} to the
 * reciprocal input type, reciprocal table, {@link FixedCast} of e·r to the output type.
 */
public final class SoftmaxModel implements Component {
    private static final int IDLE = 0;
    private static final int EXP = 1;
    private static final int RECIP = 2;
    private static final int OUT = 3;

    private final SoftmaxConfig cfg;
    private final int n;
    private final long[] expTable;
    private final long[] recTable;
    private final FixedType sumType;
    private final FixedType productType;

    private boolean loaded;
    private int lcnt;
    private final long[] xbuf;
    private long m;
    private int state;
    private int cnt;
    private boolean ev;
    private int eidx;
    private long expQ;
    private final long[] ebuf;
    private long s;
    private long recQ;
    private final OutputQueue queue = new OutputQueue(1);

    public SoftmaxModel(SoftmaxConfig cfg) {
        this.cfg = cfg;
        this.n = cfg.n();
        this.expTable = cfg.exp().contents();
        this.recTable = cfg.recip().contents();
        this.sumType = cfg.sumType();
        this.productType = cfg.productType();
        this.xbuf = new long[n];
        this.ebuf = new long[n];
        reset();
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
        return !loaded;
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
        long[] in = accepted[0];
        boolean pop = taken[0];
        boolean loadedR = loaded;
        boolean expIssue = state == EXP && cnt < n;
        boolean recIssue = state == RECIP;
        boolean push = state == OUT && queue.room();
        boolean lastPush = push && cnt == n - 1;

        // Combinational values of this cycle, then memories and ROM reads (registered).
        long y = push ? FixedCast.cast(ebuf[cnt] * recQ, productType, cfg.output(), CastMode.DEFAULT) : 0;
        if (recIssue) {
            recQ = recTable[cfg.recip().index(FixedCast.cast(s, sumType, cfg.recipIn(), CastMode.DEFAULT))];
        }
        if (ev) {
            ebuf[eidx] = expQ;
            s += expQ;
        }
        if (expIssue) {
            expQ = expTable[cfg.exp().index(xbuf[cnt] - m)];
        }

        // Load side.
        if (in != null) {
            xbuf[lcnt] = in[0];
            if (lcnt == 0 || in[0] > m) {
                m = in[0];
            }
            if (lcnt == n - 1) {
                lcnt = 0;
                loaded = true;
            } else {
                lcnt++;
            }
        } else if (expIssue && cnt == n - 1) {
            loaded = false;
        }

        // Main state.
        ev = expIssue;
        eidx = cnt;
        switch (state) {
            case IDLE:
                if (loadedR) {
                    enterExp();
                }
                break;
            case EXP:
                if (cnt == n) {
                    state = RECIP;
                } else {
                    cnt++;
                }
                break;
            case RECIP:
                state = OUT;
                cnt = 0;
                break;
            default:
                if (push) {
                    if (lastPush) {
                        if (loadedR) {
                            enterExp();
                        } else {
                            state = IDLE;
                            cnt = 0;
                            s = 0;
                        }
                    } else {
                        cnt++;
                    }
                }
                break;
        }

        // Output queue.
        if (push) {
            queue.pushSlot(pop)[0] = y;
        }
        queue.clock(push, pop);
    }

    /**
     * Without transfers nothing changes while waiting for a vector (IDLE, not loaded) or for queue
     * room in OUT, once no exp read is in flight and eidx already follows cnt.
     */
    @Override
    public boolean idle() {
        return !ev && eidx == cnt && ((state == IDLE && !loaded) || (state == OUT && !queue.room()));
    }

    private void enterExp() {
        state = EXP;
        cnt = 0;
        s = 0;
    }

    @Override
    public long[] controlState() {
        return new long[] {loaded ? 1 : 0, lcnt, state, cnt, ev ? 1 : 0, eidx, queue.count()};
    }

    @Override
    public void reset() {
        loaded = false;
        lcnt = 0;
        m = 0;
        state = IDLE;
        cnt = 0;
        ev = false;
        eidx = 0;
        s = 0;
        queue.reset();
    }
}
