package dev.nnc.sim.prim;

import dev.nnc.ir.hw.prim.SwgConfig;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_swg.sv}: the same registers and the same next-state rules (see the
 * RTL header). A ring of {@link SwgConfig#bufferRows()} input rows: the write side writes global
 * row {@code wg} (rows counted across frames) into slot {@code wg mod rows} while
 * {@code wg − lo < rows}, lo being the lowest row the read side still needs; the read side walks
 * the windows (cf innermost, then kx, ky, ow, oh) and issues a read when the rows of the current
 * window row are written and {@code count + rdValid − pop < 2}; the registered word (or zero for
 * padding) enters the {@link OutputQueue} one edge later.
 */
public final class SwgModel implements Component {
    private final int simd;
    private final int cf;
    private final int rowBeats;
    private final int rowMask;
    private final int ringRows;
    private final int inH;
    private final int inW;
    private final int cfLast;
    private final int kxLast;
    private final int kyLast;
    private final int owLast;
    private final int ohLast;
    private final int windowRows;
    private final int dilH;
    private final int dilW;
    private final int strideH;
    private final int strideW;
    private final int padT;
    private final int padL;
    private final long[] mem;

    private int wg;
    private int wcol;
    private int frameBase;
    private int oh;
    private int ow;
    private int ky;
    private int kx;
    private int c;
    private int ihBase;
    private int iwBase;
    private int ih;
    private int iw;
    private boolean rdValid;
    private boolean rdPad;
    private final long[] rdata;
    private final OutputQueue queue;

    public SwgModel(SwgConfig cfg) {
        this.simd = cfg.simd();
        this.cf = cfg.channelFolds();
        this.rowBeats = cfg.inW() * cf;
        this.ringRows = cfg.bufferRows();
        this.rowMask = ringRows - 1;
        this.mem = new long[ringRows * rowBeats * simd];
        this.inH = cfg.inH();
        this.inW = cfg.inW();
        this.cfLast = cf - 1;
        this.kxLast = cfg.kernelW() - 1;
        this.kyLast = cfg.kernelH() - 1;
        this.owLast = cfg.outW() - 1;
        this.ohLast = cfg.outH() - 1;
        this.windowRows = (cfg.kernelH() - 1) * cfg.dilH();
        this.dilH = cfg.dilH();
        this.dilW = cfg.dilW();
        this.strideH = cfg.strideH();
        this.strideW = cfg.strideW();
        this.padT = cfg.padT();
        this.padL = cfg.padL();
        this.rdata = new long[simd];
        this.queue = new OutputQueue(simd);
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

    /** Room in the ring: the row being written does not overwrite a row the reader needs. */
    @Override
    public boolean inReady(int port) {
        return wg - (frameBase + Math.max(0, ihBase)) < ringRows;
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
        boolean pop = taken[0];
        long[] in = accepted[0];
        boolean issue = canIssue(pop);

        // Output queue first: it takes the word registered at the last issue, or zero for padding.
        if (rdValid) {
            long[] slot = queue.pushSlot(pop);
            for (int s = 0; s < simd; s++) {
                slot[s] = rdPad ? 0 : rdata[s];
            }
        }
        queue.clock(rdValid, pop);

        if (in != null) {
            int a = ((wg & rowMask) * rowBeats + wcol) * simd;
            for (int s = 0; s < simd; s++) {
                mem[a + s] = in[s];
            }
            if (wcol == rowBeats - 1) {
                wcol = 0;
                wg++;
            } else {
                wcol++;
            }
        }
        rdValid = issue;
        if (issue) {
            boolean inFrame = ih >= 0 && ih < inH && iw >= 0 && iw < inW;
            rdPad = !inFrame;
            if (inFrame) {
                int a = (((frameBase + ih) & rowMask) * rowBeats + iw * cf + c) * simd;
                for (int s = 0; s < simd; s++) {
                    rdata[s] = mem[a + s];
                }
            }
            step();
        }
    }

    /** Whether a read issues this cycle: the window row's input rows are written and the queue will have room. */
    private boolean canIssue(boolean pop) {
        int count = !queue.room() ? 2 : queue.valid() ? 1 : 0;
        int top = frameBase + Math.min(inH - 1, ihBase + windowRows);
        return wg - top > 0 && count + (rdValid ? 1 : 0) - (pop ? 1 : 0) < 2;
    }

    /** The window counters' next state after an issued read, as in the RTL's nested if. */
    private void step() {
        if (c != cfLast) {
            c++;
            return;
        }
        c = 0;
        if (kx != kxLast) {
            kx++;
            iw += dilW;
            return;
        }
        kx = 0;
        if (ky != kyLast) {
            ky++;
            ih += dilH;
            iw = iwBase;
            return;
        }
        ky = 0;
        if (ow != owLast) {
            ow++;
            iwBase += strideW;
            iw = iwBase;
            ih = ihBase;
            return;
        }
        ow = 0;
        iwBase = -padL;
        iw = iwBase;
        if (oh != ohLast) {
            oh++;
            ihBase += strideH;
            ih = ihBase;
            return;
        }
        oh = 0;
        ihBase = -padT;
        ih = ihBase;
        frameBase += inH;
    }

    /** Without transfers only a registered read (into the queue) or a new read issue changes state. */
    @Override
    public boolean idle() {
        return !rdValid && !canIssue(false);
    }

    /**
     * The window counters and the ring's fill relative to the frame (wg − frameBase); the absolute
     * row counters only address the ring.
     */
    @Override
    public long[] controlState() {
        return new long[] {wg - frameBase, wcol, oh, ow, ky, kx, c, ihBase, iwBase, ih, iw, rdValid ? 1 : 0,
            rdPad ? 1 : 0, queue.count()};
    }

    @Override
    public void reset() {
        wg = 0;
        wcol = 0;
        frameBase = 0;
        oh = 0;
        ow = 0;
        ky = 0;
        kx = 0;
        c = 0;
        ihBase = -padT;
        iwBase = -padL;
        ih = ihBase;
        iw = iwBase;
        rdValid = false;
        rdPad = false;
        queue.reset();
    }
}
