package dev.nnc.tests.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.hls.prim.SwgInstance;
import dev.nnc.ir.hw.prim.SwgConfig;
import dev.nnc.sim.prim.SwgModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * nnc_swg against SwgModel: identical transfer traces under random valid gaps and back-pressure,
 * and the output beats equal to a direct im2col of the input frames (zero padding).
 */
class SwgCosimTest {

    /** Direct im2col: for each (oh, ow), ky, kx, c-fold one beat of simd channels, zero outside. */
    static List<long[]> im2col(SwgConfig k, List<long[]> in) {
        int cf = k.channelFolds();
        int frameBeats = (int) k.inBeats();
        List<long[]> out = new ArrayList<>();
        for (int f = 0; f < in.size() / frameBeats; f++) {
            for (int oh = 0; oh < k.outH(); oh++) {
                for (int ow = 0; ow < k.outW(); ow++) {
                    for (int ky = 0; ky < k.kernelH(); ky++) {
                        for (int kx = 0; kx < k.kernelW(); kx++) {
                            int ih = oh * k.strideH() - k.padT() + ky * k.dilH();
                            int iw = ow * k.strideW() - k.padL() + kx * k.dilW();
                            boolean inside = ih >= 0 && ih < k.inH() && iw >= 0 && iw < k.inW();
                            for (int c = 0; c < cf; c++) {
                                out.add(inside ? in.get(f * frameBeats + (ih * k.inW() + iw) * cf + c) : new long[k.simd()]);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static List<long[]> randomBeats(StreamPort port, int n, long seed) {
        Random r = new Random(seed);
        List<long[]> beats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long[] b = new long[port.lanes()];
            for (int l = 0; l < b.length; l++) {
                b[l] = port.wrap(r.nextLong());
            }
            beats.add(b);
        }
        return beats;
    }

    private static PrimitiveCosim.Trace check(String name, SwgConfig k, int frames, long seed, double valid, double ready) {
        StreamPort port = new StreamPort(k.simd(), k.elemWidth(), true);
        SwgInstance inst = new SwgInstance(k);
        List<long[]> in = randomBeats(port, frames * (int) k.inBeats(), seed);
        List<long[]> expected = im2col(k, in);
        Path dir = Path.of("target", "cosim", name);
        PrimitiveCosim.lint(inst, dir);
        PrimitiveCosim.Trace t = PrimitiveCosim.of(inst, new SwgModel(k)).input(port, in)
                .output(port, expected.size()).seed(seed).densities(valid, ready).runBoth(dir);
        FifoCosimTest.assertBeatsEqual(expected, t.outputs().get(0));
        return t;
    }

    @Test
    void conv3x3Pad1TwoChannels() {
        check("swg-conv3", new SwgConfig(8, 1, 6, 6, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 6, 6), 2, 21, 0.7, 0.6);
    }

    @Test
    void simdStrideDilationAsymmetricPads() {
        check("swg-simd", new SwgConfig(4, 2, 7, 6, 4, 3, 2, 2, 1, 2, 0, 1, 1, 2, 1, 3, 6), 3, 22, 0.5, 0.8);
    }

    /**
     * Pool windows (3x3 s3 on 10x10: fewer output than input beats, and the last input row is in
     * no window) at full throughput: reads start as soon as a window row's input rows are in the
     * line buffer, II = input beats.
     */
    @Test
    void poolWindowsFullThroughput() {
        SwgConfig k = new SwgConfig(8, 4, 10, 10, 8, 3, 3, 3, 3, 0, 0, 0, 0, 1, 1, 3, 3);
        PrimitiveCosim.Trace t = check("swg-pool", k, 3, 23, 1.0, 1.0);
        List<Long> outCycles = new ArrayList<>();
        for (String line : t.lines()) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[1].equals("out")) {
                outCycles.add(Long.parseLong(f[0]));
            }
        }
        int out = (int) k.outBeats();
        assertEquals(3 * out, outCycles.size(), "output transfers in the trace");
        assertEquals(k.latency() - 1, outCycles.get(out - 1), "latency of frame 1 (first input at cycle 0)");
        assertTrue(outCycles.get(0) < k.inBeats(), "the first window is output before the frame is complete");
        assertEquals(k.cyclesPerFrame(), (outCycles.get(3 * out - 1) - outCycles.get(out - 1)) / 2, "II");
    }
}
