package dev.nnc.sim.prim;

/**
 * The 2-entry output queue every compute primitive ends in (docs/hardware.md §4), as in the RTL:
 * out_valid = count > 0, out_data = head; a push is allowed when count < 2 at the start of the
 * cycle (registered state), a simultaneous pop and push keeps one entry. Beats are lane arrays
 * reused in place: no allocation per cycle.
 */
final class OutputQueue {
    private long[] head;
    private long[] second;
    private int count;

    OutputQueue(int lanes) {
        head = new long[lanes];
        second = new long[lanes];
    }

    boolean valid() {
        return count > 0;
    }

    /** Room for a push this cycle, from registered state only. */
    boolean room() {
        return count < 2;
    }

    long[] head() {
        return head;
    }

    /** The slot the next push writes: the head when the queue empties this cycle or is empty. */
    long[] pushSlot(boolean pop) {
        return count == 0 || (pop && count == 1) ? head : second;
    }

    /** Clocks the queue; a push must have written {@link #pushSlot(boolean)} first. */
    void clock(boolean push, boolean pop) {
        if (pop && !push) {
            long[] t = head;
            head = second;
            second = t;
            count--;
        } else if (push && !pop) {
            count++;
        }
    }

    int count() {
        return count;
    }

    void reset() {
        count = 0;
    }
}
