package dev.nnc.frontend;

import dev.nnc.ir.tensor.TensorBytes;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;

/** How many bytes tensor data of an element type occupies in ONNX's packed little-endian layout. */
final class ElementSizes {
    private ElementSizes() {
    }

    /** Bytes that {@code count} elements occupy when packed, rounded up; Long.MAX_VALUE on overflow. */
    static long packedBytes(ElementType t, long count) {
        // strings have no raw layout; one byte each is the least they cost
        return TensorBytes.byteCount(t == StringType.STR ? IntegerType.U8 : t, count, TensorBytes.Layout.PACKED);
    }
}
