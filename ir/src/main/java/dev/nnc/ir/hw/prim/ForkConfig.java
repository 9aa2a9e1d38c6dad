package dev.nnc.ir.hw.prim;

/**
 * The numbers of one {@code hw.fork}: a stream of {@code lanes} elements of {@code elemWidth}
 * bits copied to two outputs of the same type.
 */
public record ForkConfig(int lanes, int elemWidth, boolean signed) {
    public ForkConfig {
        if (lanes < 1 || elemWidth < 1 || elemWidth > 64) {
            throw new IllegalArgumentException("fork stream " + lanes + "x" + elemWidth + " bits");
        }
    }

    /** Width of the packed beat in bits. */
    public int width() {
        return lanes * elemWidth;
    }
}
