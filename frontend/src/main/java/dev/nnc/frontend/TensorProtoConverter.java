package dev.nnc.frontend;

import com.google.protobuf.ByteString;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.onnx.OnnxDataType;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.tensor.TensorBytes;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.StringType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an ONNX {@code TensorProto} into an IR {@link Tensor}, from {@code raw_data} (little
 * endian), from the typed fields, or from external data. The declared size is checked against the
 * memory limit before anything is allocated, so a hostile file cannot exhaust the heap.
 */
final class TensorProtoConverter {
    private final String file;
    private final ExternalData external;
    private final long maxBytes;

    /**
     * @param file the model or tensor file as the user named it, for error messages
     * @param external reader for external data, or null when the source has no folder
     * @param maxBytes the largest declared tensor size accepted
     */
    TensorProtoConverter(String file, ExternalData external, long maxBytes) {
        this.file = file;
        this.external = external;
        this.maxBytes = maxBytes;
    }

    /** Converts {@code t}; {@code what} names it in errors, e.g. {@code initializer 'w'}. */
    Tensor convert(TensorProto t, String what) {
        ElementType type = elementType(t, what);
        int[] shape = shape(t, what);
        int count = Math.toIntExact(Arrays.stream(shape).asLongStream().reduce(1, Math::multiplyExact));
        if (t.hasSegment()) {
            throw error(what + " is a segment of a split tensor, which nnc does not support");
        }
        long bytes = ElementSizes.packedBytes(type, count);
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            if (type == StringType.STR) {
                throw error(what + " is a STRING tensor with external data, which ONNX does not allow");
            }
            if (external == null) {
                throw error(what + " has external data but no folder to read it from");
            }
            return fromRaw(type, shape, count, external.read(t, what, bytes));
        }
        if (t.hasRawData()) {
            ByteString raw = t.getRawData();
            if (type == StringType.STR) {
                throw error(what + " is a STRING tensor with raw_data, which ONNX does not allow");
            }
            if (raw.size() != bytes) {
                throw error(what + " has " + raw.size() + " bytes of raw_data but its dims " + Arrays.toString(shape)
                        + " of " + OnnxDataType.name(t.getDataType()) + " need " + bytes);
            }
            return fromRaw(type, shape, count, raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN));
        }
        return TypedFields.read(t, type, shape, count, (field, found, needed) -> error(what + " has "
                + found + " values in " + field + " but its dims " + Arrays.toString(shape) + " need " + needed));
    }

    /** The IR element type of {@code t}, or an error naming it and its unsupported data type. */
    ElementType elementType(TensorProto t, String what) {
        if (!t.hasDataType() || t.getDataType() == 0) {
            throw error(what + " has no data_type");
        }
        ElementType type = OnnxDataType.toElementType(t.getDataType()).orElse(null);
        if (type == null) {
            throw error(what + " has data type " + OnnxDataType.name(t.getDataType()) + ", which nnc does not support");
        }
        return type;
    }

    private int[] shape(TensorProto t, String what) {
        return shape(t.getDimsList(), t.getDataType(), what);
    }

    /** The dims as ints, after checking the declared byte size against the limit. */
    int[] shape(List<Long> dims, int dataType, String what) {
        long count = 1;
        boolean overflow = false;
        for (long d : dims) {
            if (d < 0) {
                throw error(what + " has negative dimension " + d + " in dims " + dims);
            }
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        ElementType type = OnnxDataType.toElementType(dataType).orElse(null);
        long bytes = overflow ? Long.MAX_VALUE : ElementSizes.packedBytes(type, count);
        if (bytes > maxBytes) {
            throw error(what + " declares " + (overflow ? "more than 2^63" : String.valueOf(bytes)) + " bytes (dims "
                    + dims + " of " + OnnxDataType.name(dataType) + "), above the limit of " + maxBytes + " bytes");
        }
        if (count > Integer.MAX_VALUE - 8 || dims.stream().anyMatch(d -> d > Integer.MAX_VALUE - 8)) {
            throw error(what + " has dims " + dims + ", too many elements for one tensor");
        }
        return dims.stream().mapToInt(Long::intValue).toArray();
    }

    /**
     * Decodes little-endian packed data; {@code buf} holds exactly the tensor's bytes. Float8 are
     * one byte each, float4 two per byte, low nibble first, like int4.
     */
    static Tensor fromRaw(ElementType type, int[] shape, int n, ByteBuffer buf) {
        return TensorBytes.decode(type, shape, n, buf, TensorBytes.Layout.PACKED);
    }

    static String utf8(ByteString s) {
        return s.toString(StandardCharsets.UTF_8);
    }

    private NncException error(String message) {
        return new NncException(file + ": " + message);
    }
}
