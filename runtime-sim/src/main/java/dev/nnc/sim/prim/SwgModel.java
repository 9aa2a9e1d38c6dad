package dev.nnc.sim.prim;

import dev.nnc.ir.hw.prim.SwgConfig;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_swg.sv}: the same registers and the same next-state rules (see the
 * RTL header). A double-buffered frame memory; the write side fills buffer {@code wbuf} while
 * {@code in_ready = !full[wbuf]}, counting the rows it completed; the read side walks the windows
 * of buffer {@code rbuf} (cf innermost, then kx, ky, ow, oh) once the frame is full or, early,
 * once the rows of the current window row are written (the frame's last read waits for the full
 * frame), issuing a read when {@code count + rdValid − pop < 2}; the registered word (or zero for
 * padding) enters the {@link OutputQueue} one edge later. Latency {@link SwgConfig#latency()},
 * II max(inBeats, outBeats).
 */
public final class SwgModel implements Component {
    private final SwgConfig cfg;
    private final int simd;
    private final int frame;
    private final int cf;
    private final int rowBeats;
    private final int inH;
    private final int inW;
    private final int cfLast;
    private final int kxLast;
    private final int kyLast;
    private final int owLast;
    private final int ohLast;
    private final int windowRows;
    private final long[] mem;

    private int wbuf;
    private int waddr;
    private int wcol;
    private int wrow;
    private final boolean[] full = new boolean[2];
    private int rbuf;
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
    /** Index in mem of the word read at the last issue (the RTL's registered read data). */
    private int rdAddr;
    private final OutputQueue queue;

    public SwgModel(SwgConfig cfg) {
        this.cfg = cfg;
        this.simd = cfg.simd();
        this.cf = cfg.channelFolds();
        this.rowBeats = cfg.inW() * cf;
        this.frame = Math.toIntExact(cfg.inBeats());
        this.mem = new long[2 * frame * simd];
        this.inH = cfg.inH();
        this.inW = cfg.inW();
        this.cfLast = cf - 1;
        this.kxLast = cfg.kernelW() - 1;
        this.kyLast = cfg.kernelH() - 1;
        this.owLast = cfg.outW() - 1;
        this.ohLast = cfg.outH() - 1;
        this.windowRows = (cfg.kernelH() - 1) * cfg.dilH();
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

    @Override
    public boolean inReady(int port) {
        return !full[wbuf];
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
        boolean lastStep = lastStep();
        boolean issue = canIssue(pop, lastStep);

        // Output queue first: it takes the word read at the last issue (rdAddr; the write side
        // never writes a word that a pending read addresses) or zero for padding.
        if (rdValid) {
            long[] slot = queue.pushSlot(pop);
            if (rdPad) {
                for (int s = 0; s < simd; s++) {
                    slot[s] = 0;
                }
            } else {
                int a = rdAddr;
                for (int s = 0; s < simd; s++) {
                    slot[s] = mem[a + s];
                }
            }
        }
        queue.clock(rdValid, pop);

        if (in != null) {
            int a = (wbuf * frame + waddr) * simd;
            for (int s = 0; s < simd; s++) {
                mem[a + s] = in[s];
            }
            if (waddr == frame - 1) {
                full[wbuf] = true;
                waddr = 0;
                wcol = 0;
                wrow = 0;
                wbuf ^= 1;
            } else {
                waddr++;
                if (wcol == rowBeats - 1) {
                    wcol = 0;
                    wrow++;
                } else {
                    wcol++;
                }
            }
        }
        rdValid = issue;
        if (issue) {
            boolean inFrame = ih >= 0 && ih < inH && iw >= 0 && iw < inW;
            rdPad = !inFrame;
            rdAddr = inFrame ? (rbuf * frame + (ih * inW + iw) * cf + c) * simd : 0;
            if (lastStep) {
                full[rbuf] = false;
            }
            step();
        }
    }

    /** The window counters' next state after an issued read, as in the RTL's nested if. */
    private void step() {
        if (c != cf - 1) {
            c++;
            return;
        }
        c = 0;
        if (kx != cfg.kernelW() - 1) {
            kx++;
            iw += cfg.dilW();
            return;
        }
        kx = 0;
        if (ky != cfg.kernelH() - 1) {
            ky++;
            ih += cfg.dilH();
            iw = iwBase;
            return;
        }
        ky = 0;
        if (ow != cfg.outW() - 1) {
            ow++;
            iwBase += cfg.strideW();
            iw = iwBase;
            ih = ihBase;
            return;
        }
        ow = 0;
        iwBase = -cfg.padL();
        iw = iwBase;
        if (oh != cfg.outH() - 1) {
            oh++;
            ihBase += cfg.strideH();
            ih = ihBase;
            return;
        }
        oh = 0;
        ihBase = -cfg.padT();
        ih = ihBase;
        rbuf ^= 1;
    }

    private boolean lastStep() {
        return c == cfLast && kx == kxLast && ky == kyLast && ow == owLast && oh == ohLast;
    }

    /** Whether a read issues this cycle: its rows are written and the queue will have room. */
    private boolean canIssue(boolean pop, boolean lastStep) {
        int count = !queue.room() ? 2 : queue.valid() ? 1 : 0;
        boolean rowsReady = wbuf == rbuf && wrow > ihBase + windowRows && !lastStep;
        return (full[rbuf] || rowsReady) && count + (rdValid ? 1 : 0) - (pop ? 1 : 0) < 2;
    }

    /** Without transfers only a registered read (into the queue) or a new read issue changes state. */
    @Override
    public boolean idle() {
        return !rdValid && !canIssue(false, lastStep());
    }

    @Override
    public void reset() {
        wbuf = 0;
        waddr = 0;
        wcol = 0;
        wrow = 0;
        full[0] = false;
        full[1] = false;
        rbuf = 0;
        oh = 0;
        ow = 0;
        ky = 0;
        kx = 0;
        c = 0;
        ihBase = -cfg.padT();
        iwBase = -cfg.padL();
        ih = ihBase;
        iw = iwBase;
        rdValid = false;
        rdPad = false;
        rdAddr = 0;
        queue.reset();
    }
}
