package dev.nnc.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.nnc.frontend.proto.Onnx.TensorProto;
import dev.nnc.frontend.proto.Onnx.TensorProto.DataType;
import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BFloat16;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.Half;
import dev.nnc.ir.type.IntegerType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported ONNX data type read from raw_data and from its typed field gives the same tensor. */
class TensorProtoConverterTest {
    private static final long[] DIMS = {3};

    private static Tensor convert(TensorProto t) {
        return new TensorProtoConverter("t.onnx", null, ImportOptions.DEFAULT_MAX_TENSOR_BYTES).convert(t, "tensor 'x'");
    }

    /** Little-endian bytes of each value at {@code bits} bits, sub-byte widths packed from the low bits up. */
    private static ByteString raw(long[] values, int bits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bits < 8) {
            byte[] packed = new byte[(values.length * bits + 7) / 8];
            for (int i = 0; i < values.length; i++) {
                int bit = i * bits;
                packed[bit / 8] |= (byte) ((values[i] & ((1 << bits) - 1)) << (bit % 8));
            }
            return ByteString.copyFrom(packed);
        }
        for (long v : values) {
            for (int b = 0; b < bits / 8; b++) {
                out.write((int) (v >>> (8 * b)) & 0xFF);
            }
        }
        return ByteString.copyFrom(out.toByteArray());
    }

    private static TensorProto.Builder proto(DataType dt) {
        return TensorProto.newBuilder().setName("x").setDataType(dt.getNumber()).addAllDims(Protos.boxed(DIMS));
    }

    static Stream<Arguments> integerTypes() {
        return Stream.of(
                Arguments.of(DataType.INT8, IntegerType.I8, new long[] {-128, 127, -1}, 8),
                Arguments.of(DataType.UINT8, IntegerType.U8, new long[] {0, 255, 128}, 8),
                Arguments.of(DataType.INT16, IntegerType.I16, new long[] {-32768, 32767, -2}, 16),
                Arguments.of(DataType.UINT16, IntegerType.U16, new long[] {0, 65535, 40000}, 16),
                Arguments.of(DataType.INT32, IntegerType.I32, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -3}, 32),
                Arguments.of(DataType.UINT32, IntegerType.U32, new long[] {0, 4294967295L, 3000000000L}, 32),
                Arguments.of(DataType.INT64, IntegerType.I64, new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -4}, 64),
                Arguments.of(DataType.UINT64, IntegerType.U64, new long[] {0, -1L, Long.MIN_VALUE}, 64),
                Arguments.of(DataType.BOOL, BoolType.I1, new long[] {1, 0, 1}, 8),
                Arguments.of(DataType.INT4, new IntegerType(4, true), new long[] {-8, 7, -1}, 4),
                Arguments.of(DataType.UINT4, new IntegerType(4, false), new long[] {15, 0, 9}, 4),
                Arguments.of(DataType.INT2, new IntegerType(2, true), new long[] {-2, 1, -1}, 2),
                Arguments.of(DataType.UINT2, new IntegerType(2, false), new long[] {3, 0, 2}, 2));
    }

    @ParameterizedTest
    @MethodSource("integerTypes")
    void integersFromRawAndTypedFields(DataType dt, ElementType type, long[] values, int bits) {
        Tensor expected = Tensor.ofLongs(type, new int[] {3}, values.clone());
        assertEquals(expected, convert(proto(dt).setRawData(raw(values, bits)).build()), "raw_data");
        TensorProto.Builder typed = proto(dt);
        if (bits < 8) {
            for (byte b : raw(values, bits).toByteArray()) {
                typed.addInt32Data(b & 0xFF);
            }
        } else if (dt == DataType.INT64) {
            for (long v : values) {
                typed.addInt64Data(v);
            }
        } else if (dt == DataType.UINT32 || dt == DataType.UINT64) {
            for (long v : values) {
                typed.addUint64Data(v);
            }
        } else {
            for (long v : values) {
                typed.addInt32Data((int) v);
            }
        }
        assertEquals(expected, convert(typed.build()), "typed field");
    }

    @Test
    void floatAndDouble() {
        float[] f = {1.5f, -0.1f, Float.MAX_VALUE};
        Tensor expF = Tensor.ofDoubles(FloatType.F32, new int[] {3}, new double[] {f[0], f[1], f[2]});
        assertEquals(expF, convert(Protos.floats("x", DIMS, f)));
        TensorProto.Builder typed = proto(DataType.FLOAT);
        for (float v : f) {
            typed.addFloatData(v);
        }
        assertEquals(expF, convert(typed.build()));
        double[] d = {Math.PI, -1e300, 0.1};
        Tensor expD = Tensor.ofDoubles(FloatType.F64, new int[] {3}, d.clone());
        long[] bits = java.util.Arrays.stream(d).mapToLong(Double::doubleToRawLongBits).toArray();
        assertEquals(expD, convert(proto(DataType.DOUBLE).setRawData(raw(bits, 64)).build()));
        assertEquals(expD, convert(proto(DataType.DOUBLE).addAllDoubleData(List.of(d[0], d[1], d[2])).build()));
    }

    @Test
    void halfAndBfloat16() {
        double[] h = {1.0, -65504.0, 0.000061035156};
        long[] hb = java.util.Arrays.stream(h).mapToLong(v -> Half.fromDouble(v)).toArray();
        Tensor expH = Tensor.ofDoubles(FloatType.F16, new int[] {3}, h.clone());
        assertEquals(expH, convert(proto(DataType.FLOAT16).setRawData(raw(hb, 16)).build()));
        TensorProto.Builder typed = proto(DataType.FLOAT16);
        for (long b : hb) {
            typed.addInt32Data((int) (b & 0xFFFF));
        }
        assertEquals(expH, convert(typed.build()));
        double[] bf = {1.0, -3.0e38, 0.5};
        long[] bb = java.util.Arrays.stream(bf).mapToLong(v -> BFloat16.fromDouble(v)).toArray();
        Tensor expB = Tensor.ofDoubles(FloatType.BF16, new int[] {3}, bf.clone());
        assertEquals(expB, convert(proto(DataType.BFLOAT16).setRawData(raw(bb, 16)).build()));
        TensorProto.Builder typedB = proto(DataType.BFLOAT16);
        for (long b : bb) {
            typedB.addInt32Data((int) (b & 0xFFFF));
        }
        assertEquals(expB, convert(typedB.build()));
    }

    /** Float8 codes are one byte (one int32_data entry) each; float4 packs two per byte, low nibble first; writing gives the same bytes. */
    @Test
    void float8AndFloat4FromRawAndTypedFields() {
        Object[][] cases = {
            {DataType.FLOAT8E4M3FN, FloatType.F8E4M3FN, new long[] {0x7E, 0x80, 0x7F}, new double[] {448, -0.0, Double.NaN}},
            {DataType.FLOAT8E4M3FNUZ, FloatType.F8E4M3FNUZ, new long[] {0x7F, 0x01, 0x80}, new double[] {240, 0x1p-10, Double.NaN}},
            {DataType.FLOAT8E5M2, FloatType.F8E5M2, new long[] {0x7C, 0xFB, 0x3C}, new double[] {Double.POSITIVE_INFINITY, -57344, 1}},
            {DataType.FLOAT8E5M2FNUZ, FloatType.F8E5M2FNUZ, new long[] {0x40, 0xFF, 0x80}, new double[] {1, -57344, Double.NaN}},
            {DataType.FLOAT8E8M0, FloatType.F8E8M0FNU, new long[] {0x7F, 0x00, 0xFF}, new double[] {1, 0x1p-127, Double.NaN}},
            {DataType.FLOAT4E2M1, FloatType.F4E2M1FN, new long[] {0x7, 0xF, 0x3}, new double[] {6, -6, 1.5}},
        };
        for (Object[] c : cases) {
            DataType dt = (DataType) c[0];
            FloatType type = (FloatType) c[1];
            long[] codes = (long[]) c[2];
            double[] expected = (double[]) c[3];
            ByteString bytes = raw(codes, type.bitWidth());
            assertEquals(type.bitWidth() == 4 ? 2 : 3, bytes.size(), dt + " packed size");
            Tensor fromRaw = convert(proto(dt).setRawData(bytes).build());
            assertEquals(type, fromRaw.elementType(), dt.name());
            assertArrayEquals(expected, fromRaw.doubles(), dt + " raw_data");
            TensorProto.Builder typed = proto(dt);
            for (byte b : bytes.toByteArray()) {
                typed.addInt32Data(b & 0xFF);
            }
            assertArrayEquals(expected, convert(typed.build()).doubles(), dt + " int32_data");
            TensorProto written = TensorProtoWriter.toProto(fromRaw, "x");
            assertEquals(dt.getNumber(), written.getDataType(), dt + " written type");
            assertEquals(bytes, written.getRawData(), dt + " written codes");
        }
        NncException e = assertThrows(NncException.class,
                () -> convert(proto(DataType.FLOAT4E2M1).setRawData(ByteString.copyFrom(new byte[3])).build()));
        assertTrue(e.oneLine().contains("need 2"), e.oneLine());
    }

    @Test
    void strings() {
        TensorProto.Builder b = proto(DataType.STRING);
        for (String s : List.of("a", "héllo", "")) {
            b.addStringData(ByteString.copyFrom(s, StandardCharsets.UTF_8));
        }
        Tensor t = convert(b.build());
        assertArrayEquals(new String[] {"a", "héllo", ""}, t.strings());
        NncException e = assertThrows(NncException.class,
                () -> convert(proto(DataType.STRING).setRawData(ByteString.copyFromUtf8("abc")).build()));
        assertTrue(e.oneLine().contains("tensor 'x'"), e.oneLine());
    }

    @Test
    void scalarAndEmptyTensors() {
        Tensor scalar = convert(TensorProto.newBuilder().setDataType(DataType.INT64_VALUE).addInt64Data(42).build());
        assertEquals(0, scalar.rank());
        assertEquals(42, scalar.longs()[0]);
        Tensor empty = convert(TensorProto.newBuilder().setDataType(DataType.FLOAT_VALUE).addDims(0).addDims(5).build());
        assertArrayEquals(new int[] {0, 5}, empty.shape());
    }

    @Test
    void rawDataOfWrongSize() {
        NncException e = assertThrows(NncException.class,
                () -> convert(proto(DataType.INT32).setRawData(ByteString.copyFrom(new byte[10])).build()));
        assertTrue(e.oneLine().startsWith("t.onnx: tensor 'x' has 10 bytes of raw_data"), e.oneLine());
    }

    @Test
    void unsupportedTypesAreNamed() {
        for (DataType dt : List.of(DataType.COMPLEX64, DataType.COMPLEX128)) {
            NncException e = assertThrows(NncException.class,
                    () -> convert(proto(dt).setRawData(ByteString.copyFrom(new byte[48])).build()));
            assertTrue(e.oneLine().contains("tensor 'x'") && e.oneLine().contains(dt.name()), e.oneLine());
        }
    }

    @Test
    void memoryLimitIsTheOptionsLimit() {
        TensorProto t = proto(DataType.FLOAT).setRawData(ByteString.copyFrom(new byte[12])).build();
        TensorProtoConverter small = new TensorProtoConverter("t.onnx", null, 8);
        NncException e = assertThrows(NncException.class, () -> small.convert(t, "tensor 'x'"));
        assertTrue(e.oneLine().contains("12 bytes") && e.oneLine().contains("limit of 8"), e.oneLine());
    }

    @Test
    void externalDataInsideTheFolder(@TempDir Path dir) throws Exception {
        byte[] file = new byte[4 + 12];
        byte[] data = raw(new long[] {Float.floatToRawIntBits(1f), Float.floatToRawIntBits(2f), Float.floatToRawIntBits(-3f)}, 32)
                .toByteArray();
        System.arraycopy(data, 0, file, 4, 12);
        Protos.write(dir.resolve("sub/w.bin"), file);
        TensorProto.Builder b = proto(DataType.FLOAT).setDataLocation(TensorProto.DataLocation.EXTERNAL);
        b.addExternalDataBuilder().setKey("location").setValue("sub/../sub/w.bin");
        b.addExternalDataBuilder().setKey("offset").setValue("4");
        b.addExternalDataBuilder().setKey("length").setValue("12");
        Tensor t = new TensorProtoConverter("m.onnx", new ExternalData(dir, "m.onnx"), 1 << 20).convert(b.build(), "tensor 'x'");
        assertArrayEquals(new double[] {1, 2, -3}, t.doubles());
    }

    @ParameterizedTest
    @MethodSource("integerTypes")
    void integersWrittenAndReadBack(DataType dt, ElementType type, long[] values, int bits, @TempDir Path dir) {
        Tensor t = Tensor.ofLongs(type, new int[] {3}, values.clone());
        TensorProto p = TensorProtoWriter.toProto(t, "x");
        assertEquals(dt.getNumber(), p.getDataType());
        assertEquals(raw(values, bits), p.getRawData(), "the layout ONNX defines");
        Path pb = dir.resolve("t.pb");
        TensorFiles.writeTensorProto(pb, t, "x");
        assertEquals(t, TensorFiles.readTensorProto(pb));
    }

    @Test
    void floatsAndStringsWrittenAndReadBack(@TempDir Path dir) {
        List<Tensor> tensors = List.of(
                Tensor.ofDoubles(FloatType.F32, new int[] {2, 2}, new double[] {1.5, -0.0, Double.NaN, 1e-40}),
                Tensor.ofDoubles(FloatType.F64, new int[] {1}, new double[] {Math.E}),
                Tensor.ofDoubles(FloatType.F16, new int[] {2}, new double[] {0.1, 65504}),
                Tensor.ofDoubles(FloatType.BF16, new int[] {2}, new double[] {0.1, -1e30}),
                Tensor.ofStrings(new int[] {2}, new String[] {"ä", ""}),
                Tensor.ofLongs(IntegerType.I32, new int[0], new long[] {7}));
        for (Tensor t : tensors) {
            Path pb = dir.resolve("t.pb");
            TensorFiles.writeTensorProto(pb, t, null);
            assertEquals(t, TensorFiles.readTensorProto(pb), t.toString());
        }
    }

    @Test
    void sharedTestDataSurvivesWriteAndRead(@TempDir Path dir) throws Exception {
        Path root = TestData.require("onnx-tests/node");
        List<String> cases = List.of("test_cast_FLOAT_to_FLOAT16", "test_cast_FLOAT_to_BFLOAT16", "test_cast_FLOAT_to_INT4",
                "test_cast_FLOAT_to_UINT4", "test_cast_FLOAT_to_STRING", "test_add_uint8", "test_and_bcast4v4d");
        int checked = 0;
        for (String c : cases) {
            Path set = root.resolve(c).resolve("test_data_set_0");
            if (!java.nio.file.Files.isDirectory(set)) {
                continue;
            }
            try (var files = java.nio.file.Files.list(set)) {
                for (Path pb : files.sorted().toList()) {
                    Tensor t = TensorFiles.readTensorProto(pb);
                    Path copy = dir.resolve(c + "_" + pb.getFileName());
                    TensorFiles.writeTensorProto(copy, t, TensorFiles.tensorName(pb));
                    assertEquals(t, TensorFiles.readTensorProto(copy), pb.toString());
                    checked++;
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(checked > 0, "none of the cases is present");
    }

    @Test
    void tensorFileRoundTrip(@TempDir Path dir) {
        Path pb = Protos.write(dir, "input_0.pb", Protos.floats("in", new long[] {2, 2}, 1, 2, 3, 4));
        Tensor t = TensorFiles.readTensorProto(pb);
        assertArrayEquals(new int[] {2, 2}, t.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4}, t.doubles());
        assertEquals("in", TensorFiles.tensorName(pb));
    }
}
