package dev.nnc.ir.hw.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.hw.HwDialect;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;

/**
 * The numbers of one {@code hw.fifo}: a stream of {@code lanes} elements of {@code elemWidth}
 * bits ({@code signed} for fixed, unsigned for ufixed) buffered {@code depth} beats deep. The RTL
 * ({@code nnc_fifo}) sees only the packed width; the cycle model keeps lanes.
 */
public record FifoConfig(int lanes, int elemWidth, boolean signed, int depth) {
    /** The deepest FIFO nnc builds (beats): far beyond any on-chip buffer, small enough for an int count. */
    public static final int MAX_DEPTH = 1 << 24;

    public FifoConfig {
        if (lanes < 1 || elemWidth < 1 || elemWidth > 64) {
            throw new IllegalArgumentException("fifo stream " + lanes + "x" + elemWidth + " bits");
        }
        if (depth < 1) {
            throw new IllegalArgumentException("fifo depth " + depth + " < 1");
        }
    }

    /** Reads {@code hw.fifo}: {@code depth} (default 2) and the operand's {@code !hw.stream<LxT>}. */
    public static FifoConfig from(Operation op) {
        StreamType s = PrimOps.operandStream(op, 0);
        FixedType t = PrimOps.fixedElement(op, s, "the stream");
        long depth = new OpAttributes(op, null).getInt(HwDialect.DEPTH, 2);
        if (depth < 1 || depth > MAX_DEPTH) {
            throw PrimOps.error(op, "depth " + depth + " must be 1.." + MAX_DEPTH);
        }
        return new FifoConfig(s.lanes(), t.width(), t.signed(), (int) depth);
    }

    /** Width of the packed beat in bits. */
    public int width() {
        return lanes * elemWidth;
    }
}
