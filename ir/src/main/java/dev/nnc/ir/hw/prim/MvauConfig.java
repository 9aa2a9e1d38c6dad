package dev.nnc.ir.hw.prim;

import dev.nnc.ir.type.FixedType;

/**
 * Every number the MVAU's RTL ({@code nnc_mvau.sv}) and its cycle model need: y = act(requant(W·x
 * + b)) for each of the vectors of MW elements streamed in SIMD lanes, out in PE lanes.
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

    /** The accumulator as the requantizer's input type: signed raws of {@link #accWidth()} bits. */
    public FixedType accRawType() {
        return new FixedType(accWidth(), accWidth(), true);
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
