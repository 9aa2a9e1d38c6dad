package dev.nnc.ir.onnx;

import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;
import java.util.Optional;

/**
 * ONNX's {@code TensorProto.DataType} codes (as used by the {@code to} attribute of Cast and in
 * tensors) mapped to IR element types. Codes the IR has no element type for (complex) map to
 * empty, and callers report them by {@link #name(int)}.
 */
public final class OnnxDataType {
    private OnnxDataType() {
    }

    public static Optional<ElementType> toElementType(int code) {
        ElementType t = switch (code) {
            case 1 -> FloatType.F32;
            case 2 -> IntegerType.U8;
            case 3 -> IntegerType.I8;
            case 4 -> IntegerType.U16;
            case 5 -> IntegerType.I16;
            case 6 -> IntegerType.I32;
            case 7 -> IntegerType.I64;
            case 8 -> StringType.STR;
            case 9 -> BoolType.I1;
            case 10 -> FloatType.F16;
            case 11 -> FloatType.F64;
            case 12 -> IntegerType.U32;
            case 13 -> IntegerType.U64;
            case 16 -> FloatType.BF16;
            case 17 -> FloatType.F8E4M3FN;
            case 18 -> FloatType.F8E4M3FNUZ;
            case 19 -> FloatType.F8E5M2;
            case 20 -> FloatType.F8E5M2FNUZ;
            case 21 -> new IntegerType(4, false);
            case 22 -> new IntegerType(4, true);
            case 23 -> FloatType.F4E2M1FN;
            case 24 -> FloatType.F8E8M0FNU;
            case 25 -> new IntegerType(2, false);
            case 26 -> new IntegerType(2, true);
            default -> null;
        };
        return Optional.ofNullable(t);
    }

    /** The ONNX code of an element type, or -1 (fixed point has none). */
    public static int code(ElementType t) {
        for (int c = 1; c <= 26; c++) {
            if (toElementType(c).filter(t::equals).isPresent()) {
                return c;
            }
        }
        return -1;
    }

    /** ONNX's name of a data type code, e.g. {@code FLOAT8E4M3FN}, for error messages. */
    public static String name(int code) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING", "BOOL",
            "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16", "FLOAT8E4M3FN",
            "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4", "FLOAT4E2M1", "FLOAT8E8M0", "UINT2", "INT2"};
        return code >= 0 && code < names.length ? names[code] : "data type " + code;
    }
}
