package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.Collections;
import java.util.List;

/**
 * Type inference for element-wise ops: the broadcast shape of the operands (with the opset 1-6
 * axis rule of {@link ElementwiseSupport#legacyShape}) and an element type chosen per op.
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

    /** Broadcast of every operand from {@code first} on (Where: element type of X), as {@code elem}. */
    public static Type broadcast(InferContext ctx, ElementType elem, int first) {
        if (elem == null) {
            return null;
        }
        List<Type> types = ctx.operandTypes();
        int[] shape = new int[0];
        int[] a = null;
        for (int i = first; i < types.size(); i++) {
            Type t = types.get(i);
            if (t == NoneType.NONE) {
                continue;
            }
            if (!(t instanceof TensorType tt) || !tt.isStatic()) {
                return TensorType.unranked(elem);
            }
            int[] s = tt.shape();
            if (i == first) {
                a = s;
            } else if (i == first + 1 && a != null) {
                int[] legacy = ElementwiseSupport.legacyShape(ctx.attrs(), a, s);
                if (legacy != null) {
                    s = legacy;
                }
            }
            shape = Shapes.broadcast(shape, s);
            if (shape == null) {
                return null;
            }
        }
        return TensorType.of(elem, shape);
    }
}
