package dev.nnc.passes.quant;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.q.QSoftmax;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Softmax over the last axis becomes {@code q.softmax} with every table property written out:
 * exp over [−8, 0) (x − max is never positive), 1024 entries (fewer when x's step is coarser
 * than the bins would be), to {@code ufixed<16,1>}; the sum
 * cast to {@code ufixed<16,k>} and a reciprocal table over [0, 2^k), 2^k the power of two at or
 * above the row length n (the sum of n entries below 1 is below n), 1024 entries, to
 * {@code ufixed<16,1>}. The result type is the layer's output type, at {@code bits} the one for [0, 1] (not the
 * observed range: a few calibration inputs may never show a confident class).
 */
final class SoftmaxRewriter {
    private SoftmaxRewriter() {
    }

    static void rewrite(GraphQuantizer g, Operation op) {
        Value x = g.fixedOf(op.operand(0), op);
        TensorType t = (TensorType) x.type();
        if (!t.isStatic()) {
            throw g.error(op, "needs a static shape to quantize");
        }
        int rank = t.rank();
        long axis = op.property("axis") instanceof Attribute.IntAttr a ? a.value() : (g.opset() >= 13 ? -1 : 1);
        if (axis < 0) {
            axis += rank;
        }
        if (axis != rank - 1) {
            throw g.error(op, "q.softmax works on the last axis; this Softmax is over axis " + axis + " of rank " + rank);
        }
        int n = t.shape()[rank - 1];
        int k = Math.max(0, 32 - Integer.numberOfLeadingZeros(Math.max(1, n) - 1));
        // the bins may not be finer than x's step 2^−F: fewer entries for coarse inputs, and a
        // wider range when even one bin of [−8, 0) would be too fine
        int frac = ((FixedType) t.elementType()).fractionBits();
        int loExp = Math.max(3, -frac);
        int log2 = Math.min(10, loExp + frac);
        Map<String, Attribute> p = new TreeMap<>();
        p.put(QSoftmax.EXP_LOG2_SIZE, new Attribute.IntAttr(log2));
        p.put(QSoftmax.EXP_LO, new Attribute.FloatAttr(-Math.scalb(1.0, loExp)));
        p.put(QSoftmax.EXP_HI, new Attribute.FloatAttr(0));
        p.put(QSoftmax.EXP_TYPE, new Attribute.TypeAttr(new FixedType(16, 1, false)));
        p.put(QSoftmax.RECIP_IN_TYPE, new Attribute.TypeAttr(new FixedType(16, Math.max(k, 1), false)));
        p.put(QSoftmax.RECIP_LOG2_SIZE, new Attribute.IntAttr(10));
        p.put(QSoftmax.RECIP_LO, new Attribute.FloatAttr(0));
        p.put(QSoftmax.RECIP_HI, new Attribute.FloatAttr(Math.scalb(1.0, Math.max(k, 1))));
        p.put(QSoftmax.RECIP_TYPE, new Attribute.TypeAttr(new FixedType(16, 1, false)));
        LayerSettings s = g.settings(op);
        // probabilities lie in [0, 1] whatever the calibration inputs showed
        FixedType out = s.activation(new Range(0, 1));
        Value y = QEmitter.op(op, "q.softmax", List.of(x), QEmitter.retyped(op.result(0), out), p, op.result(0).nameHint());
        g.map(op.result(0), y);
    }
}
