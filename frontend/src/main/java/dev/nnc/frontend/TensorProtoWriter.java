package dev.nnc.frontend;

import com.google.protobuf.ByteString;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorBytes;
import dev.nnc.ir.type.ElementType;
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
        long bytes = ElementSizes.packedBytes(type, t.size());
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new NncException("tensor of " + bytes + " bytes is too large for one TensorProto");
        }
        return TensorBytes.encode(t, ByteOrder.LITTLE_ENDIAN, TensorBytes.Layout.PACKED);
    }
}
