package dev.nnc.passes.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.fixed.CastMode;
import dev.nnc.ir.fixed.FixedRules;
import dev.nnc.ir.kernel.KernelDialect;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.kernel.SoftmaxProperties;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Add (the residual join) as {@code kernel.add}, absorbing a q.cast that follows an exactly typed
 * Add; q.softmax as {@code kernel.softmax} with every table property spelled out.
 */
final class ArithmeticLowering {
    private ArithmeticLowering() {
    }

    static void add(Lowering l, Operation add) {
        FixedType ta = KernelTypes.fixed(add.operand(0).type());
        FixedType tb = KernelTypes.fixed(add.operand(1).type());
        FixedType d = KernelTypes.fixed(add.result(0).type());
        int[] sa = KernelTypes.shape(add.operand(0).type());
        int[] sb = KernelTypes.shape(add.operand(1).type());
        if (ta == null || tb == null || d == null || sa == null || !Arrays.equals(sa, sb)) {
            throw l.error(add, "only the sum of two fixed-point tensors of the same static shape is lowered");
        }
        Lowered a = l.get(add.operand(0));
        Lowered b = l.get(add.operand(1));
        if (a == null || b == null) {
            throw l.error(add, "both operands must be computed on the device (a constant operand is a bias: fold it into the layer)");
        }
        int[] perm = a instanceof Lowered.Stream s && s.perm() != null ? s.perm()
                : b instanceof Lowered.Stream s2 && s2.perm() != null ? s2.perm() : Lowered.canonicalPerm(sa.length);
        Lowered.Stream x = l.stream(add.operand(0), add, perm);
        Lowered.Stream y = l.stream(add.operand(1), add, perm);
        Operation cast = Lowering.singleUser(add.result(0), "q.cast");
        FixedType out = d;
        CastMode mode = CastMode.DEFAULT;
        Value last = add.result(0);
        if (cast != null && d.equals(FixedRules.sum(ta, tb))) {
            out = KernelTypes.fixed(cast.result(0).type());
            mode = KernelTypes.mode(l.attrs(cast));
            last = cast.result(0);
            l.consume(cast);
        }
        Map<String, Attribute> props = new HashMap<>();
        props.put("rounding", Attribute.of(mode.rounding().name()));
        props.put("overflow", Attribute.of(mode.overflow().name()));
        Operation k = l.create(KernelDialect.ADD, List.of(x.value(), y.value()),
                TensorType.of(out, KernelTypes.shape(x.value().type())), props, add, last.nameHint());
        l.map(last, new Lowered.Stream(k.result(0), sa, perm, null, null));
    }

    static void softmax(Lowering l, Operation sm) {
        int[] shape = KernelTypes.shape(sm.operand(0).type());
        FixedType out = KernelTypes.fixed(sm.result(0).type());
        if (shape == null || shape.length != 2 || shape[0] != 1 || out == null) {
            throw l.error(sm, "only softmax over a fixed-point [1, N] tensor is lowered");
        }
        Lowered.Stream s = l.stream(sm.operand(0), sm, Lowered.canonicalPerm(2));
        var a = l.attrs(sm);
        Map<String, Attribute> props = new HashMap<>();
        for (String name : SoftmaxProperties.NAMES) {
            Attribute v = a.get(name);
            if (v == null) {
                throw l.error(sm, "needs property " + name);
            }
            props.put(name, v);
        }
        Operation k = l.create(KernelDialect.SOFTMAX, List.of(s.value()), TensorType.of(out, new int[] {shape[1]}), props, sm,
                sm.result(0).nameHint());
        l.map(sm.result(0), new Lowered.Stream(k.result(0), shape, Lowered.canonicalPerm(2), null, null));
    }
}
