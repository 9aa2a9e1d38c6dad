package dev.nnc.ir.hw;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Verifiers of the hw compute primitives: the one-frame shapes ({@code in_shape}, {@code out_shape})
 * agree with the op's geometry, and the lane counts with its folding — input lanes = simd, output
 * lanes = pe for the MVAU and simd for the rest, simd dividing the channel (or MW) dimension and pe
 * dividing MH.
 */
final class ComputeVerifiers {
    private ComputeVerifiers() {
    }

    static void swg(Operation op, Consumer<String> error) {
        Frame f = Frame.of(op, error, 3, 3);
        if (f == null) {
            return;
        }
        HwCheck c = f.check;
        long[] k = c.ints("kernel_shape", 2);
        long[] s = orDefault(c.ints("strides", 2), op, "strides", 1, 1);
        long[] p = orDefault(c.ints("pads", 4), op, "pads", 0, 0, 0, 0);
        long[] d = orDefault(c.ints("dilations", 2), op, "dilations", 1, 1);
        long ch = f.in[2];
        f.lanes(f.simd, f.simd, "simd");
        c.divides(f.simd, "simd", ch, "the channel count");
        if (k == null || s == null || p == null || d == null) {
            return;
        }
        long oh = (f.in[0] + p[0] + p[2] - d[0] * (k[0] - 1) - 1) / Math.max(1, s[0]) + 1;
        long ow = (f.in[1] + p[1] + p[3] - d[1] * (k[1] - 1) - 1) / Math.max(1, s[1]) + 1;
        long[] expect = {oh, ow, k[0] * k[1] * ch};
        if (!Arrays.equals(expect, f.out)) {
            c.error("out_shape " + HwCheck.shape(f.out) + " does not follow from in_shape " + HwCheck.shape(f.in)
                    + " and the window; expected " + HwCheck.shape(expect));
        }
    }

    static void mvau(Operation op, Consumer<String> error) {
        Frame f = Frame.of(op, error, 1, 3);
        if (f == null) {
            return;
        }
        HwCheck c = f.check;
        c.castModeHasRtl();
        long pe = c.positive(HwDialect.PE, 1);
        long mw = f.in[f.in.length - 1];
        long mh = f.out[f.out.length - 1];
        f.samePrefix();
        f.lanes(f.simd, pe, "pe");
        c.divides(f.simd, "simd", mw, "MW");
        c.divides(pe, "pe", mh, "MH");
        if (op.property("weights") instanceof Attribute.DenseAttr w) {
            int[] ws = w.value().shape();
            if (ws.length != 2 || ws[0] != mh || ws[1] != mw) {
                c.error("weights must be [MH, MW] = [" + mh + ", " + mw + "], got " + Arrays.toString(ws));
            }
        }
        if (op.property("bias") instanceof Attribute.DenseAttr b && !Arrays.equals(b.value().shape(), new int[] {(int) mh})) {
            c.error("bias must be [MH] = [" + mh + "], got " + Arrays.toString(b.value().shape()));
        }
        if (op.property("acc_type") instanceof Attribute.TypeAttr t && !(t.type() instanceof FixedType)) {
            c.error("acc_type must be a fixed-point type, got " + t.type());
        }
        long[] m = c.ints("multipliers");
        long[] sh = c.ints("shifts");
        if (m != null && sh != null && (m.length != sh.length || (m.length != 1 && m.length != mh))) {
            c.error("multipliers and shifts must both have 1 or MH (" + mh + ") entries, got " + m.length + " and " + sh.length);
        }
        activation(c);
    }

    private static void activation(HwCheck c) {
        String a = c.string("activation", "NONE");
        if (!a.equals("NONE") && !a.equals("RELU") && !a.equals("CLIP")) {
            c.error("activation must be NONE, RELU or CLIP, got '" + a + "'");
        } else if (a.equals("CLIP")) {
            Attribute lo = c.op().property("clip_lo");
            Attribute hi = c.op().property("clip_hi");
            if (lo == null || hi == null) {
                c.error("activation CLIP needs clip_lo and clip_hi");
            } else if (lo instanceof Attribute.IntAttr l && hi instanceof Attribute.IntAttr h && l.value() > h.value()) {
                c.error("clip_lo (" + l.value() + ") is above clip_hi (" + h.value() + ")");
            }
        }
    }

    static void pool(Operation op, Consumer<String> error) {
        Frame f = Frame.of(op, error, 1, 3);
        if (f == null) {
            return;
        }
        HwCheck c = f.check;
        String kind = c.string("kind", "MAX");
        if (!kind.equals("MAX") && !kind.equals("AVG")) {
            c.error("kind must be MAX or AVG, got '" + kind + "'");
        } else if (kind.equals("AVG") && (op.property("multiplier") == null || op.property("shift") == null)) {
            c.error("kind AVG needs multiplier and shift");
        }
        long ch = c.positive("channels", 1);
        f.samePrefix();
        f.lanes(f.simd, f.simd, "simd");
        c.divides(f.simd, "simd", ch, "channels");
        long inLast = f.in[f.in.length - 1];
        if (ch > 0 && (inLast % ch != 0 || f.out[f.out.length - 1] != ch)) {
            c.error("in_shape must end in window×channels and out_shape in channels (" + ch + "), got "
                    + HwCheck.shape(f.in) + " -> " + HwCheck.shape(f.out));
        }
    }

    static void add(Operation op, Consumer<String> error) {
        Frame f = Frame.of(op, error, 1, 3);
        if (f == null) {
            return;
        }
        f.check.castModeHasRtl();
        elementwise(f);
        f.check.lanesEqual(f.check.operandStream(1), f.simd, "operand #1", "simd");
    }

    static void softmax(Operation op, Consumer<String> error) {
        Frame f = Frame.of(op, error, 1, 1);
        if (f != null) {
            elementwise(f);
        }
    }

    /** Shape-keeping ops: in_shape = out_shape, simd divides the last dim. */
    private static void elementwise(Frame f) {
        if (!Arrays.equals(f.in, f.out)) {
            f.check.error("in_shape " + HwCheck.shape(f.in) + " and out_shape " + HwCheck.shape(f.out) + " must be equal");
        }
        f.lanes(f.simd, f.simd, "simd");
        f.check.divides(f.simd, "simd", f.in[f.in.length - 1], "the last dimension");
    }

    private static long[] orDefault(long[] v, Operation op, String name, long... dflt) {
        return v != null || op.property(name) != null ? v : dflt;
    }

    /** The part every compute op shares: one-use results, simd and the one-frame shapes. */
    private record Frame(HwCheck check, long simd, long[] in, long[] out) {
        /** Null when the shapes are missing or malformed (after reporting). */
        static Frame of(Operation op, Consumer<String> error, int minRank, int maxRank) {
            HwCheck c = new HwCheck(op, error);
            c.streamResultsHaveOneUse();
            long simd = c.positive(HwDialect.SIMD, 1);
            long[] in = shape(c, HwDialect.IN_SHAPE, minRank, maxRank);
            long[] out = shape(c, HwDialect.OUT_SHAPE, minRank, maxRank);
            return in == null || out == null ? null : new Frame(c, simd, in, out);
        }

        private static long[] shape(HwCheck c, String name, int minRank, int maxRank) {
            long[] s = c.ints(name);
            if (s == null) {
                return null;
            }
            if (s.length < minRank || s.length > maxRank || Arrays.stream(s).anyMatch(x -> x < 1)) {
                String rank = minRank == maxRank ? String.valueOf(minRank) : minRank + ".." + maxRank;
                c.error("'" + name + "' must be " + rank + " positive dims, got " + HwCheck.shape(s));
                return null;
            }
            return s;
        }

        /** Operand 0 carries {@code inLanes}, result 0 {@code outLanes}. */
        void lanes(long inLanes, long outLanes, String outWhat) {
            check.lanesEqual(check.operandStream(0), inLanes, "operand #0", "simd");
            check.lanesEqual(check.resultStream(0), outLanes, "result #0", outWhat);
        }

        /** All dims but the last agree (the op maps vectors, one per pixel). */
        void samePrefix() {
            if (in.length != out.length || !Arrays.equals(in, 0, in.length - 1, out, 0, out.length - 1)) {
                check.error("in_shape " + HwCheck.shape(in) + " and out_shape " + HwCheck.shape(out)
                        + " must agree in all but the last dim");
            }
        }
    }
}
