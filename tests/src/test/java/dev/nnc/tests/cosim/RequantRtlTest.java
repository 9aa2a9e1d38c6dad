package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Overflow;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.fixed.Rounding;
import dev.nnc.ir.type.FixedType;
import dev.nnc.sim.verilator.ProcessResult;
import dev.nnc.sim.verilator.Verilator;
import dev.nnc.sim.verilator.VerilatorBuild;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * nnc_requant.sv against dev.nnc.ir.fixed.Requantizer, through the small test bench
 * tb_requant.sv: vectors (acc, M, s) in, y out, compared bit for bit. Small widths exhaustively,
 * wide ones at random with the edge shifts (0, 1, past the product width, left shifts).
 */
class RequantRtlTest {

    record Vec(long acc, long mult, int shift) {
    }

    private static void check(String name, int accW, int mW, int lsh, FixedType out, CastMode mode, List<Vec> vecs)
            throws IOException {
        PrimitiveCosim.requireVerilator();
        Path dir = Files.createDirectories(Path.of("target", "cosim", name)).toAbsolutePath();
        List<Path> sources = new ArrayList<>();
        for (String res : List.of("/dev/nnc/hls/rtl/nnc_requant.sv", "/dev/nnc/tests/cosim/tb_requant.sv")) {
            try (InputStream in = RequantRtlTest.class.getResourceAsStream(res)) {
                Path p = dir.resolve(res.substring(res.lastIndexOf('/') + 1));
                Files.write(p, in.readAllBytes());
                sources.add(p);
            }
        }
        FixedType acc = new FixedType(accW, accW, true);
        StringBuilder hex = new StringBuilder();
        List<String> expected = new ArrayList<>();
        int outDigits = (out.width() + 3) / 4;
        for (Vec v : vecs) {
            BigInteger word = BigInteger.valueOf(v.shift() & 0xff).shiftLeft(mW + accW)
                    .or(BigInteger.valueOf(v.mult()).shiftLeft(accW))
                    .or(BigInteger.valueOf(v.acc() & ((1L << accW) - 1)));
            hex.append(word.toString(16)).append('\n');
            long y = new Requantizer(v.mult(), v.shift(), mode).apply(v.acc(), acc, out);
            String h = Long.toHexString(y & ((1L << out.width()) - 1));
            expected.add("0".repeat(outDigits - h.length()) + h);
        }
        Files.writeString(dir.resolve("vectors.hex"), hex.toString());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ACC_W", Integer.toString(accW));
        params.put("M_W", Integer.toString(mW));
        params.put("LSH", Integer.toString(lsh));
        params.put("OUT_W", Integer.toString(out.width()));
        params.put("OUT_SIGNED", out.signed() ? "1'b1" : "1'b0");
        params.put("RND_CONV", mode.rounding() == Rounding.RND_CONV ? "1'b1" : "1'b0");
        params.put("SAT", mode.overflow() == Overflow.SAT ? "1'b1" : "1'b0");
        params.put("N", Integer.toString(vecs.size()));
        Verilator v = Verilator.find();
        Path bin = v.build(VerilatorBuild.of(sources, "tb_requant", dir).withParameters(params));
        ProcessResult r = v.run(bin, dir, List.of(), Duration.ofMinutes(2));
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> got = r.stdout().lines().filter(l -> l.matches("[0-9a-f]+")).toList();
        assertEquals(expected.size(), got.size(), "outputs");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), got.get(i), "vector " + vecs.get(i));
        }
    }

    /** Every 6-bit acc, M in 1..7, s in -2..10: ties to even + saturate, then truncate + wrap. */
    @Test
    void exhaustiveSmall() throws IOException {
        List<Vec> vecs = new ArrayList<>();
        for (long a = -32; a < 32; a++) {
            for (long m = 1; m < 8; m++) {
                for (int s = -2; s <= 10; s++) {
                    vecs.add(new Vec(a, m, s));
                }
            }
        }
        check("requant-small-default", 6, 3, 2, new FixedType(4, 2, true), CastMode.DEFAULT, vecs);
        check("requant-small-hls4ml", 6, 3, 2, new FixedType(5, 0, false), CastMode.HLS4ML, vecs);
    }

    /** 24-bit acc, 31-bit M, shifts up to 126 (past the 56-bit product): random. */
    @Test
    void randomWide() throws IOException {
        Random r = new Random(7);
        List<Vec> vecs = new ArrayList<>();
        int[] edge = {0, 1, 2, 30, 31, 55, 56, 57, 100, 126};
        for (int i = 0; i < 4000; i++) {
            long acc = (r.nextLong() >> 40);
            long m = 1 + (r.nextLong() >>> 33);
            int s = i % 4 == 0 ? edge[r.nextInt(edge.length)] : 20 + r.nextInt(30);
            vecs.add(new Vec(acc, m, s));
        }
        check("requant-wide", 24, 31, 0, new FixedType(16, 6, true), CastMode.DEFAULT, vecs);
    }
}
