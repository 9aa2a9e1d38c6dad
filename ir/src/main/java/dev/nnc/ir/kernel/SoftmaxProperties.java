package dev.nnc.ir.kernel;

import dev.nnc.ir.q.QSoftmax;
import dev.nnc.ir.spec.AttrKind;
import java.util.List;

/**
 * The table properties {@code kernel.softmax} shares with {@code q.softmax} and {@code hw.softmax}
 * (same names, same encodings); lower-kernel spells every one out, so they are required here.
 * The arithmetic is {@link dev.nnc.ir.fixed.FixedSoftmax}, read through {@link QSoftmax#of}.
 */
public final class SoftmaxProperties {
    /** The properties, in the order of docs/hardware.md §3. */
    public static final List<String> NAMES = List.of(QSoftmax.EXP_LOG2_SIZE, QSoftmax.EXP_LO, QSoftmax.EXP_HI,
            QSoftmax.EXP_TYPE, QSoftmax.RECIP_IN_TYPE, QSoftmax.RECIP_LOG2_SIZE, QSoftmax.RECIP_LO, QSoftmax.RECIP_HI,
            QSoftmax.RECIP_TYPE);

    private SoftmaxProperties() {
    }

    static AttrKind kind(String property) {
        if (property.endsWith("_type")) {
            return AttrKind.TYPE;
        }
        return property.endsWith("_size") ? AttrKind.INT : AttrKind.FLOAT;
    }
}
