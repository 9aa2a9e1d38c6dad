package dev.nnc.cli.io;

import static dev.nnc.cli.io.NpyTest.assertSameTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.diag.NncException;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEveryDtypeInOneArchive() {
        Map<String, Tensor> in = new LinkedHashMap<>();
        List<Tensor> all = NpyTest.everyDtype().collect(Collectors.toList());
        for (int i = 0; i < all.size(); i++) {
            in.put("t" + (char) ('z' - i), all.get(i));
        }
        Path f = dir.resolve("all.npz");
        Npz.write(f, in);
        Map<String, Tensor> out = Npz.read(f);
        assertEquals(in.keySet().stream().sorted().toList(), List.copyOf(out.keySet()), "entries are sorted by name");
        in.forEach((k, v) -> assertSameTensor(v, out.get(k)));
    }

    @Test
    void writingIsDeterministic() throws Exception {
        Map<String, Tensor> a = new LinkedHashMap<>();
        a.put("b", Tensor.ofDoubles(FloatType.F32, new int[] {2}, new double[] {1, 2}));
        a.put("a", Tensor.ofLongs(IntegerType.I64, new int[] {1}, new long[] {3}));
        Map<String, Tensor> reversed = new LinkedHashMap<>();
        reversed.put("a", a.get("a"));
        reversed.put("b", a.get("b"));
        byte[] first = Npz.write(a);
        Thread.sleep(1100); // a timestamp taken from the clock would now differ
        assertArrayEquals(first, Npz.write(reversed));
    }

    /** {@code np.savez_compressed(f, x=np.arange(4, dtype=np.int8))} by numpy 2.4: deflated and ZIP64. */
    @Test
    void readsNumpyCompressedArchive() throws IOException {
        Path f = dir.resolve("c.npz");
        Files.write(f, NpyTest.b64("UEsDBC0AAAAIAAAAIQA3vGb///////////8FABQAeC5ucHkBABAAhAAAAAAAAABIAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loF6Taaiuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GiY6mjoKtQoUAC4GRiZmAFBLAQItAy0AAAAIAAAAIQA3vGb/SAAAAIQAAAAFAAAAAAAAAAAAAACAAQAAAAB4Lm5weVBLBQYAAAAAAQABADMAAAB/AAAAAAA="));
        Map<String, Tensor> out = Npz.read(f);
        assertEquals(List.of("x"), List.copyOf(out.keySet()));
        assertEquals(IntegerType.I8, out.get("x").elementType());
        assertArrayEquals(new long[] {0, 1, 2, 3}, out.get("x").longs());
    }

    @Test
    void readsDeflatedEntriesWrittenByJava() throws IOException {
        Tensor t = Tensor.ofDoubles(FloatType.F64, new int[] {3}, new double[] {1, 2, 3});
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            zip.putNextEntry(new ZipEntry("w.npy")); // DEFLATED is the default method
            zip.write(Npy.write(t));
            zip.closeEntry();
        }
        Path f = dir.resolve("d.npz");
        Files.write(f, buf.toByteArray());
        assertSameTensor(t, Npz.read(f).get("w"));
    }

    @Test
    void malformedArchivesNameTheFile() throws IOException {
        Path notZip = dir.resolve("junk.npz");
        Files.write(notZip, "this is not a zip file at all".getBytes());
        assertError(notZip, "not a valid .npz (zip) file");

        Path truncated = dir.resolve("trunc.npz");
        byte[] good = Npz.write(Map.of("a", Tensor.scalar(FloatType.F32, 1)));
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        assertError(truncated, "not a valid .npz (zip) file");

        Path other = dir.resolve("other.npz");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hi".getBytes());
            zip.closeEntry();
        }
        Files.write(other, buf.toByteArray());
        assertError(other, "entry 'readme.txt' is not a .npy array");

        Path badEntry = dir.resolve("bad.npz");
        buf.reset();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write("not numpy".getBytes());
            zip.closeEntry();
        }
        Files.write(badEntry, buf.toByteArray());
        assertError(badEntry, "bad.npz[x.npy]: not a valid .npy file");

        assertError(dir.resolve("absent.npz"), "no such file");
    }

    @Test
    void failedWriteLeavesNothingBehind() throws IOException {
        Path f = dir.resolve("out.npz");
        Map<String, Tensor> in = new LinkedHashMap<>();
        in.put("a", Tensor.scalar(FloatType.F32, 1));
        in.put("b", Tensor.ofDoubles(FloatType.BF16, new int[] {1}, new double[] {1}));
        assertThrows(NncException.class, () -> Npz.write(f, in));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    private static void assertError(Path f, String expected) {
        NncException e = assertThrows(NncException.class, () -> Npz.read(f));
        assertTrue(e.oneLine().startsWith(f.toString()), e.oneLine());
        assertTrue(e.oneLine().contains(expected), e.oneLine());
    }
}
