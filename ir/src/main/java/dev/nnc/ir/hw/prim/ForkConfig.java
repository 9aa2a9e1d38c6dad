package dev.nnc.ir.hw.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;

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

    /** Reads {@code hw.fork}: the operand's {@code !hw.stream<LxT>}, which both results repeat. */
    public static ForkConfig from(Operation op) {
        StreamType s = PrimOps.operandStream(op, 0);
        FixedType t = PrimOps.fixedElement(op, s, "the stream");
        if (op.numResults() != 2) {
            throw PrimOps.error(op, "must have 2 results, has " + op.numResults());
        }
        for (int i = 0; i < 2; i++) {
            if (!PrimOps.resultStream(op, i).equals(s)) {
                throw PrimOps.error(op, "result #" + i + " type " + op.result(i).type() + " differs from the operand's " + s);
            }
        }
        return new ForkConfig(s.lanes(), t.width(), t.signed());
    }

    /** Width of the packed beat in bits. */
    public int width() {
        return lanes * elemWidth;
    }
}
