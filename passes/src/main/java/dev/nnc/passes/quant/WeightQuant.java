package dev.nnc.passes.quant;

import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.fixed.FixedFormats;
import dev.nnc.ir.fixed.FixedTensors;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;

/**
 * Weights and biases as fixed-point constants. Per tensor, the weights keep their real values
 * in {@code fixed<W,I>} with I from their range ({@link FixedFormats#forRange}). Per output
 * channel, they become integers {@code fixed<W,W>} = round(w / s_c) with the symmetric scale
 * s_c = max|w_c| / (2^(W−1) − 1); the layer's {@code q.requantize} multiplies s_c back in. A
 * bias is quantised to the accumulator type (divided by s_c when per channel), so it adds to
 * the dot product without a shift.
 *
 * @param weights the fixed-point weights
 * @param scales  s_c per output channel, or null for per-tensor weights
 */
record WeightQuant(Tensor weights, double[] scales) {

    /** Per-tensor weights of width {@code bits}. */
    static WeightQuant perTensor(Tensor w, int bits) {
        Range r = Range.EMPTY.with(w.doubles());
        FixedType t = r.isEmpty() ? new FixedType(bits, 1, true) : FixedFormats.forRange(r.lo(), r.hi(), bits, true);
        return new WeightQuant(FixedTensors.quantize(w, t, CastMode.DEFAULT), null);
    }

    /** Integer weights of width {@code bits} with one scale per index of {@code axis}. */
    static WeightQuant perChannel(Tensor w, int axis, int bits) {
        int channels = w.dim(axis);
        int inner = 1;
        for (int d = axis + 1; d < w.rank(); d++) {
            inner *= w.dim(d);
        }
        double[] v = w.doubles();
        double[] max = new double[channels];
        for (int i = 0; i < v.length; i++) {
            int c = (i / inner) % channels;
            max[c] = Math.max(max[c], Math.abs(v[i]));
        }
        double qmax = (1L << (bits - 1)) - 1;
        double[] scales = new double[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = max[c] > 0 ? max[c] / qmax : 1;
        }
        FixedType t = new FixedType(bits, bits, true);
        long[] raws = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            raws[i] = FixedCast.quantize(v[i] / scales[(i / inner) % channels], t, CastMode.DEFAULT);
        }
        return new WeightQuant(Tensor.ofLongs(t, w.shape(), raws), scales);
    }

    FixedType type() {
        return (FixedType) weights.elementType();
    }

    /** The bias in the accumulator type {@code acc}, as a 1-D tensor of {@code channels} values. */
    Tensor bias(Tensor b, double beta, FixedType acc, int channels) {
        long[] raws = new long[channels];
        for (int c = 0; c < channels; c++) {
            double v = b.getDouble(b.size() == 1 ? 0 : c) * beta;
            raws[c] = FixedCast.quantize(scales == null ? v : v / scales[c], acc, CastMode.DEFAULT);
        }
        return Tensor.ofLongs(acc, new int[] {channels}, raws);
    }
}
