package dev.nnc.frontend;

import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;

/** How many bytes tensor data of an element type occupies in ONNX's packed little-endian layout. */
final class ElementSizes {
    private ElementSizes() {
    }

    /** Bits one element occupies in {@code raw_data} (2 and 4 for the packed sub-byte types, float4 included). */
    static int bitsPerElement(ElementType t) {
        if (t instanceof IntegerType it && it.width() < 8) {
            return it.width();
        }
        if (t instanceof FloatType ft) {
            return ft.bitWidth();
        }
        // strings have no raw layout; one byte each is the least they cost
        return t == BoolType.I1 || t == StringType.STR ? 8 : t.byteSize() * 8;
    }

    /** Bytes that {@code count} elements occupy when packed, rounded up; Long.MAX_VALUE on overflow. */
    static long packedBytes(ElementType t, long count) {
        try {
            return Math.addExact(Math.multiplyExact(count, bitsPerElement(t)), 7) / 8;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
