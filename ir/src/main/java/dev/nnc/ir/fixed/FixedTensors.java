package dev.nnc.ir.fixed;

import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.FloatType;

/**
 * Whole-tensor conversions by the rules of {@link FixedCast}, for the q ops, the quantize pass and
 * backends that bake constants.
 */
public final class FixedTensors {
    private FixedTensors() {
    }

    /** A float tensor quantised element by element to {@code to}. */
    public static Tensor quantize(Tensor floats, FixedType to, CastMode mode) {
        double[] v = floats.doubles();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = FixedCast.quantize(v[i], to, mode);
        }
        return Tensor.ofLongs(to, floats.shape(), out);
    }

    /** A fixed tensor's real values, rounded to the float type {@code to}. */
    public static Tensor dequantize(Tensor fixed, FloatType to) {
        FixedType from = (FixedType) fixed.elementType();
        long[] v = fixed.longs();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = FixedCast.toDouble(v[i], from);
        }
        return Tensor.ofDoubles(to, fixed.shape(), out);
    }

    /** A fixed tensor cast element by element to {@code to}. */
    public static Tensor cast(Tensor fixed, FixedType to, CastMode mode) {
        FixedType from = (FixedType) fixed.elementType();
        long[] v = fixed.longs();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = FixedCast.cast(v[i], from, to, mode);
        }
        return Tensor.ofLongs(to, fixed.shape(), out);
    }
}
