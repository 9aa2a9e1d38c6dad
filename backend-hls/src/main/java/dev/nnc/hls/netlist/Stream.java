package dev.nnc.hls.netlist;

/**
 * One point-to-point stream of the design (a value of type {@code !hw.stream<LxT>}): its lanes,
 * the bits of one element, and the element type as the IR spells it (for comments).
 */
public record Stream(int lanes, int elementBits, String element) {
    public Stream {
        if (lanes < 1 || elementBits < 1) {
            throw new IllegalArgumentException("stream of " + lanes + " lanes of " + elementBits + " bits");
        }
    }

    /** Bits of one beat: the width of the {@code *_data} port. */
    public int beatBits() {
        return lanes * elementBits;
    }

    /** {@code 4 x fixed<8,3>}, for comments. */
    public String describe() {
        return lanes + " x " + element;
    }
}
