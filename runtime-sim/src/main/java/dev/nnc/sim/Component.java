package dev.nnc.sim;

/**
 * The cycle model of one hardware primitive (MVAU, sliding window, FIFO, ...), written as a
 * register-transfer description of the same state machine as its RTL so that the two agree cycle
 * for cycle. See docs/hardware.md, "Stream protocol".
 *
 * <p>Every primitive is Moore-style: {@link #inReady}, {@link #outValid} and {@link #outData}
 * depend only on the state registered at the last {@link #clock}, never on this cycle's inputs.
 * So a simulator evaluates a cycle in two phases with no ordering between components: first it
 * reads every component's outputs, decides which transfers fire (valid and ready both high), then
 * clocks every component with the transfers that fired.
 */
public interface Component {

    /** Number of input streams (ports {@code in} or {@code in0, in1, ...} in the RTL). */
    int inputCount();

    /** Number of output streams (ports {@code out} or {@code out0, out1, ...}). */
    int outputCount();

    /** The registered {@code in_ready} of input {@code port}. */
    boolean inReady(int port);

    /** The registered {@code out_valid} of output {@code port}. */
    boolean outValid(int port);

    /**
     * The beat on output {@code port}: one raw integer per lane, lane 0 first (lane 0 is the low
     * bits of {@code out_data}); signed element types are sign-extended. Only meaningful while
     * {@link #outValid} is true. The caller must not modify the array.
     */
    long[] outData(int port);

    /**
     * The rising clock edge. {@code accepted[i]} is the beat transferred on input i this cycle,
     * or null when none was (in_valid and in_ready were not both high); {@code taken[o]} says
     * whether output o's beat was transferred (out_valid and out_ready both high). The arrays in
     * {@code accepted} belong to the simulator and are reused next cycle: copy a beat to keep it.
     * A component may change the array it returned from {@link #outData} here (the simulator has
     * already copied the transferred beat).
     */
    void clock(long[][] accepted, boolean[] taken);

    /** Synchronous reset: the state after the cycles with {@code rst} high. */
    void reset();

    /**
     * True when a {@link #clock} with no transfer on any port would leave this component's state
     * unchanged (a FIFO always; a pipeline only once it is empty). The simulator asks after each
     * clock and skips the clocks of idle components that no transfer touches, which is most of
     * the work in a pipeline whose stages wait for each other. The default, false, is always safe.
     */
    default boolean idle() {
        return false;
    }

    /**
     * The registers that decide this component's future handshakes (counters, flags, occupancy),
     * not the data it holds; null when the model does not say, which turns fast-forward off for
     * the whole netlist. Contract: two states with equal control state, given the same transfers,
     * give the same handshakes cycle for cycle whatever data they hold (the timing of every
     * primitive is data-independent). A counter that only addresses data (a ring buffer's write
     * row) must be left out or reduced, or the state never repeats.
     */
    default long[] controlState() {
        return null;
    }
}
