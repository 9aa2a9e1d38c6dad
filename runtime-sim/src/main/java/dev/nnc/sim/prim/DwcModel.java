package dev.nnc.sim.prim;

import dev.nnc.ir.hw.prim.DwcConfig;
import dev.nnc.ir.hw.prim.FifoConfig;
import dev.nnc.sim.Component;

/**
 * Cycle model of {@code nnc_dwc}. Up (out = K·in lanes): K−1 beats wait in an assembly buffer,
 * the K-th completes the word into a 2-entry queue; {@code in_ready} = not (K−1 gathered and the
 * queue full). Down (in = K·out lanes): input beats go into a 2-entry queue and leave as K
 * slices, lanes 0.. first; {@code in_ready} = the queue holds fewer than 2 beats.
 */
public final class DwcModel implements Component {
    private final boolean up;
    private final int k;
    private final int inLanes;
    private final int outLanes;
    private final FifoModel queue;
    /** Up: the word being gathered (the last IN lanes are filled when it completes). */
    private final long[] word;
    /** Down: the slice on out_data, refreshed by {@link #outData}. */
    private final long[] slice;
    private final long[][] qIn = new long[1][];
    private final boolean[] qTake = new boolean[1];
    private int count;

    public DwcModel(DwcConfig cfg) {
        up = cfg.up();
        k = cfg.ratio();
        inLanes = cfg.inLanes();
        outLanes = cfg.outLanes();
        int qLanes = up ? outLanes : inLanes;
        queue = new FifoModel(new FifoConfig(qLanes, cfg.elemWidth(), cfg.signed(), 2));
        word = new long[outLanes];
        slice = new long[outLanes];
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
        return up ? count != k - 1 || queue.inReady(0) : queue.inReady(0);
    }

    @Override
    public boolean outValid(int port) {
        return queue.outValid(0);
    }

    @Override
    public long[] outData(int port) {
        if (up) {
            return queue.outData(0);
        }
        System.arraycopy(queue.outData(0), count * outLanes, slice, 0, outLanes);
        return slice;
    }

    @Override
    public void clock(long[][] accepted, boolean[] taken) {
        long[] in = accepted[0];
        if (up) {
            qIn[0] = null;
            qTake[0] = taken[0];
            if (in != null) {
                System.arraycopy(in, 0, word, count * inLanes, inLanes);
                if (count == k - 1) {
                    qIn[0] = word;
                    count = 0;
                } else {
                    count++;
                }
            }
            queue.clock(qIn, qTake);
        } else {
            boolean last = count == k - 1;
            qIn[0] = in;
            qTake[0] = taken[0] && last;
            if (taken[0]) {
                count = last ? 0 : count + 1;
            }
            queue.clock(qIn, qTake);
        }
    }

    /** State changes only on transfers (docs: {@link dev.nnc.sim.Component#idle}). */
    @Override
    public boolean idle() {
        return true;
    }

    @Override
    public long[] controlState() {
        return new long[] {count, queue.count()};
    }

    @Override
    public void reset() {
        queue.reset();
        count = 0;
    }
}
