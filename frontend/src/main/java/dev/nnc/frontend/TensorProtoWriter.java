package dev.nnc.frontend;

import com.google.protobuf.ByteString;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BFloat16;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Half;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An IR {@link Tensor} as an ONNX {@code TensorProto}: numbers in {@code raw_data} (little endian,
 * sub-byte types packed from the low bits up, float8/float4 as their codes), strings in {@code string_data}. The inverse of
 * {@link TensorProtoConverter}.
 */
final class TensorProtoWriter {
    private TensorProtoWriter() {
    }

    static TensorProto toProto(Tensor t, String name) {
        ElementType type = t.elementType();
        int code = OnnxDataType.code(type);
        if (code < 0) {
            throw new NncException("tensor '" + name + "' of type " + type.spelling() + " has no ONNX data type");
        }
        TensorProto.Builder b = TensorProto.newBuilder().setDataType(code);
        if (name != null && !name.isEmpty()) {
            b.setName(name);
        }
        for (int d : t.shape()) {
            b.addDims(d);
        }
        if (t.isStrings()) {
            for (String s : t.strings()) {
                b.addStringData(ByteString.copyFrom(s, StandardCharsets.UTF_8));
            }
            return b.build();
        }
        return b.setRawData(ByteString.copyFrom(raw(t, type))).build();
    }

    private static byte[] raw(Tensor t, ElementType type) {
        int n = t.size();
        long bytes = ElementSizes.packedBytes(type, n);
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new NncException("tensor of " + bytes + " bytes is too large for one TensorProto");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        int bits = ElementSizes.bitsPerElement(type);
        for (int i = 0; i < n; i++) {
            if (type instanceof FloatType ft && ft.mini() == null) {
                double v = t.doubles()[i];
                switch (ft) {
                    case F32: buf.putFloat((float) v); break;
                    case F64: buf.putDouble(v); break;
                    case F16: buf.putShort(Half.fromDouble(v)); break;
                    default: buf.putShort(BFloat16.fromDouble(v)); break;
                }
                continue;
            }
            // integers as they are, float8/float4 as their codes
            long v = t.isDoubles() ? ((FloatType) type).toBits(t.doubles()[i]) : t.longs()[i];
            if (bits < 8) {
                int bit = i * bits;
                int at = bit / 8;
                buf.put(at, (byte) (buf.get(at) | (v & ((1 << bits) - 1)) << (bit % 8)));
            } else {
                switch (bits) {
                    case 8: buf.put((byte) v); break;
                    case 16: buf.putShort((short) v); break;
                    case 32: buf.putInt((int) v); break;
                    default: buf.putLong(v); break;
                }
            }
        }
        return buf.array();
    }
}
