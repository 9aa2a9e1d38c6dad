package dev.nnc.passes.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.kernel.MvauParams;
import dev.nnc.ir.kernel.SwgGeometry;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.type.FixedType;
import java.util.ArrayList;
import java.util.List;

/**
 * One compute primitive as the fold pass sees it: what it folds (the input vector for simd, the
 * output channels for pe), its cycles per frame for a folding, and its parts. The cycle formulas
 * are the steady-state rates of the primitives (docs/hardware.md, the RTL headers):
 * <ul>
 * <li>mvau: NV·(MW/SIMD)·(MH/PE) — one step a cycle;</li>
 * <li>swg: max(H·W·C, OH·OW·KH·KW·C)/SIMD — double-buffered frame, writes and reads overlap;</li>
 * <li>pool: NV·KK·C/SIMD — one input beat a cycle;</li>
 * <li>add: N/SIMD;</li>
 * <li>softmax: NV·(2N + 2) — max pass, then exp/sum and output passes (SIMD 1).</li>
 * </ul>
 *
 * @param op    the kernel (or hw) op
 * @param kind  swg, mvau, pool, add or softmax
 * @param in    the operand's stream-order shape (one frame)
 * @param out   the result's stream-order shape
 * @param inType  operand element type
 * @param outType result element type
 */
record FoldLayer(Operation op, String kind, int[] in, int[] out, FixedType inType, FixedType outType) {

    /** The layer's name: its location name or result name. */
    String name() {
        String n = op.location().name();
        return n != null ? n : op.result(0).nameHint() != null ? op.result(0).nameHint() : kind;
    }

    OpAttributes attrs() {
        return new OpAttributes(op, null);
    }

    int simd() {
        return (int) attrs().getInt("simd", 1);
    }

    int pe() {
        return (int) attrs().getInt("pe", 1);
    }

    /** The size simd divides: MW, or the channels. */
    int simdDim() {
        switch (kind) {
            case "mvau":
                return in[in.length - 1];
            case "pool":
                return (int) attrs().getInt("channels", 1);
            case "softmax":
                return 1;
            default:
                return in[in.length - 1];
        }
    }

    /** The size pe divides: MH for an mvau, else 1. */
    int peDim() {
        return kind.equals("mvau") ? out[out.length - 1] : 1;
    }

    /** Lanes of the output stream for a folding (the input's are simd). */
    int outLanes(int simd, int pe) {
        return kind.equals("mvau") ? pe : simd;
    }

    /** Vectors per frame: every dim of the result but the last. */
    long vectors() {
        return Shapes.size(out) / out[out.length - 1];
    }

    long cycles(int simd, int pe) {
        int last = in[in.length - 1];
        switch (kind) {
            case "mvau":
                return vectors() * (last / simd) * (long) (out[out.length - 1] / pe);
            case "swg":
                return Math.max(Shapes.size(in), Shapes.size(out)) / simd;
            case "pool":
                return Shapes.size(in) / simd;
            case "add":
                return Shapes.size(in) / simd;
            case "softmax":
                return vectors() * (2L * last + 2);
            default:
                throw new IllegalStateException(kind);
        }
    }

    /** Every (simd, pe) this layer can take, simd dividing {@link #simdDim}, pe {@link #peDim}. */
    List<int[]> foldings() {
        List<int[]> out = new ArrayList<>();
        for (int s : divisors(simdDim())) {
            for (int p : divisors(peDim())) {
                out.add(new int[] {s, p});
            }
        }
        return out;
    }

    Resources resources(Device d, int simd, int pe) {
        Parts p = new Parts(d);
        int we = inType.width();
        switch (kind) {
            case "mvau" -> {
                MvauParams m = MvauParams.from(attrs());
                int ww = m.weightType().width();
                int acc = m.accType().width();
                int mBits = 1;
                int shBits = 1;
                for (int i = 0; i < m.requantizers().length; i++) {
                    mBits = Math.max(mBits, 64 - Long.numberOfLeadingZeros(m.requantizers()[i].multiplier()));
                    shBits = Math.max(shBits, 33 - Integer.numberOfLeadingZeros(Math.abs(m.requantizers()[i].shift())));
                }
                long nf = m.mh() / pe;
                long sf = m.mw() / simd;
                p.mult((long) pe * simd, we, ww).mult(pe, acc, mBits);
                p.memory(nf * sf, (long) pe * simd * ww);
                p.memory(nf, (long) pe * ((m.bias() == null ? 0 : acc) + (m.requantizers().length > 1 ? mBits + shBits : 0)));
                p.memory(sf, (long) simd * we);
                p.logic((long) pe * simd * acc + pe * (acc + 2L * outType.width()) + 100);
            }
            case "swg" -> {
                SwgGeometry g = SwgGeometry.of(attrs(), in);
                p.memory(2L * g.h() * g.w() * g.c() / simd, (long) simd * we);
                p.logic(150 + (long) simd * we);
            }
            case "pool" -> {
                int c = simdDim();
                int taps = in[in.length - 1] / c;
                int acc = we + 64 - Long.numberOfLeadingZeros(Math.max(1, taps - 1));
                p.memory(c / simd, (long) simd * acc);
                p.logic((long) simd * (acc + 2L * outType.width()) + 80);
                if (attrs().getString("kind", "MAX").equalsIgnoreCase("AVG")) {
                    p.mult(simd, acc, 64 - Long.numberOfLeadingZeros(attrs().getInt("multiplier", 1)));
                }
            }
            case "add" -> p.logic((long) simd * (we + 2 + 2L * outType.width()) + 50);
            case "softmax" -> {
                int expW = typeWidth("exp_type");
                int recipW = typeWidth("recip_type");
                p.memory(1L << attrs().getInt("exp_log2_size", 10), expW);
                p.memory(1L << attrs().getInt("recip_log2_size", 10), recipW);
                p.memory(in[in.length - 1], expW);
                p.mult(1, expW, recipW);
                p.logic(200 + 4L * expW);
            }
            default -> throw new IllegalStateException(kind);
        }
        return p.total();
    }

    private int typeWidth(String property) {
        return attrs().get(property) instanceof Attribute.TypeAttr t && t.type() instanceof FixedType f ? f.width() : 16;
    }

    static List<Integer> divisors(int n) {
        List<Integer> d = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (n % i == 0) {
                d.add(i);
            }
        }
        return d;
    }
}
