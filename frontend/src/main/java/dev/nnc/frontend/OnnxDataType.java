package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.TensorProto.DataType;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;

/**
 * The ONNX element types nnc supports and how each maps to an IR {@link ElementType}. Types with
 * no IR counterpart (float8, float4, complex) map to null so callers can name them in an error.
 */
final class OnnxDataType {
    private OnnxDataType() {
    }

    /** The IR element type for an ONNX {@code TensorProto.DataType} number, or null if unsupported. */
    static ElementType elementType(int dataType) {
        DataType dt = DataType.forNumber(dataType);
        if (dt == null) {
            return null;
        }
        switch (dt) {
            case FLOAT: return FloatType.F32;
            case DOUBLE: return FloatType.F64;
            case FLOAT16: return FloatType.F16;
            case BFLOAT16: return FloatType.BF16;
            case INT8: return IntegerType.I8;
            case INT16: return IntegerType.I16;
            case INT32: return IntegerType.I32;
            case INT64: return IntegerType.I64;
            case UINT8: return IntegerType.U8;
            case UINT16: return IntegerType.U16;
            case UINT32: return IntegerType.U32;
            case UINT64: return IntegerType.U64;
            case INT4: return new IntegerType(4, true);
            case UINT4: return new IntegerType(4, false);
            case INT2: return new IntegerType(2, true);
            case UINT2: return new IntegerType(2, false);
            case BOOL: return BoolType.I1;
            case STRING: return StringType.STR;
            default: return null;
        }
    }

    /** The ONNX name of a data type number, e.g. {@code FLOAT8E4M3FN}, for error messages. */
    static String name(int dataType) {
        DataType dt = DataType.forNumber(dataType);
        return dt == null ? "data type " + dataType : dt.name();
    }

    /** Bits one element occupies in {@code raw_data} (2 and 4 for the packed sub-byte types). */
    static int bitsPerElement(ElementType t) {
        if (t instanceof IntegerType it && it.width() < 8) {
            return it.width();
        }
        return t == BoolType.I1 || t == StringType.STR ? 8 : t.byteSize() * 8;
    }

    /** Bytes that {@code count} elements occupy when packed, rounded up. */
    static long packedBytes(ElementType t, long count) {
        try {
            return Math.addExact(Math.multiplyExact(count, bitsPerElement(t)), 7) / 8;
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
