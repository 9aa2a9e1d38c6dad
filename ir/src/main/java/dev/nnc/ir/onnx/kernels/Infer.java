package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Type-inference rules shared by many ops. Each returns null entries for what it cannot know. */
public final class Infer {
    private Infer() {
    }

    /** One result with the type of operand 0 (unary element-wise ops, Identity, ...). */
    public static List<Type> sameAsFirst(InferContext ctx) {
        return Collections.singletonList(ctx.operandType(0));
    }

    /** One result with numpy broadcasting of all operands' shapes and element type of operand 0. */
    public static List<Type> broadcast(InferContext ctx) {
        return Collections.singletonList(broadcastShape(ctx, elementType(ctx.operandType(0))));
    }

    /** Broadcast shape of all operands, with the given element type (e.g. i1 for comparisons). */
    public static Type broadcastShape(InferContext ctx, ElementType elem) {
        if (elem == null) {
            return null;
        }
        int[] shape = new int[0];
        for (Type t : ctx.operandTypes()) {
            if (!(t instanceof TensorType tt) || !tt.isStatic()) {
                return TensorType.unranked(elem);
            }
            shape = Shapes.broadcast(shape, tt.shape());
            if (shape == null) {
                return null;
            }
        }
        return TensorType.of(elem, shape);
    }

    /** The element type of a tensor type, or null. */
    public static ElementType elementType(Type t) {
        return t instanceof TensorType tt ? tt.elementType() : null;
    }

    /** n results, all unknown. */
    public static List<Type> unknown(int n) {
        List<Type> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(null);
        }
        return out;
    }
}
