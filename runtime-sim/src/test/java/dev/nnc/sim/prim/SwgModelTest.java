package dev.nnc.sim.prim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.ir.hw.prim.SwgConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SWG cycle model alone: im2col values against a direct computation, and its cycle formula. */
class SwgModelTest {

    /** Direct im2col of frames given as [h][w][c] raws, beats of simd channels. */
    static List<long[]> reference(SwgConfig k, long[][][][] frames) {
        List<long[]> out = new ArrayList<>();
        for (long[][][] x : frames) {
            for (int oh = 0; oh < k.outH(); oh++) {
                for (int ow = 0; ow < k.outW(); ow++) {
                    for (int ky = 0; ky < k.kernelH(); ky++) {
                        for (int kx = 0; kx < k.kernelW(); kx++) {
                            int ih = oh * k.strideH() - k.padT() + ky * k.dilH();
                            int iw = ow * k.strideW() - k.padL() + kx * k.dilW();
                            for (int f = 0; f < k.channelFolds(); f++) {
                                long[] beat = new long[k.simd()];
                                if (ih >= 0 && ih < k.inH() && iw >= 0 && iw < k.inW()) {
                                    for (int s = 0; s < k.simd(); s++) {
                                        beat[s] = x[ih][iw][f * k.simd() + s];
                                    }
                                }
                                out.add(beat);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    static long[][][][] randomFrames(SwgConfig k, int n, Random rnd) {
        long[][][][] f = new long[n][k.inH()][k.inW()][k.channels()];
        for (long[][][] x : f) {
            for (long[][] row : x) {
                for (long[] px : row) {
                    for (int c = 0; c < px.length; c++) {
                        px[c] = rnd.nextInt(1 << k.elemWidth()) - (1 << (k.elemWidth() - 1));
                    }
                }
            }
        }
        return f;
    }

    static List<long[]> beats(SwgConfig k, long[][][][] frames) {
        List<long[]> in = new ArrayList<>();
        for (long[][][] x : frames) {
            for (long[][] row : x) {
                for (long[] px : row) {
                    for (int f = 0; f < k.channelFolds(); f++) {
                        in.add(java.util.Arrays.copyOfRange(px, f * k.simd(), (f + 1) * k.simd()));
                    }
                }
            }
        }
        return in;
    }

    private static void check(SwgConfig k, int frames, long seed) {
        Random rnd = new Random(seed);
        long[][][][] x = randomFrames(k, frames, rnd);
        List<long[]> expected = reference(k, x);
        for (boolean gaps : new boolean[] {false, true}) {
            StreamDriver.Result r = StreamDriver.run(new SwgModel(k), beats(k, x), expected.size(), gaps, seed, 100_000_000L);
            assertEquals(expected.size(), r.beats().size(), "output beats");
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), r.beats().get(i), "beat " + i);
            }
            StreamDriver.Result skipping = StreamDriver.run(new SwgModel(k), beats(k, x), expected.size(), gaps, seed, 100_000_000L, true);
            assertTrue(r.cycles().equals(skipping.cycles()), "skipping idle clocks changes no output cycle");
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), skipping.beats().get(i), "beat " + i + " (idle clocks skipped)");
            }
            if (!gaps) {
                long out = k.outBeats();
                assertEquals(k.latency() - 1, r.cycles().get((int) out - 1), "latency of frame 1");
                if (frames > 1) {
                    long ii = (r.cycles().get((int) (frames * out - 1)) - r.cycles().get((int) out - 1)) / (frames - 1);
                    assertEquals(k.cyclesPerFrame(), ii, "initiation interval");
                }
            }
        }
    }

    @Test
    void conv3x3Pad1() {
        check(new SwgConfig(8, 1, 8, 8, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 8, 8), 3, 1);
    }

    @Test
    void simdChannelsStrideDilationAsymmetricPads() {
        check(new SwgConfig(4, 2, 7, 6, 6, 3, 2, 2, 1, 2, 0, 1, 1, 2, 1, 3, 6), 3, 2);
    }

    @Test
    void maxPoolWindowsShorterThanInput() {
        // 3x3 s3 on 28x28: fewer output beats than input beats, the write side sets the pace.
        check(new SwgConfig(8, 4, 28, 28, 8, 3, 3, 3, 3, 0, 0, 0, 0, 1, 1, 9, 9), 3, 3);
    }

    @Test
    void mnistFirstConv() {
        check(new SwgConfig(8, 1, 28, 28, 1, 5, 5, 1, 1, 2, 2, 2, 2, 1, 1, 28, 28), 2, 4);
    }

    /** The windows of the brief's models (mnist8, conv2d_small, residual_block), one simd choice each. */
    @Test
    void modelLayerShapes() {
        SwgConfig[] layers = {
            new SwgConfig(8, 1, 28, 28, 1, 5, 5, 1, 1, 2, 2, 2, 2, 1, 1, 28, 28),   // mnist8 conv1
            new SwgConfig(8, 8, 14, 14, 8, 5, 5, 1, 1, 2, 2, 2, 2, 1, 1, 14, 14),   // mnist8 conv2
            new SwgConfig(8, 2, 28, 28, 8, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 14, 14),   // mnist8 pool 2x2 s2
            new SwgConfig(8, 16, 14, 14, 16, 3, 3, 3, 3, 0, 0, 0, 0, 1, 1, 4, 4),   // mnist8 pool 3x3 s3
            new SwgConfig(8, 1, 8, 8, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 8, 8),       // conv2d_small
            new SwgConfig(8, 1, 200, 200, 1, 8, 8, 4, 4, 0, 0, 0, 0, 1, 1, 49, 49), // residual_block conv1
            new SwgConfig(8, 7, 49, 49, 14, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 49, 49),  // residual_block conv2
            new SwgConfig(8, 14, 49, 49, 14, 4, 4, 4, 4, 0, 0, 0, 0, 1, 1, 12, 12), // residual_block pool 4x4 s4
        };
        for (int i = 0; i < layers.length; i++) {
            check(layers[i], 2, 10 + i);
            // reads start before the frame is complete
            assertTrue(layers[i].latency() < layers[i].inBeats() + layers[i].outBeats() + 2, "latency of layer " + i);
        }
    }
}
