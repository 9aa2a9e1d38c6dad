package dev.nnc.ir.hw.prim;

/**
 * The numbers of one {@code hw.fifo}: a stream of {@code lanes} elements of {@code elemWidth}
 * bits ({@code signed} for fixed, unsigned for ufixed) buffered {@code depth} beats deep. The RTL
 * ({@code nnc_fifo}) sees only the packed width; the cycle model keeps lanes.
 */
public record FifoConfig(int lanes, int elemWidth, boolean signed, int depth) {
    public FifoConfig {
        if (lanes < 1 || elemWidth < 1 || elemWidth > 64) {
            throw new IllegalArgumentException("fifo stream " + lanes + "x" + elemWidth + " bits");
        }
        if (depth < 1) {
            throw new IllegalArgumentException("fifo depth " + depth + " < 1");
        }
    }

    /** Width of the packed beat in bits. */
    public int width() {
        return lanes * elemWidth;
    }
}
