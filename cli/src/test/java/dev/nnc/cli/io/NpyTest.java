package dev.nnc.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NpyTest {
    @TempDir
    Path dir;

    static Stream<Tensor> everyDtype() {
        int[] s = {2, 3};
        return Stream.of(
                Tensor.ofDoubles(FloatType.F16, s, new double[] {1.5, -2, 65504, 0x1p-24, -0.0, Double.POSITIVE_INFINITY}),
                Tensor.ofDoubles(FloatType.F32, s, new double[] {0.1, -1e30, Float.MIN_VALUE, Double.NaN, 3, -0.0}),
                Tensor.ofDoubles(FloatType.F64, s, new double[] {0.1, -1e300, Double.MIN_VALUE, Math.PI, 7, 1}),
                Tensor.ofLongs(IntegerType.I8, s, new long[] {-128, 127, 0, -1, 5, 6}),
                Tensor.ofLongs(IntegerType.I16, s, new long[] {-32768, 32767, 0, -1, 5, 6}),
                Tensor.ofLongs(IntegerType.I32, s, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 5, 6}),
                Tensor.ofLongs(IntegerType.I64, s, new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 5, 6}),
                Tensor.ofLongs(IntegerType.U8, s, new long[] {255, 0, 128, 1, 5, 6}),
                Tensor.ofLongs(IntegerType.U16, s, new long[] {65535, 0, 32768, 1, 5, 6}),
                Tensor.ofLongs(IntegerType.U32, s, new long[] {4294967295L, 0, 2147483648L, 1, 5, 6}),
                Tensor.ofLongs(IntegerType.U64, s, new long[] {-1L, 0, Long.MIN_VALUE, 1, 5, 6}),
                Tensor.ofLongs(BoolType.I1, s, new long[] {1, 0, 0, 1, 1, 0}));
    }

    @ParameterizedTest
    @MethodSource("everyDtype")
    void roundTripsEveryDtypeThroughAFile(Tensor t) {
        Path f = dir.resolve("t.npy");
        Npy.write(f, t);
        assertSameTensor(t, Npy.read(f));
    }

    @ParameterizedTest
    @MethodSource("everyDtype")
    void headerIsAlignedToSixtyFourBytes(Tensor t) {
        byte[] b = Npy.write(t);
        int headerLen = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        assertEquals(0, (10 + headerLen) % 64);
        assertEquals(10 + headerLen + t.size() * t.elementType().byteSize(), b.length);
    }

    @Test
    void roundTripsScalarsAndEmptyTensors() {
        for (Tensor t : List.of(Tensor.scalar(FloatType.F64, 3.25), Tensor.zeros(FloatType.F32, new int[] {2, 0, 3}),
                Tensor.zeros(IntegerType.I64, new int[] {0}))) {
            assertSameTensor(t, Npy.read(Npy.write(t), "mem"));
        }
    }

    /** Bytes written by numpy 2.4 {@code np.save}, so reading real files and writing identical ones is pinned. */
    @Test
    void matchesNumpyBytesExactly() {
        Tensor f16 = Tensor.ofDoubles(FloatType.F16, new int[] {2, 3}, new double[] {1.5, -2, 65504, 0.000061035156, -0.0,
            Double.POSITIVE_INFINITY});
        byte[] numpyF16 = b64("k05VTVBZAQB2AHsnZGVzY3InOiAnPGYyJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAPgDA/3sABACAAHw=");
        assertSameTensor(f16, Npy.read(numpyF16, "f16.npy"));
        assertArrayEquals(numpyF16, Npy.write(f16));

        Tensor u8 = Tensor.ofLongs(IntegerType.U8, new int[] {3}, new long[] {255, 0, 7});
        byte[] numpyU8 = b64("k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAr/AAc=");
        assertArrayEquals(numpyU8, Npy.write(u8));

        byte[] numpyScalar = b64("k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAKQA==");
        assertArrayEquals(numpyScalar, Npy.write(Tensor.scalar(FloatType.F64, 3.25)));
    }

    @Test
    void readsBigEndian() {
        byte[] numpyBigI4 = b64("k05VTVBZAQB2AHsnZGVzY3InOiAnPmk0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAB/////n////+AAAAA");
        Tensor t = Npy.read(numpyBigI4, "big.npy");
        assertEquals(IntegerType.I32, t.elementType());
        assertArrayEquals(new long[] {1, -2, Integer.MAX_VALUE, Integer.MIN_VALUE}, t.longs());
        byte[] f8 = handMade(2, "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }",
                ByteBuffer.allocate(16).putDouble(1.25).putDouble(-3).array());
        assertArrayEquals(new double[] {1.25, -3}, Npy.read(f8, "f8.npy").doubles());
    }

    @Test
    void readsVersionTwoAndThreeHeadersAndPythonTwoLongs() {
        byte[] data = {1, 0, 2, 0};
        for (int version : new int[] {2, 3}) {
            Tensor t = Npy.read(handMade(version, "{\"shape\": (2L,), \"descr\": \"<i2\", \"fortran_order\": False}", data), "v.npy");
            assertArrayEquals(new long[] {1, 2}, t.longs());
        }
    }

    @Test
    void malformedFilesNameTheFileAndTheReason() {
        byte[] good = Npy.write(Tensor.ofLongs(IntegerType.I32, new int[] {4}, new long[] {1, 2, 3, 4}));
        assertError("not a valid .npy file: missing the \\x93NUMPY magic", new byte[0]);
        assertError("missing the \\x93NUMPY magic", "hello world, not numpy".getBytes(StandardCharsets.US_ASCII));
        assertError("file ends inside the header", Arrays.copyOf(good, 40));
        assertError("needs 16 data bytes, the file has 15", Arrays.copyOf(good, good.length - 1));
        assertError("needs 16 data bytes, the file has 17", Arrays.copyOf(good, good.length + 1));
        assertError("Fortran-order arrays are not supported",
                handMade(1, "{'descr': '<i4', 'fortran_order': True, 'shape': (1,), }", new byte[4]));
        assertError("unsupported dtype '<c8'", handMade(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        assertError("unsupported dtype '<U3'", handMade(1, "{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }", new byte[12]));
        assertError("structured dtypes are not supported",
                handMade(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]));
        assertError("header has no 'shape'", handMade(1, "{'descr': '<f4', 'fortran_order': False}", new byte[4]));
        assertError("bad header", handMade(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,-2), }", new byte[4]));
        assertError("bad header", handMade(1, "garbage", new byte[4]));
        assertError("unsupported format version 9", handMade(9, "{}", new byte[0]));
        assertError("is too large", handMade(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }", new byte[4]));
    }

    @Test
    void refusesTypesNumpyCannotHold() {
        NncException e = assertThrows(NncException.class,
                () -> Npy.write(Tensor.ofDoubles(FloatType.BF16, new int[] {1}, new double[] {1})));
        assertTrue(e.getMessage().contains("cannot save a bf16 tensor as .npy"), e.getMessage());
    }

    @Test
    void missingFileIsOneLineNamingIt() {
        Path f = dir.resolve("absent.npy");
        NncException e = assertThrows(NncException.class, () -> Npy.read(f));
        assertEquals(f + ": no such file", e.oneLine());
    }

    private static void assertError(String expected, byte[] bytes) {
        NncException e = assertThrows(NncException.class, () -> Npy.read(bytes, "bad.npy"));
        assertTrue(e.oneLine().startsWith("bad.npy: "), e.oneLine());
        assertTrue(e.oneLine().contains(expected), e.oneLine());
    }

    /** A .npy with the given version and header text, padded like numpy does. */
    static byte[] handMade(int version, String dict, byte[] data) {
        int prefix = version == 1 ? 10 : 12;
        int len = dict.length() + 1;
        int pad = (64 - (prefix + len) % 64) % 64;
        byte[] header = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(prefix + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        if (version == 1) {
            b.putShort((short) header.length);
        } else {
            b.putInt(header.length);
        }
        return b.put(header).put(data).array();
    }

    static byte[] b64(String s) {
        return Base64.getDecoder().decode(s);
    }

    static void assertSameTensor(Tensor expected, Tensor actual) {
        ElementType type = expected.elementType();
        assertEquals(type, actual.elementType());
        assertArrayEquals(expected.shape(), actual.shape());
        if (expected.isDoubles()) {
            // compare bit patterns so -0.0 and NaN count too
            assertArrayEquals(Arrays.stream(expected.doubles()).mapToLong(Double::doubleToLongBits).toArray(),
                    Arrays.stream(actual.doubles()).mapToLong(Double::doubleToLongBits).toArray());
        } else {
            assertArrayEquals(expected.longs(), actual.longs());
        }
    }
}
