package dev.nnc.frontend;

import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BFloat16;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Half;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Reads a tensor from ONNX's typed value fields. {@code int32_data} carries every type of 16 bits
 * or fewer (their bit patterns; sub-byte types one packed byte per entry), {@code uint64_data}
 * carries uint32 and uint64. Float8 codes are one per entry, float4 packed two per entry.
 */
final class TypedFields {
    /** Builds the error for a field holding the wrong number of values. */
    interface CountError {
        NncException of(String field, int found, int needed);
    }

    private TypedFields() {
    }

    static Tensor read(TensorProto t, ElementType type, int[] shape, int n, CountError err) {
        if (type == StringType.STR) {
            check("string_data", t.getStringDataCount(), n, err);
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                s[i] = TensorProtoConverter.utf8(t.getStringData(i));
            }
            return Tensor.ofStrings(shape, s);
        }
        if (type == FloatType.F32) {
            check("float_data", t.getFloatDataCount(), n, err);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = t.getFloatData(i);
            }
            return Tensor.ofDoubles(type, shape, d);
        }
        if (type == FloatType.F64) {
            check("double_data", t.getDoubleDataCount(), n, err);
            return Tensor.ofDoubles(type, shape, t.getDoubleDataList().stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (type == FloatType.F16 || type == FloatType.BF16) {
            check("int32_data", t.getInt32DataCount(), n, err);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                short bits = (short) t.getInt32Data(i);
                d[i] = type == FloatType.F16 ? Half.toDouble(bits) : BFloat16.toDouble(bits);
            }
            return Tensor.ofDoubles(type, shape, d);
        }
        if (type instanceof IntegerType it && it.width() < 8 || type instanceof FloatType ft && ft.mini() != null) {
            int bytes = (int) ElementSizes.packedBytes(type, n);
            check("int32_data", t.getInt32DataCount(), bytes, err);
            ByteBuffer buf = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
            t.getInt32DataList().forEach(v -> buf.put((byte) (int) v));
            return TensorProtoConverter.fromRaw(type, shape, n, buf.flip());
        }
        if (type == IntegerType.I64) {
            return longs(type, shape, n, "int64_data", t.getInt64DataList(), err);
        }
        if (type == IntegerType.U32 || type == IntegerType.U64) {
            return longs(type, shape, n, "uint64_data", t.getUint64DataList(), err);
        }
        // int8, int16, int32, uint8, uint16, bool
        return longs(type, shape, n, "int32_data", t.getInt32DataList(), err);
    }

    private static Tensor longs(ElementType type, int[] shape, int n, String field, List<? extends Number> values, CountError err) {
        check(field, values.size(), n, err);
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = values.get(i).longValue();
        }
        return Tensor.ofLongs(type, shape, l);
    }

    private static void check(String field, int found, int needed, CountError err) {
        if (found != needed) {
            throw err.of(field, found, needed);
        }
    }
}
