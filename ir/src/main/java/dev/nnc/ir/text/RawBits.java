package dev.nnc.ir.text;

import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.IntegerType;

/** The integer an element is stored as (integers, fixed-point raw values, booleans): its width and signedness. */
record RawBits(int width, boolean signed) {
    /** The layout of an integral element type; null for floats and strings. */
    static RawBits of(ElementType e) {
        if (e instanceof IntegerType it) {
            return new RawBits(it.width(), it.signed());
        }
        if (e instanceof FixedType ft) {
            return new RawBits(ft.width(), ft.signed());
        }
        return e == BoolType.I1 ? new RawBits(1, false) : null;
    }
}
