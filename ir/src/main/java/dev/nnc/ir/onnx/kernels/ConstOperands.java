package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.NoneType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;

/**
 * Operand facts that type inference may use: whether an optional operand is given, and the value
 * of an operand defined by an {@code onnx.Constant} (axes, k, ...), which fixes a result shape.
 */
public final class ConstOperands {
    private ConstOperands() {
    }

    /** True when operand i exists and is not the absent-optional placeholder. */
    public static boolean present(InferContext ctx, int i) {
        if (i >= ctx.op().numOperands()) {
            return false;
        }
        Type t = ctx.operandType(i);
        return t != null && t != NoneType.NONE;
    }

    /** The tensor of operand i when an {@code onnx.Constant} with a tensor value defines it, else null. */
    public static Tensor value(InferContext ctx, int i) {
        if (!present(ctx, i)) {
            return null;
        }
        Value v = ctx.op().operand(i);
        Operation def = v.definingOp();
        if (def == null || !def.name().equals("onnx.Constant")) {
            return null;
        }
        Attribute a = def.property("value");
        if (a instanceof Attribute.DenseAttr d) {
            return d.value();
        }
        Attribute ints = def.property("value_ints");
        if (ints instanceof Attribute.ArrayAttr arr) {
            long[] l = new long[arr.values().size()];
            for (int k = 0; k < l.length; k++) {
                l[k] = ((Attribute.IntAttr) arr.values().get(k)).value();
            }
            return Tensor.ofLongs(dev.nnc.ir.type.IntegerType.I64, new int[] {l.length}, l);
        }
        Attribute one = def.property("value_int");
        if (one instanceof Attribute.IntAttr iv) {
            return Tensor.scalar(dev.nnc.ir.type.IntegerType.I64, iv.value());
        }
        return null;
    }

    /** Operand i's type when it is a ranked tensor type, else null. */
    public static TensorType ranked(InferContext ctx, int i) {
        return ctx.operandType(i) instanceof TensorType tt && tt.hasRank() ? tt : null;
    }
}
