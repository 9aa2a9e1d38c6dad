package dev.nnc.passes.kernel;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.kernel.KernelDialect;
import dev.nnc.ir.kernel.KernelTypes;
import dev.nnc.ir.kernel.Permutation;
import dev.nnc.ir.type.FixedType;
import dev.nnc.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Transpose, Reshape, Flatten and Identity move no data on the device: lower-kernel records the
 * new layout of the logical tensor (a transposed stream order, or for a reshape whose order
 * differs from the stream's, the order a dense layer will absorb into its weight columns).
 */
final class LayoutLowering {
    private LayoutLowering() {
    }

    static void identity(Lowering l, Operation op) {
        l.map(op.result(0), operand(l, op));
    }

    static void transpose(Lowering l, Operation op) {
        Lowered in = operand(l, op);
        int rank = in.logicalShape().length;
        long[] p = l.attrs(op).getInts("perm", null);
        int[] t = new int[rank];
        for (int i = 0; i < rank; i++) {
            t[i] = p == null || p.length == 0 ? rank - 1 - i : (int) p[i];
        }
        int[] shape = Permutation.permuteShape(in.logicalShape(), t);
        if (in instanceof Lowered.Host h) {
            int[] hp = new int[rank];
            for (int i = 0; i < rank; i++) {
                hp[i] = h.perm()[t[i]];
            }
            l.map(op.result(0), new Lowered.Host(h.host(), hp, shape));
            return;
        }
        Lowered.Stream s = (Lowered.Stream) in;
        if (s.perm() == null) {
            throw l.error(op, "it transposes the result of " + s.reshapeOp() + ", whose order differs from the stream order");
        }
        int[] inv = Permutation.inverse(t);
        int[] np = new int[rank];
        for (int j = 0; j < rank; j++) {
            np[j] = inv[s.perm()[j]];
        }
        l.map(op.result(0), new Lowered.Stream(s.value(), shape, np, null, null));
    }

    /**
     * Reshape/Flatten: the stream keeps its data; if its order is the stream order of the new
     * shape it is a kernel.reshape, else (into a [1, K] vector) an order a dense layer absorbs.
     */
    static void reshape(Lowering l, Operation op) {
        int[] shape = KernelTypes.shape(op.result(0).type());
        Lowered in = operand(l, op);
        if (shape == null || shape.length < 2 || shape[0] != 1) {
            throw l.error(op, "only reshapes to a static shape with a batch of 1 in front are lowered");
        }
        Lowered.Stream s = in instanceof Lowered.Stream st ? st
                : l.stream(op.operand(0), op, Lowered.canonicalPerm(in.logicalShape().length));
        int[] order = s.flatOrder();
        int[] perm = Lowered.canonicalPerm(shape.length);
        boolean inOrder = Arrays.equals(order, Permutation.sourceIndex(shape, perm));
        if (!inOrder && shape.length != 2) {
            throw l.error(op, "its element order differs from the stream order and no dense layer follows to absorb it");
        }
        int[] streamShape = inOrder ? Lowered.streamShape(shape, perm) : new int[] {shape[1]};
        FixedType t = KernelTypes.fixed(op.result(0).type());
        int[] current = KernelTypes.shape(s.value().type());
        var value = s.value();
        if (!Arrays.equals(current, streamShape)) {
            value = l.create(KernelDialect.RESHAPE, List.of(s.value()), TensorType.of(t, streamShape), Map.<String, Attribute>of(), op,
                    op.result(0).nameHint()).result(0);
        }
        l.map(op.result(0), inOrder ? new Lowered.Stream(value, shape, perm, null, null)
                : new Lowered.Stream(value, shape, null, order, Lowering.node(op)));
    }

    private static Lowered operand(Lowering l, Operation op) {
        Lowered in = l.get(op.operand(0));
        if (in == null) {
            throw l.error(op, "its operand is not a fixed-point tensor computed on the device");
        }
        return in;
    }
}
