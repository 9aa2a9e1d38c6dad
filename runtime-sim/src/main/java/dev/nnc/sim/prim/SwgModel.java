package dev.nnc.sim.prim;

import dev.nnc.ir.hw.prim.SwgConfig;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_swg.sv}: the same registers and the same next-state rules (see the
 * RTL header). A double-buffered frame memory; the write side fills buffer {@code wbuf} while
 * {@code in_ready = !full[wbuf]}; the read side walks the windows of the full buffer
 * {@code rbuf} (cf innermost, then kx, ky, ow, oh), issuing a read when
 * {@code count + rdValid − pop < 2}; the registered word (or zero for padding) enters the
 * {@link OutputQueue} one edge later. Latency inBeats + outBeats + 2, II max(inBeats, outBeats).
 */
public final class SwgModel implements Component {
    private final SwgConfig cfg;
    private final int simd;
    private final int frame;
    private final int cf;
    private final long[] mem;

    private int wbuf;
    private int waddr;
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
    private final long[] rdata;
    private final OutputQueue queue;

    public SwgModel(SwgConfig cfg) {
        this.cfg = cfg;
        this.simd = cfg.simd();
        this.cf = cfg.channelFolds();
        this.frame = Math.toIntExact(cfg.inBeats());
        this.mem = new long[2 * frame * simd];
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
        int count = !queue.room() ? 2 : queue.valid() ? 1 : 0;
        boolean issue = full[rbuf] && count + (rdValid ? 1 : 0) - (pop ? 1 : 0) < 2;
        boolean inFrame = ih >= 0 && ih < cfg.inH() && iw >= 0 && iw < cfg.inW();
        boolean lastStep = c == cf - 1 && kx == cfg.kernelW() - 1 && ky == cfg.kernelH() - 1
                && ow == cfg.outW() - 1 && oh == cfg.outH() - 1;
        int raddr = inFrame ? rbuf * frame + (ih * cfg.inW() + iw) * cf + c : 0;

        // Output queue first: it reads rdata/rdPad as registered before this edge.
        if (rdValid) {
            long[] slot = queue.pushSlot(pop);
            if (rdPad) {
                java.util.Arrays.fill(slot, 0L);
            } else {
                System.arraycopy(rdata, 0, slot, 0, simd);
            }
        }
        queue.clock(rdValid, pop);

        if (in != null) {
            System.arraycopy(in, 0, mem, (wbuf * frame + waddr) * simd, simd);
            if (waddr == frame - 1) {
                full[wbuf] = true;
                waddr = 0;
                wbuf ^= 1;
            } else {
                waddr++;
            }
        }
        rdValid = issue;
        if (issue) {
            System.arraycopy(mem, raddr * simd, rdata, 0, simd);
            rdPad = !inFrame;
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

    /** Without transfers only a registered read (into the queue) or a new read issue changes state. */
    @Override
    public boolean idle() {
        return !rdValid && !(full[rbuf] && queue.room());
    }

    @Override
    public void reset() {
        wbuf = 0;
        waddr = 0;
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
        queue.reset();
    }
}
