package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;

/**
 * ONNX's {@code TensorProto.DataType} codes (the value of Cast's {@code to} attribute) and the
 * nnc element type of each; {@code null} for those nnc does not represent (complex, float8,
 * float4, e8m0).
 */
public enum OnnxDataType {
    UNDEFINED(0, null), FLOAT(1, FloatType.F32), UINT8(2, IntegerType.U8), INT8(3, IntegerType.I8),
    UINT16(4, IntegerType.U16), INT16(5, IntegerType.I16), INT32(6, IntegerType.I32), INT64(7, IntegerType.I64),
    STRING(8, StringType.STR), BOOL(9, BoolType.I1), FLOAT16(10, FloatType.F16), DOUBLE(11, FloatType.F64),
    UINT32(12, IntegerType.U32), UINT64(13, IntegerType.U64), COMPLEX64(14, null), COMPLEX128(15, null),
    BFLOAT16(16, FloatType.BF16), FLOAT8E4M3FN(17, null), FLOAT8E4M3FNUZ(18, null), FLOAT8E5M2(19, null),
    FLOAT8E5M2FNUZ(20, null), UINT4(21, new IntegerType(4, false)), INT4(22, new IntegerType(4, true)),
    FLOAT4E2M1(23, null), FLOAT8E8M0(24, null), UINT2(25, new IntegerType(2, false)), INT2(26, new IntegerType(2, true));

    private final int code;
    private final ElementType elementType;

    OnnxDataType(int code, ElementType elementType) {
        this.code = code;
        this.elementType = elementType;
    }

    public int code() {
        return code;
    }

    /** The nnc element type, or null when nnc has none for this ONNX type. */
    public ElementType elementType() {
        return elementType;
    }

    /** The data type with this code, or null for a code ONNX does not define. */
    public static OnnxDataType fromCode(long code) {
        for (OnnxDataType d : values()) {
            if (d.code == code) {
                return d;
            }
        }
        return null;
    }
}
