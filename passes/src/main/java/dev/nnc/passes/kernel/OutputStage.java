package dev.nnc.passes.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedCast;
import dev.nnc.ir.kernel.Activation;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.spec.OpAttributes;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.FixedType;
import java.util.Map;

/**
 * The MVAU output stage read from the q ops after a layer: the requantizer (a q.requantize's
 * multipliers and shifts, or a q.cast as M = 1, s = F_acc − F_out) with its cast mode, and the
 * activation (Relu, or Clip with its bounds as raws of the output type).
 */
final class OutputStage {
    private OutputStage() {
    }

    static void requantizer(Lowering l, Operation stage, FixedType acc, FixedType out, int mh, Map<String, Attribute> props) {
        OpAttributes a = l.attrs(stage);
        CastMode mode;
        try {
            mode = KernelTypes.mode(a);
        } catch (IllegalArgumentException e) {
            throw l.error(stage, e.getMessage());
        }
        props.put("rounding", Attribute.of(mode.rounding().name()));
        props.put("overflow", Attribute.of(mode.overflow().name()));
        if (stage.name().equals("q.cast")) {
            props.put("multipliers", Attribute.ints(1));
            props.put("shifts", Attribute.ints(acc.fractionBits() - out.fractionBits()));
            return;
        }
        if (a.has("multiplier") && a.has("shift")) {
            props.put("multipliers", Attribute.ints(a.getInt("multiplier")));
            props.put("shifts", Attribute.ints(a.getInt("shift")));
            return;
        }
        long[] ms = a.getInts("multipliers", null);
        long[] ss = a.getInts("shifts", null);
        int rank = KernelTypes.shape(stage.operand(0).type()).length;
        int axis = Shapes.axis(a.getInt("axis", 1), rank);
        if (ms == null || ss == null || ms.length != ss.length || (ms.length != 1 && (ms.length != mh || axis != 1))) {
            throw l.error(stage, "needs one multiplier and shift, or one per output channel along axis 1");
        }
        props.put("multipliers", Attribute.ints(ms));
        props.put("shifts", Attribute.ints(ss));
    }

    static void activation(Lowering l, Operation act, FixedType out, Map<String, Attribute> props) {
        if (act == null) {
            props.put("activation", Attribute.of(Activation.NONE.name()));
            return;
        }
        if (act.name().equals("onnx.Relu")) {
            props.put("activation", Attribute.of(Activation.RELU.name()));
            return;
        }
        OpAttributes a = l.attrs(act);
        long lo = bound(l, act, 1, a, "min", out, KernelTypes.minRaw(out));
        long hi = bound(l, act, 2, a, "max", out, KernelTypes.maxRaw(out));
        props.put("activation", Attribute.of(Activation.CLIP.name()));
        props.put("clip_lo", Attribute.of(lo));
        props.put("clip_hi", Attribute.of(hi));
    }

    /**
     * A Clip bound as a raw of the output type, as onnx.Clip reads it on fixed point: a fixed bound
     * cast to that type (default mode), an integer bound as a raw, a float bound quantised.
     */
    private static long bound(Lowering l, Operation clip, int operand, OpAttributes a, String attr, FixedType out, long dflt) {
        if (operand < clip.numOperands() && !LayerLowering.isAbsent(clip.operand(operand))) {
            Tensor t = l.constant(clip.operand(operand), clip, "the " + attr + " bound");
            if (t.size() != 1) {
                throw l.error(clip, "the " + attr + " bound must be a scalar");
            }
            if (t.elementType() instanceof FixedType ft) {
                return FixedCast.cast(t.longs()[0], ft, out, CastMode.DEFAULT);
            }
            if (t.elementType() instanceof dev.nnc.ir.type.IntegerType) {
                return t.toLongs()[0];
            }
            if (t.elementType().isFloat()) {
                return FixedCast.quantize(t.getDouble(0), out, CastMode.DEFAULT);
            }
            throw l.error(clip, "the " + attr + " bound must be fixed-point or float");
        }
        if (a.has(attr)) {
            return FixedCast.quantize(a.getFloat(attr), out, CastMode.DEFAULT);
        }
        return dflt;
    }
}
