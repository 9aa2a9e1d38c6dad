package dev.nnc.ir.hw.prim;

import dev.nnc.ir.core.Operation;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.Requantizer;
import dev.nnc.ir.kernel.Activation;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.kernel.MvauParams;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.StreamType;

/**
 * Every number the MVAU's RTL ({@code nnc_mvau.sv}) and its cycle model need: y = act(requant(W·x
 * + b)) for each of the vectors of MW elements streamed in SIMD lanes, out in PE lanes. The sum
 * is exact and then wrapped to the declared accumulator type, as {@code kernel.mvau} does
 * (lower-kernel declares it wide enough, so the wrap never changes a value).
 *
 * @param mw input vector length (columns of W)
 * @param mh output vector length (rows of W)
 * @param simd input lanes, divides mw
 * @param pe output lanes, divides mh
 * @param inType input element type
 * @param weightType weight element type
 * @param accType declared accumulator type (the bias is in it; F = F_in + F_w)
 * @param outType output element type
 * @param weights W raws, row-major [mh, mw]
 * @param bias bias raws [mh] in accType (zeros when the layer has none)
 * @param requant multiplier and shift per output channel (mh of them)
 * @param activation on output raws
 * @param clipLo lower clip bound, a raw of outType (CLIP only)
 * @param clipHi upper clip bound, a raw of outType (CLIP only)
 */
public record MvauConfig(int mw, int mh, int simd, int pe, FixedType inType, FixedType weightType, FixedType accType,
        FixedType outType, long[] weights, long[] bias, RequantStage requant, Activation activation, long clipLo,
        long clipHi) {

    /**
     * Reads a {@code hw.mvau}: the kernel properties exactly as {@code kernel.mvau} reads them
     * ({@link MvauParams}), element types and lanes from the stream types, MW/MH checked against
     * in_shape/out_shape. Anything the RTL cannot do is one error line naming the op.
     */
    public static MvauConfig from(Operation op) {
        MvauParams p;
        CastMode mode;
        try {
            OpAttributes a = new OpAttributes(op, null);
            p = MvauParams.from(a);
            mode = KernelTypes.mode(a);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw PrimOps.error(op, e.getMessage());
        }
        StreamType is = PrimOps.operandStream(op, 0);
        StreamType os = PrimOps.resultStream(op, 0);
        PrimOps.requireLanes(op, is, p.simd(), "operand #0");
        if (os.lanes() != p.pe()) {
            throw PrimOps.error(op, "result #0 has " + os.lanes() + " lanes but pe is " + p.pe());
        }
        int[] in = PrimOps.shape(op, "in_shape");
        int[] out = PrimOps.shape(op, "out_shape");
        if (in.length == 0 || out.length == 0 || in[in.length - 1] != p.mw() || out[out.length - 1] != p.mh()) {
            throw PrimOps.error(op, "in_shape and out_shape must end in MW = " + p.mw() + " and MH = " + p.mh());
        }
        int mh = p.mh();
        long[] m = new long[mh];
        int[] s = new int[mh];
        for (int c = 0; c < mh; c++) {
            Requantizer r = p.requantizer(c);
            m[c] = r.multiplier();
            s[c] = r.shift();
        }
        Tensor bias = p.bias();
        boolean clip = p.activation() == Activation.CLIP;
        MvauConfig cfg = new MvauConfig(p.mw(), mh, p.simd(), p.pe(), PrimOps.fixedElement(op, is, "operand #0"),
                p.weightType(), p.accType(), PrimOps.fixedElement(op, os, "result #0"), p.weights().longs(),
                bias == null ? new long[mh] : bias.longs(), new RequantStage(m, s, mode), p.activation(),
                clip ? p.clipLo() : 0, clip ? p.clipHi() : 0);
        String problem = cfg.unsupported();
        if (problem != null) {
            throw PrimOps.error(op, problem);
        }
        return cfg;
    }

    /** Input beats per vector, MW/SIMD. */
    public int sf() {
        return mw / simd;
    }

    /** Output beats per vector, MH/PE. */
    public int nf() {
        return mh / pe;
    }

    /**
     * Width of the signed accumulator in the RTL: holds every exact partial sum Σx·w + b (one
     * more bit than the worst case, and at least the declared accumulator plus a sign bit).
     */
    public int accWidth() {
        int dot = inType.width() + weightType.width() + 1 + ceilLog2(mw);
        return Math.max(dot, accType.width() + 1) + 1;
    }

    /** What the RTL cannot do with these numbers, or null. Callers prefix the op's name. */
    public String unsupported() {
        if (mw < 1 || mh < 1 || simd < 1 || pe < 1 || mw % simd != 0 || mh % pe != 0) {
            return "simd " + simd + " must divide MW " + mw + " and pe " + pe + " must divide MH " + mh;
        }
        if (weights.length != mw * mh || bias.length != mh || requant.channels() != mh) {
            return "weights, bias and requantisation must have " + mh + " rows of " + mw;
        }
        if (accType.fractionBits() != inType.fractionBits() + weightType.fractionBits()) {
            return "accumulator " + accType + " must have the fraction bits of " + inType + " times " + weightType;
        }
        if (accWidth() > 62) {
            return "accumulator of " + accWidth() + " bits is wider than the RTL's 62";
        }
        if (outType.width() > 62) {
            return "output type " + outType + " is wider than the RTL's 62 bits";
        }
        if (activation == Activation.CLIP && (clipLo != (int) clipLo || clipHi != (int) clipHi)) {
            return "clip bounds " + clipLo + ".." + clipHi + " do not fit the RTL's 32-bit parameters";
        }
        return requant.unsupported();
    }

    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }
}
