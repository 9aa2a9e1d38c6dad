package dev.nnc.passes.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.kernel.KernelDialect;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.onnx.kernels.Window;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dense or convolution layer of the q level (docs/hardware.md §1) as a {@code kernel.mvau}
 * (after a {@code kernel.swg} for a convolution):
 * <pre>
 * %a = "onnx.Conv"(%x, %W, %B) -&gt; fixed&lt;acc&gt;   %q = "q.requantize"(%a)   %y = "onnx.Relu"(%q)
 * ⇒ %w = "kernel.swg"(%xs)   %y = "kernel.mvau"(%w) &lt;{weights = W as [Cout, (ky, kx, c)], activation = "RELU", ...}&gt;
 * </pre>
 * The accumulator is the layer's declared type, which must hold every sum exactly (checked from
 * the weights and the input type's range); weights get extra fractional bits when the declared
 * accumulator has more than the products, so that a bias always adds without a shift.
 */
final class LayerLowering {
    private LayerLowering() {
    }

    static void lower(Lowering l, Operation layer) {
        boolean conv = layer.name().equals("onnx.Conv");
        Operation stage = Lowering.singleUser(layer.result(0), "q.requantize", "q.cast");
        if (stage == null) {
            throw l.error(layer, "a layer must be followed by exactly one q.requantize or q.cast");
        }
        FixedType acc = KernelTypes.fixed(layer.result(0).type());
        FixedType out = KernelTypes.fixed(stage.result(0).type());
        FixedType tx = KernelTypes.fixed(layer.operand(0).type());
        Tensor w = l.constant(layer.operand(1), layer, "the weights");
        if (acc == null || out == null || tx == null || !(w.elementType() instanceof FixedType)) {
            throw l.error(layer, "operands and results must be fixed-point");
        }
        Tensor bias = layer.numOperands() > 2 && !isAbsent(layer.operand(2)) ? l.constant(layer.operand(2), layer, "the bias") : null;
        Operation act = activation(stage.result(0), out);
        Value last = act != null ? act.result(0) : stage.result(0);
        Map<String, Attribute> props = new HashMap<>();
        Value input;
        Tensor weights;
        int[] logicalOut = KernelTypes.shape(last.type());
        if (logicalOut == null) {
            throw l.error(layer, "the result shape must be static");
        }
        if (conv) {
            Value[] in = new Value[1];
            weights = convolution(l, layer, tx, w, in);
            input = in[0];
        } else {
            Lowered.Stream s = denseInput(l, layer);
            weights = denseWeights(l, layer, w, s.flatOrder());
            input = s.value();
        }
        int mh = weights.dim(0);
        weights = alignWeights(l, layer, weights, tx, acc);
        Tensor b = bias == null ? null : alignBias(l, layer, bias, acc, mh);
        checkAccumulator(l, layer, weights, b, tx, acc);
        props.put("weights", new Attribute.DenseAttr(weights, name(layer) + "_weights"));
        if (b != null) {
            props.put("bias", new Attribute.DenseAttr(b, name(layer) + "_bias"));
        }
        props.put("acc_type", new Attribute.TypeAttr(acc));
        OutputStage.requantizer(l, stage, acc, out, mh, props);
        OutputStage.activation(l, act, out, props);
        int[] streamOut = Lowered.streamShape(logicalOut, Lowered.canonicalPerm(logicalOut.length));
        Operation mvau = l.create(KernelDialect.MVAU, List.of(input), TensorType.of(out, streamOut), props, layer,
                last.nameHint());
        l.consume(stage);
        l.consume(act);
        l.map(last, new Lowered.Stream(mvau.result(0), logicalOut, Lowered.canonicalPerm(logicalOut.length), null, null));
    }

    /** The Relu or Clip that follows the output stage on its own type, or null. */
    private static Operation activation(Value v, FixedType out) {
        Operation a = Lowering.singleUser(v, "onnx.Relu", "onnx.Clip");
        return a != null && out.equals(KernelTypes.fixed(a.result(0).type())) ? a : null;
    }

    /** The swg of a Conv; returns the weights as [Cout, (ky, kx, c)] and the swg result in in[0]. */
    private static Tensor convolution(Lowering l, Operation layer, FixedType tx, Tensor w, Value[] in) {
        OpAttributes a = l.attrs(layer);
        int[] xs = KernelTypes.shape(layer.operand(0).type());
        if (xs == null || xs.length != 4 || w.rank() != 4) {
            throw l.error(layer, "only 2-D convolutions of a static [1, C, H, W] input are lowered");
        }
        long group = a.getInt("group", 1);
        if (group < 1 || xs[1] % group != 0 || w.dim(0) % group != 0 || w.dim(1) * group != xs[1]) {
            throw l.error(layer, "channels " + xs[1] + ", weights " + Arrays.toString(w.shape()) + " and group " + group + " disagree");
        }
        Window win = Window.of(layer.name(), a, new int[] {xs[2], xs[3]}, new int[] {w.dim(2), w.dim(3)}, false);
        Lowered.Stream s = l.stream(layer.operand(0), layer, Lowered.canonicalPerm(4));
        in[0] = PoolLowering.swg(l, layer, s, win, tx);
        return kyKxC(w, (int) group, xs[1]);
    }

    /** The input vector of a Gemm/MatMul: a [1, K] stream, possibly in a reshape's order. */
    private static Lowered.Stream denseInput(Lowering l, Operation layer) {
        OpAttributes a = l.attrs(layer);
        if (layer.name().equals("onnx.Gemm") && (a.getInt("transA", 0) != 0 || a.getFloat("alpha", 1) != 1
                || a.getFloat("beta", 1) != 1)) {
            throw l.error(layer, "only Gemm with transA = 0 and alpha = beta = 1 is lowered");
        }
        int[] xs = KernelTypes.shape(layer.operand(0).type());
        if (xs == null || xs.length != 2 || xs[0] != 1) {
            throw l.error(layer, "the input must be a [1, K] tensor (batch 1)");
        }
        Lowered v = l.get(layer.operand(0));
        if (v instanceof Lowered.Stream s && s.perm() == null) {
            return s;
        }
        return l.stream(layer.operand(0), layer, Lowered.canonicalPerm(2));
    }

    /** MVAU weights [MH, MW] of a Gemm/MatMul B, columns in the stream order of the input. */
    private static Tensor denseWeights(Lowering l, Operation layer, Tensor b, int[] order) {
        boolean transB = layer.name().equals("onnx.Gemm") && l.attrs(layer).getInt("transB", 0) != 0;
        if (b.rank() != 2) {
            throw l.error(layer, "the weights must be a matrix");
        }
        int k = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (k != order.length) {
            throw l.error(layer, "weights " + Arrays.toString(b.shape()) + " do not match " + order.length + " inputs");
        }
        long[] src = b.longs();
        long[] dst = new long[n * k];
        for (int m = 0; m < n; m++) {
            for (int j = 0; j < k; j++) {
                dst[m * k + j] = transB ? src[m * k + order[j]] : src[order[j] * n + m];
            }
        }
        return Tensor.ofLongs(b.elementType(), new int[] {n, k}, dst);
    }

    /**
     * ONNX conv weights [M, C/group, KH, KW] as [M, (ky, kx, c)] over all C input channels, the
     * swg's window order. A grouped (or depthwise) convolution gets zeros for the channels outside
     * its output channel's group: correct and bit-exact, though an MVAU then multiplies by zeros
     * (a vector unit for depthwise layers would not).
     */
    static Tensor kyKxC(Tensor w, int group, int channels) {
        int m = w.dim(0);
        int cpg = w.dim(1);
        int kh = w.dim(2);
        int kw = w.dim(3);
        int mpg = m / group;
        long[] src = w.longs();
        long[] out = new long[m * channels * kh * kw];
        for (int o = 0; o < m; o++) {
            int c0 = (o / mpg) * cpg;
            for (int ch = 0; ch < cpg; ch++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        out[o * channels * kh * kw + (y * kw + x) * channels + c0 + ch] = src[((o * cpg + ch) * kh + y) * kw + x];
                    }
                }
            }
        }
        return Tensor.ofLongs(w.elementType(), new int[] {m, channels * kh * kw}, out);
    }

    /** Weights with the accumulator's fractional bits minus the input's: exact left shifts. */
    private static Tensor alignWeights(Lowering l, Operation layer, Tensor w, FixedType tx, FixedType acc) {
        FixedType tw = (FixedType) w.elementType();
        int d = acc.fractionBits() - tx.fractionBits() - tw.fractionBits();
        if (d < 0) {
            throw l.error(layer, "its accumulator type " + acc.spelling() + " drops fractional bits of the products; declare the exact type");
        }
        if (d == 0) {
            return w;
        }
        if (tw.width() + d > 64) {
            throw l.error(layer, "its accumulator type " + acc.spelling() + " has too many fractional bits");
        }
        long[] v = w.toLongs();
        for (int i = 0; i < v.length; i++) {
            v[i] <<= d;
        }
        return Tensor.ofLongs(new FixedType(tw.width() + d, tw.intBits(), tw.signed()), w.shape(), v);
    }

    /** The bias raws in the accumulator type (an exact left shift). */
    private static Tensor alignBias(Lowering l, Operation layer, Tensor bias, FixedType acc, int mh) {
        FixedType tb = (FixedType) bias.elementType();
        int d = acc.fractionBits() - tb.fractionBits();
        if (d < 0 || (bias.size() != mh && bias.size() != 1)) {
            throw l.error(layer, "the bias must have " + mh + " values with at most the accumulator's fractional bits");
        }
        long[] v = new long[mh];
        for (int m = 0; m < mh; m++) {
            v[m] = bias.longs()[bias.size() == 1 ? 0 : m] << d;
            if (v[m] < KernelTypes.minRaw(acc) || v[m] > KernelTypes.maxRaw(acc) || (v[m] >> d) != bias.longs()[bias.size() == 1 ? 0 : m]) {
                throw l.error(layer, "the bias does not fit the accumulator type " + acc.spelling());
            }
        }
        return Tensor.ofLongs(acc, new int[] {mh}, v);
    }

    /** Every sum the MVAU can form, over the input type's whole range, must fit the accumulator. */
    private static void checkAccumulator(Lowering l, Operation layer, Tensor w, Tensor b, FixedType tx, FixedType acc) {
        long xmin = KernelTypes.minRaw(tx);
        long xmax = KernelTypes.maxRaw(tx);
        int mh = w.dim(0);
        int mw = w.dim(1);
        long[] ws = w.longs();
        try {
            for (int m = 0; m < mh; m++) {
                long lo = b == null ? 0 : b.longs()[m];
                long hi = lo;
                for (int k = 0; k < mw; k++) {
                    long p = Math.multiplyExact(ws[m * mw + k], xmin);
                    long q = Math.multiplyExact(ws[m * mw + k], xmax);
                    lo = Math.addExact(lo, Math.min(p, q));
                    hi = Math.addExact(hi, Math.max(p, q));
                }
                if (lo < KernelTypes.minRaw(acc) || hi > KernelTypes.maxRaw(acc)) {
                    throw l.error(layer, "its accumulator type " + acc.spelling() + " can overflow (output channel " + m
                            + " reaches [" + lo + ", " + hi + "]); declare the exact type");
                }
            }
        } catch (ArithmeticException e) {
            throw l.error(layer, "its sums exceed 64 bits");
        }
    }

    static boolean isAbsent(Value v) {
        return v.definingOp() != null && v.definingOp().name().equals("onnx.NoValue");
    }

    static String name(Operation op) {
        String n = op.location().name();
        return n != null ? n : op.result(0).nameHint() != null ? op.result(0).nameHint() : "layer";
    }
}
