package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Type inference for element-wise ops: the broadcast shape of the operands (with the opset 1-6
 * axis rule of {@link ElementwiseSupport#legacyShape}) and an element type chosen per op.
 * Symbolic dimensions survive broadcasting where the result is certain ({@code N} against 1 is
 * {@code N}, {@code N} against 3 is 3 in any valid model).
 */
public final class ElementwiseInfer {
    private ElementwiseInfer() {
    }

    /** Broadcast of the operands with the element type of operand 0 (Add, Pow, Max, BitShift, ...). */
    public static List<Type> sameElement(InferContext ctx) {
        return Collections.singletonList(broadcast(ctx, Infer.elementType(ctx.operandType(0)), 0));
    }

    /** Broadcast of the operands with element type i1 (comparisons, And/Or/Xor). */
    public static List<Type> bool(InferContext ctx) {
        return Collections.singletonList(broadcast(ctx, BoolType.I1, 0));
    }

    /** Same shape as operand 0 with element type i1 (IsNaN, IsInf). */
    public static List<Type> boolLikeFirst(InferContext ctx) {
        Type t = ctx.operandType(0);
        return Collections.singletonList(t instanceof TensorType tt ? new TensorType(BoolType.I1, tt.dims()) : null);
    }

    /**
     * Broadcast of every present operand from {@code first} on, as element type {@code elem};
     * unranked if any operand's rank is unknown, null if known sizes cannot broadcast.
     */
    public static Type broadcast(InferContext ctx, ElementType elem, int first) {
        if (elem == null) {
            return null;
        }
        List<Type> types = ctx.operandTypes();
        List<Dim> shape = new ArrayList<>();
        List<Dim> a = null;
        for (int i = first; i < types.size(); i++) {
            Type t = types.get(i);
            if (t == NoneType.NONE) {
                continue;
            }
            if (!(t instanceof TensorType tt) || !tt.hasRank()) {
                return TensorType.unranked(elem);
            }
            List<Dim> s = tt.dims();
            if (i == first) {
                a = s;
            } else if (i == first + 1 && tt.isStatic() && new TensorType(elem, a).isStatic()) {
                int[] legacy = ElementwiseSupport.legacyShape(ctx.attrs(), ctx.opset(), new TensorType(elem, a).shape(), tt.shape());
                if (legacy != null) {
                    s = TensorType.of(elem, legacy).dims();
                }
            }
            shape = broadcast(shape, s);
            if (shape == null) {
                return null;
            }
        }
        return new TensorType(elem, shape);
    }

    /** Numpy broadcasting of two shapes that may hold symbolic dimensions; null if they clash. */
    static List<Dim> broadcast(List<Dim> a, List<Dim> b) {
        int r = Math.max(a.size(), b.size());
        List<Dim> out = new ArrayList<>(r);
        for (int i = 0; i < r; i++) {
            Dim da = i < r - a.size() ? Dim.of(1) : a.get(i - (r - a.size()));
            Dim db = i < r - b.size() ? Dim.of(1) : b.get(i - (r - b.size()));
            Dim d = broadcastDim(da, db);
            if (d == null) {
                return null;
            }
            out.add(d);
        }
        return out;
    }

    private static Dim broadcastDim(Dim a, Dim b) {
        if (isOne(a)) {
            return b;
        }
        if (isOne(b) || a.equals(b)) {
            return a;
        }
        if (a instanceof Dim.Known && b instanceof Dim.Known) {
            return null;
        }
        if (a instanceof Dim.Known) {
            return a;
        }
        if (b instanceof Dim.Known) {
            return b;
        }
        return Dim.symbol("");
    }

    private static boolean isOne(Dim d) {
        return d instanceof Dim.Known k && k.size() == 1;
    }
}
