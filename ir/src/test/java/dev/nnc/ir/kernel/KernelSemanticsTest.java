package dev.nnc.ir.kernel;

import static dev.nnc.ir.kernel.OpRunner.ints;
import static dev.nnc.ir.kernel.OpRunner.random;
import static dev.nnc.ir.kernel.OpRunner.run;
import static dev.nnc.ir.kernel.OpRunner.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The kernel ops against the q-level ops they replace, on random fixed-point data: every raw must
 * be equal (the kernel level is the reference for the hardware, the q level for the model).
 */
class KernelSemanticsTest {
    private static int seed = 1;

    private static Random rng() {
        return new Random(seed++ * 7919L);
    }

    @RepeatedTest(20)
    void denseLayerEqualsGemmRequantizeRelu() {
        Random r = rng();
        int mw = 1 + r.nextInt(20);
        int mh = 1 + r.nextInt(12);
        FixedType tx = new FixedType(4 + r.nextInt(8), r.nextInt(5), r.nextBoolean());
        FixedType tw = new FixedType(2 + r.nextInt(7), r.nextInt(3) - 1, true);
        FixedType dot = FixedRules.dot(tx, tw, mw);
        FixedType tb = new FixedType(10, 10 - dot.fractionBits(), true);
        FixedType acc = FixedRules.sum(dot, tb);
        FixedType out = new FixedType(3 + r.nextInt(8), r.nextInt(4), r.nextBoolean());
        Tensor x = random(r, tx, 1, mw);
        Tensor w = random(r, tw, mw, mh);
        Tensor b = random(r, tb, mh);
        long[] ms = new long[mh];
        long[] ss = new long[mh];
        for (int m = 0; m < mh; m++) {
            Requantizer q = Requantizer.fromScale(Math.scalb(0.5 + r.nextDouble(), -r.nextInt(4)));
            ms[m] = q.multiplier();
            ss[m] = q.shift() + acc.fractionBits() - out.fractionBits();
        }
        Tensor gemm = run("onnx.Gemm", List.of(x, w, b), type(acc, 1, mh), Map.of());
        Tensor req = run("q.requantize", List.of(gemm), type(out, 1, mh), Map.of("multipliers", ints(ms), "shifts", ints(ss)));
        Tensor expected = run("onnx.Relu", List.of(req), type(out, 1, mh), Map.of());

        Tensor s = run("kernel.to_stream", List.of(x), type(tx, mw), Map.of("perm", ints(0, 1)));
        Map<String, Attribute> p = new HashMap<>();
        p.put("weights", new Attribute.DenseAttr(transpose(w)));
        p.put("bias", new Attribute.DenseAttr(Tensor.ofLongs(acc, new int[] {mh}, b.longs())));
        p.put("acc_type", new Attribute.TypeAttr(acc));
        p.put("multipliers", ints(ms));
        p.put("shifts", ints(ss));
        p.put("activation", Attribute.of("RELU"));
        Tensor y = run("kernel.mvau", List.of(s), type(out, mh), p);
        Tensor actual = run("kernel.from_stream", List.of(y), type(out, 1, mh), Map.of("perm", ints(0, 1)));
        assertEquals(expected, actual);
    }

    @RepeatedTest(20)
    void convolutionEqualsSwgPlusMvau() {
        Random r = rng();
        int c = 1 + r.nextInt(3);
        int m = 1 + r.nextInt(4);
        int kh = 1 + r.nextInt(3);
        int kw = 1 + r.nextInt(3);
        int h = kh + r.nextInt(5);
        int wd = kw + r.nextInt(5);
        long[] pads = {r.nextInt(kh), r.nextInt(kw), r.nextInt(kh), r.nextInt(kw)};
        long[] strides = {1 + r.nextInt(2), 1 + r.nextInt(2)};
        long[] dil = {1 + r.nextInt(2), 1 + r.nextInt(2)};
        if ((kh - 1) * dil[0] + 1 > h + pads[0] + pads[2] || (kw - 1) * dil[1] + 1 > wd + pads[1] + pads[3]) {
            dil = new long[] {1, 1};
        }
        FixedType tx = new FixedType(8, 2, true);
        FixedType tw = new FixedType(5, 0, true);
        FixedType acc = FixedRules.dot(tx, tw, (long) c * kh * kw);
        FixedType out = new FixedType(8, 3, true);
        Tensor x = random(r, tx, 1, c, h, wd);
        Tensor w = random(r, tw, m, c, kh, kw);
        Map<String, Attribute> conv = Map.of("kernel_shape", ints(kh, kw), "pads", ints(pads), "strides", ints(strides),
                "dilations", ints(dil));
        Tensor cv = run("onnx.Conv", List.of(x, w), convType(acc, m, h, wd, kh, kw, pads, strides, dil), conv);
        Tensor cast = run("q.cast", List.of(cv), type(out, cv.shape()), Map.of("rounding", Attribute.of("TRN"),
                "overflow", Attribute.of("WRAP")));

        Tensor s = run("kernel.to_stream", List.of(x), type(tx, h, wd, c), Map.of("perm", ints(0, 2, 3, 1)));
        Map<String, Attribute> sw = new HashMap<>(conv);
        SwgGeometry g = SwgGeometry.of(new dev.nnc.ir.spec.OpAttributes(OpRunner.op("kernel.swg", List.of(s),
                type(tx, 1), sw), null), s.shape());
        Tensor win = run("kernel.swg", List.of(s), type(tx, g.outShape()), sw);
        Map<String, Attribute> p = new HashMap<>();
        p.put("weights", new Attribute.DenseAttr(kyKxC(w)));
        p.put("acc_type", new Attribute.TypeAttr(acc));
        p.put("multipliers", ints(1));
        p.put("shifts", ints(acc.fractionBits() - out.fractionBits()));
        p.put("rounding", Attribute.of("TRN"));
        p.put("overflow", Attribute.of("WRAP"));
        Tensor y = run("kernel.mvau", List.of(win), type(out, g.outH(), g.outW(), m), p);
        Tensor actual = run("kernel.from_stream", List.of(y), type(out, cv.shape()), Map.of("perm", ints(0, 3, 1, 2)));
        assertEquals(cast, actual);
    }

    @RepeatedTest(10)
    void maxPoolEqualsSwgPlusPool() {
        Random r = rng();
        int c = 1 + r.nextInt(4);
        int k = 1 + r.nextInt(3);
        int st = 1 + r.nextInt(3);
        int h = k + r.nextInt(6);
        FixedType t = new FixedType(6, 2, r.nextBoolean());
        Tensor x = random(r, t, 1, c, h, h);
        Map<String, Attribute> mp = Map.of("kernel_shape", ints(k, k), "strides", ints(st, st));
        int o = (h - k) / st + 1;
        Tensor expected = run("onnx.MaxPool", List.of(x), type(t, 1, c, o, o), mp);
        Tensor s = run("kernel.to_stream", List.of(x), type(t, h, h, c), Map.of("perm", ints(0, 2, 3, 1)));
        Tensor win = run("kernel.swg", List.of(s), type(t, o, o, k * k * c), mp);
        Tensor y = run("kernel.pool", List.of(win), type(t, o, o, c), Map.of("kind", Attribute.of("MAX"), "channels", Attribute.of(c)));
        assertEquals(expected, run("kernel.from_stream", List.of(y), type(t, 1, c, o, o), Map.of("perm", ints(0, 3, 1, 2))));
    }

    @RepeatedTest(10)
    void addEqualsOnnxAdd() {
        Random r = rng();
        FixedType ta = new FixedType(3 + r.nextInt(10), r.nextInt(6) - 1, r.nextBoolean());
        FixedType tb = new FixedType(3 + r.nextInt(10), r.nextInt(6) - 1, r.nextBoolean());
        FixedType out = new FixedType(3 + r.nextInt(8), r.nextInt(4), r.nextBoolean());
        Tensor a = random(r, ta, 2, 3, 4);
        Tensor b = random(r, tb, 2, 3, 4);
        Tensor expected = run("onnx.Add", List.of(a, b), type(out, 2, 3, 4), Map.of());
        assertEquals(expected, run("kernel.add", List.of(a, b), type(out, 2, 3, 4), Map.of()));
    }

    @RepeatedTest(10)
    void softmaxEqualsQSoftmax() {
        Random r = rng();
        int i = 2 + r.nextInt(4);
        FixedType t = new FixedType(i + 6 + r.nextInt(5), i, true);
        int n = 2 + r.nextInt(10);
        Tensor x = random(r, t, 1, n);
        FixedType out = new FixedType(10, 1, false);
        Map<String, Attribute> p = new HashMap<>();
        p.put("exp_log2_size", Attribute.of(8));
        p.put("exp_lo", Attribute.of(-8.0));
        p.put("exp_hi", Attribute.of(0.0));
        p.put("exp_type", new Attribute.TypeAttr(new FixedType(12, 1, false)));
        p.put("recip_in_type", new Attribute.TypeAttr(new FixedType(12, 5, false)));
        p.put("recip_log2_size", Attribute.of(9));
        p.put("recip_lo", Attribute.of(0.0));
        p.put("recip_hi", Attribute.of(32.0));
        p.put("recip_type", new Attribute.TypeAttr(new FixedType(12, 1, false)));
        Tensor expected = run("q.softmax", List.of(x), type(out, 1, n), p);
        Tensor s = run("kernel.to_stream", List.of(x), type(t, n), Map.of("perm", ints(0, 1)));
        Tensor y = run("kernel.softmax", List.of(s), type(out, n), p);
        assertArrayEquals(expected.longs(), y.longs());
    }

    @Test
    void averagePoolSumsExactlyThenRequantizes() {
        FixedType t = new FixedType(4, 4, true);
        Tensor x = Tensor.ofLongs(t, new int[] {1, 6}, new long[] {1, 2, 4, 5, 7, -7});
        Requantizer third = Requantizer.fromScale(1.0 / 3);
        Tensor y = run("kernel.pool", List.of(x), type(t, 1, 2), Map.of("kind", Attribute.of("AVG"), "channels", Attribute.of(2),
                "multiplier", Attribute.of(third.multiplier()), "shift", Attribute.of(third.shift())));
        // channel 0: (1 + 4 + 7)/3 = 4; channel 1: (2 + 5 − 7)/3 = 0
        assertArrayEquals(new long[] {4, 0}, y.longs());
    }

    @Test
    void swgPadsWithZerosInKyKxCOrder() {
        FixedType t = new FixedType(8, 8, true);
        Tensor x = Tensor.ofLongs(t, new int[] {2, 2, 2}, new long[] {1, -1, 2, -2, 3, -3, 4, -4});
        Tensor y = run("kernel.swg", List.of(x), type(t, 1, 1, 8), Map.of("kernel_shape", ints(2, 2), "pads", ints(1, 1, 0, 0),
                "strides", ints(2, 2)));
        // the one window starts at (−1, −1): only its last tap (1, 1) → input (0, 0) is inside
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0, 1, -1}, y.longs());
    }

    @Test
    void verifierRejectsFoldingThatDoesNotDivide() {
        FixedType t = new FixedType(8, 3, true);
        Tensor x = Tensor.ofLongs(t, new int[] {6}, new long[6]);
        Map<String, Attribute> p = new HashMap<>();
        p.put("weights", new Attribute.DenseAttr(Tensor.ofLongs(new FixedType(4, 0, true), new int[] {4, 6}, new long[24])));
        p.put("acc_type", new Attribute.TypeAttr(new FixedType(20, 10, true)));
        p.put("multipliers", ints(1));
        p.put("shifts", ints(0));
        p.put("simd", Attribute.of(4));
        AssertionError e = assertThrows(AssertionError.class, () -> run("kernel.mvau", List.of(x), type(t, 4), p));
        assertEquals(true, e.getMessage().contains("simd 4 must divide MW 6"), e.getMessage());
    }

    /** B [MW, MH] of a MatMul/Gemm as MVAU weights [MH, MW]. */
    private static Tensor transpose(Tensor w) {
        int rows = w.dim(0);
        int cols = w.dim(1);
        long[] out = new long[w.size()];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = w.longs()[i * cols + j];
            }
        }
        return Tensor.ofLongs(w.elementType(), new int[] {cols, rows}, out);
    }

    /** ONNX conv weights [M, C, KH, KW] as [M, (ky, kx, c)]. */
    private static Tensor kyKxC(Tensor w) {
        int m = w.dim(0);
        int c = w.dim(1);
        int kh = w.dim(2);
        int kw = w.dim(3);
        long[] out = new long[w.size()];
        for (int o = 0; o < m; o++) {
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        out[o * c * kh * kw + (y * kw + x) * c + ch] = w.longs()[((o * c + ch) * kh + y) * kw + x];
                    }
                }
            }
        }
        return Tensor.ofLongs(w.elementType(), new int[] {m, c * kh * kw}, out);
    }

    private static dev.nnc.ir.type.TensorType convType(FixedType t, int m, int h, int w, int kh, int kw, long[] pads,
                                                      long[] strides, long[] dil) {
        int oh = (int) ((h + pads[0] + pads[2] - ((kh - 1) * dil[0] + 1)) / strides[0] + 1);
        int ow = (int) ((w + pads[1] + pads[3] - ((kw - 1) * dil[1] + 1)) / strides[1] + 1);
        return type(t, 1, m, oh, ow);
    }
}
