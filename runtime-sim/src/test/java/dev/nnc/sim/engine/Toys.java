package dev.nnc.sim.engine;

import dev.nnc.sim.Component;

/** Small Moore-style components for engine tests (one lane each unless said). */
public final class Toys {
    private Toys() {
    }

    /** A FIFO: in_ready = count &lt; depth, out_valid = count &gt; 0. */
    public static final class Fifo implements Component {
        private final long[][] ring;
        private final boolean declaresIdle;
        private int head;
        private int count;

        public Fifo(int depth, int lanes) {
            this(depth, lanes, true);
        }

        /** {@code declaresIdle}: whether it tells the simulator it is idle (a FIFO changes only on transfers). */
        public Fifo(int depth, int lanes, boolean declaresIdle) {
            ring = new long[depth][lanes];
            this.declaresIdle = declaresIdle;
        }

        @Override
        public boolean idle() {
            return declaresIdle;
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
            return count < ring.length;
        }

        @Override
        public boolean outValid(int port) {
            return count > 0;
        }

        @Override
        public long[] outData(int port) {
            return ring[head];
        }

        @Override
        public void clock(long[][] accepted, boolean[] taken) {
            if (taken[0]) {
                head = (head + 1) % ring.length;
                count--;
            }
            if (accepted[0] != null) {
                long[] slot = ring[(head + count) % ring.length];
                System.arraycopy(accepted[0], 0, slot, 0, slot.length);
                count++;
            }
        }

        @Override
        public void reset() {
            head = 0;
            count = 0;
        }
    }

    /** Takes one beat, then waits {@code period - 1} cycles before it is ready again; emits it unchanged. */
    public static final class Slow implements Component {
        private final int period;
        private final long[] out = new long[1];
        private final boolean reportsControl;
        private boolean full;
        private int wait;

        public Slow(int period) {
            this(period, false);
        }

        /** {@code reportsControl}: whether it tells the simulator its control state (fast-forward needs it). */
        public Slow(int period, boolean reportsControl) {
            this.period = period;
            this.reportsControl = reportsControl;
        }

        @Override
        public long[] controlState() {
            return reportsControl ? new long[] {full ? 1 : 0, wait} : null;
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
            return !full && wait == 0;
        }

        @Override
        public boolean outValid(int port) {
            return full && wait == 0;
        }

        @Override
        public long[] outData(int port) {
            return out;
        }

        @Override
        public void clock(long[][] accepted, boolean[] taken) {
            if (wait > 0) {
                wait--;
            }
            if (taken[0]) {
                full = false;
            }
            if (accepted[0] != null) {
                out[0] = accepted[0][0];
                full = true;
                wait = period - 1;
            }
        }

        @Override
        public void reset() {
            full = false;
            wait = 0;
        }
    }

    /** 1 → 2: holds a beat until both outputs took it (each at its own cycle). */
    public static final class Fork implements Component {
        private final long[] beat = new long[1];
        private final boolean[] pending = new boolean[2];

        @Override
        public boolean idle() {
            return true;
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
            return !pending[0] && !pending[1];
        }

        @Override
        public boolean outValid(int port) {
            return pending[port];
        }

        @Override
        public long[] outData(int port) {
            return beat;
        }

        @Override
        public void clock(long[][] accepted, boolean[] taken) {
            for (int o = 0; o < 2; o++) {
                if (taken[o]) {
                    pending[o] = false;
                }
            }
            if (accepted[0] != null) {
                beat[0] = accepted[0][0];
                pending[0] = true;
                pending[1] = true;
            }
        }

        @Override
        public void reset() {
            pending[0] = false;
            pending[1] = false;
        }
    }

    /** 2 → 1: one register per input; when both are full and the output is free, emits their sum. */
    public static final class Add implements Component {
        private final long[] in = new long[2];
        private final boolean[] full = new boolean[2];
        private final long[] out = new long[1];
        private boolean outFull;

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
            return !full[port];
        }

        @Override
        public boolean outValid(int port) {
            return outFull;
        }

        @Override
        public long[] outData(int port) {
            return out;
        }

        @Override
        public void clock(long[][] accepted, boolean[] taken) {
            if (taken[0]) {
                outFull = false;
            }
            if (!outFull && full[0] && full[1]) {
                out[0] = in[0] + in[1];
                outFull = true;
                full[0] = false;
                full[1] = false;
            }
            for (int i = 0; i < 2; i++) {
                if (accepted[i] != null) {
                    in[i] = accepted[i][0];
                    full[i] = true;
                }
            }
        }

        @Override
        public void reset() {
            full[0] = false;
            full[1] = false;
            outFull = false;
        }
    }

    /** Buffers a whole frame of {@code n} beats, then replays it (as a line buffer holding a frame would). */
    public static final class FrameBuffer implements Component {
        private final long[] buf;
        private final long[] out = new long[1];
        private int filled;
        private int sent;
        private boolean emitting;

        public FrameBuffer(int n) {
            buf = new long[n];
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
            return !emitting;
        }

        @Override
        public boolean outValid(int port) {
            return emitting;
        }

        @Override
        public long[] outData(int port) {
            out[0] = buf[sent];
            return out;
        }

        @Override
        public void clock(long[][] accepted, boolean[] taken) {
            if (taken[0] && ++sent == buf.length) {
                emitting = false;
                sent = 0;
                filled = 0;
            }
            if (accepted[0] != null) {
                buf[filled++] = accepted[0][0];
                if (filled == buf.length) {
                    emitting = true;
                }
            }
        }

        @Override
        public void reset() {
            filled = 0;
            sent = 0;
            emitting = false;
        }
    }
}
