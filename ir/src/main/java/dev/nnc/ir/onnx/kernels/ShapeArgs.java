package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.attr.Attribute;
import dev.nnc.ir.core.Operation;
import dev.nnc.ir.core.Value;
import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.spec.InferContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.Dim;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.TensorType;
import dev.nnc.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reading the integer "shape-like" arguments of shape ops (axes, pads, sizes, ...) both at run
 * time (from input tensors) and during type inference (only from operands that an
 * {@code onnx.Constant} defines, since other values are not known before running).
 */
public final class ShapeArgs {
    private ShapeArgs() {
    }

    /** Input i as longs, or null when absent. */
    public static long[] longs(EvalContext ctx, int i) {
        Tensor t = ctx.input(i);
        return t == null ? null : t.toLongs();
    }

    /** The attribute or, from opset {@code sinceInput}, the input i (ops that moved an attribute to an input). */
    public static long[] attrOrInput(EvalContext ctx, String attr, int input, int sinceInput) {
        return ctx.opset() >= sinceInput || ctx.hasInput(input) ? longs(ctx, input) : ctx.attrs().getInts(attr, null);
    }

    /** Same choice as {@link #attrOrInput} for type inference; null when the input is not a constant. */
    public static long[] attrOrConstant(InferContext ctx, String attr, int input, int sinceInput) {
        if (ctx.opset() >= sinceInput || isTensor(ctx.operandType(input))) {
            Tensor c = constant(ctx, input);
            return c == null ? null : c.toLongs();
        }
        return ctx.attrs().getInts(attr, null);
    }

    /** True when operand i is present (an absent optional operand has type {@code none}). */
    public static boolean present(InferContext ctx, int i) {
        return isTensor(ctx.operandType(i));
    }

    private static boolean isTensor(Type t) {
        return t instanceof TensorType;
    }

    /** The value of operand i when an {@code onnx.Constant} defines it, else null. */
    public static Tensor constant(InferContext ctx, int i) {
        Operation op = ctx.op();
        if (op == null || i >= op.numOperands()) {
            return null;
        }
        Value v = op.operand(i);
        Operation def = v.definingOp();
        if (def == null || !def.name().equals("onnx.Constant")) {
            return null;
        }
        if (def.property("value") instanceof Attribute.DenseAttr d) {
            return d.value();
        }
        Attribute ints = def.property("value_ints");
        if (ints instanceof Attribute.ArrayAttr arr) {
            long[] l = arr.values().stream().mapToLong(a -> ((Attribute.IntAttr) a).value()).toArray();
            return Tensor.ofLongs(IntegerType.I64, new int[] {l.length}, l);
        }
        if (def.property("value_int") instanceof Attribute.IntAttr iv) {
            return Tensor.scalar(IntegerType.I64, iv.value());
        }
        return null;
    }

    /** Constant operand i as longs, or null. */
    public static long[] constantLongs(InferContext ctx, int i) {
        Tensor c = constant(ctx, i);
        return c == null || c.isStrings() ? null : c.toLongs();
    }

    /** Operand i's type when it is a ranked tensor type, else null. */
    public static TensorType ranked(InferContext ctx, int i) {
        return ctx.operandType(i) instanceof TensorType t && t.hasRank() ? t : null;
    }

    /** Operand i's type when it is a static tensor type, else null. */
    public static TensorType fixed(InferContext ctx, int i) {
        return ctx.operandType(i) instanceof TensorType t && t.isStatic() ? t : null;
    }

    /** Operand i's element type, or null. */
    public static ElementType element(InferContext ctx, int i) {
        return ctx.operandType(i) instanceof TensorType t ? t.elementType() : null;
    }

    /** Normalized, validated axes (negative counted from the end). */
    public static int[] axes(EvalContext ctx, long[] axes, int rank) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axis(ctx, axes[i], rank);
        }
        return out;
    }

    /** One normalized axis, or an error naming it. */
    public static int axis(EvalContext ctx, long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw ctx.error("axis " + axis + " out of range for rank " + rank);
        }
        return (int) a;
    }

    /** A normalized axis for inference, or -1 when out of range. */
    public static int axisOrMinus1(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        return a < 0 || a >= rank ? -1 : (int) a;
    }

    /** A dims list from an int shape. */
    public static List<Dim> dims(int[] shape) {
        List<Dim> d = new ArrayList<>();
        for (int s : shape) {
            d.add(Dim.of(s));
        }
        return d;
    }

    /** Longs to an int shape, rejecting negatives and overflow. */
    public static int[] toShape(EvalContext ctx, long[] v) {
        int[] s = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] > Integer.MAX_VALUE) {
                throw ctx.error("invalid dimension " + v[i] + " in shape " + Arrays.toString(v));
            }
            s[i] = (int) v[i];
        }
        return s;
    }

    /** A tensor type of known rank whose dimensions are all unknown (null when either is unknown). */
    public static TensorType ofRank(ElementType e, int rank) {
        if (e == null || rank < 0) {
            return null;
        }
        List<Dim> d = new ArrayList<>();
        for (int k = 0; k < rank; k++) {
            d.add(Dim.symbol(""));
        }
        return new TensorType(e, d);
    }

    /** Operand i's rank, or -1 when unranked or absent. */
    public static int rank(InferContext ctx, int i) {
        TensorType t = ranked(ctx, i);
        return t == null ? -1 : t.rank();
    }

    /** The length of a 1-D operand of static size (e.g. a shape or axes input), or -1. */
    public static int length(InferContext ctx, int i) {
        TensorType t = ranked(ctx, i);
        return t != null && t.rank() == 1 && t.dims().get(0) instanceof Dim.Known k ? (int) k.size() : -1;
    }

    /** Same rank and element type as operand i, every dimension unknown. */
    public static List<Type> sameRank(InferContext ctx, int i) {
        return one(ofRank(element(ctx, i), rank(ctx, i)));
    }

    /** Rejects result shapes over the run-time element limit ({@link Shapes#sizeProblem}), naming the node. */
    public static int[] checkSize(EvalContext ctx, int[] shape) {
        String problem = Shapes.sizeProblem(shape);
        if (problem != null) {
            throw ctx.error(problem);
        }
        return shape;
    }

    /** A single-result inference answer that tolerates null. */
    public static List<Type> one(Type t) {
        List<Type> l = new ArrayList<>(1);
        l.add(t);
        return l;
    }
}
