package dev.nnc.ir.onnx.kernels;

import dev.nnc.ir.spec.EvalContext;
import dev.nnc.ir.tensor.Shapes;
import dev.nnc.ir.tensor.Tensor;
import dev.nnc.ir.type.BoolType;
import dev.nnc.ir.type.ElementType;
import dev.nnc.ir.type.FloatType;
import dev.nnc.ir.type.IntegerType;
import dev.nnc.ir.type.StringType;
import dev.nnc.ir.type.Unsigned;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Loops shared by the element-wise kernel families: map one tensor, or zip two tensors under
 * numpy multidirectional broadcasting, over the {@code double[]} (floats) or {@code long[]}
 * (integers, booleans) storage. Results are rounded or wrapped to the output element type by
 * {@link Tensor#ofDoubles} / {@link Tensor#ofLongs}, so each kernel writes only its scalar rule.
 */
public final class ElementwiseSupport {
    private ElementwiseSupport() {
    }

    /** A predicate on two doubles (comparisons). */
    @FunctionalInterface
    public interface DoubleTest {
        boolean test(double a, double b);
    }

    /** A predicate on two longs (comparisons, logic). */
    @FunctionalInterface
    public interface LongTest {
        boolean test(long a, long b);
    }

    /** True for unsigned integer types of any width. */
    public static boolean isUnsigned(ElementType t) {
        return t instanceof IntegerType it && !it.signed();
    }

    /** The broadcast shape of the tensors, or an error naming both shapes. */
    public static int[] broadcastShape(EvalContext ctx, Tensor... ts) {
        int[] shape = ts[0].shape();
        for (int i = 1; i < ts.length; i++) {
            int[] next = Shapes.broadcast(shape, ts[i].shape());
            if (next == null) {
                throw ctx.error("shapes " + Arrays.toString(shape) + " and " + Arrays.toString(ts[i].shape())
                        + " do not broadcast");
            }
            shape = next;
        }
        return shape;
    }

    /**
     * For each flat index of {@code shape}, the flat index into t broadcast to it; null when t
     * already has that shape (the identity, which the loops take without an index array).
     */
    public static int[] index(Tensor t, int[] shape) {
        return Arrays.equals(t.shape(), shape) ? null : Shapes.broadcastIndex(t.shape(), shape);
    }

    /** Element count of a shape as an int (tensors are int-indexed). */
    public static int size(int[] shape) {
        return Math.toIntExact(Shapes.size(shape));
    }

    /** Applies f to every element of a float tensor; the result has element type {@code out}. */
    public static Tensor mapDouble(Tensor x, ElementType out, DoubleUnaryOperator f) {
        double[] in = x.doubles();
        double[] r = new double[in.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(in[i]);
        }
        return Tensor.ofDoubles(out, x.shape(), r);
    }

    /** Applies f to every element of an integer/bool tensor; the result has element type {@code out}. */
    public static Tensor mapLong(Tensor x, ElementType out, LongUnaryOperator f) {
        long[] in = x.longs();
        long[] r = new long[in.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsLong(in[i]);
        }
        return Tensor.ofLongs(out, x.shape(), r);
    }

    /** A boolean tensor: {@code test} of every element of a float tensor. */
    public static Tensor testDouble(Tensor x, java.util.function.DoublePredicate test) {
        double[] in = x.doubles();
        long[] r = new long[in.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = test.test(in[i]) ? 1 : 0;
        }
        return Tensor.ofLongs(BoolType.I1, x.shape(), r);
    }

    /** The broadcast of two operands: the result shape and, per result element, each operand's index. */
    private record Pair(int[] shape, int[] ia, int[] ib) {
        static Pair of(EvalContext ctx, Tensor a, Tensor b) {
            int[] shape = broadcastShape(ctx, a, b);
            return new Pair(shape, index(a, shape), index(b, shape));
        }

        int size() {
            return ElementwiseSupport.size(shape);
        }

        int a(int i) {
            return ia == null ? i : ia[i];
        }

        int b(int i) {
            return ib == null ? i : ib[i];
        }
    }

    /** Broadcasting zip over doubles (integer operands read with {@link Tensor#getDouble}), result as {@code out}. */
    public static Tensor zipDouble(EvalContext ctx, Tensor a, Tensor b, ElementType out, DoubleBinaryOperator f) {
        Pair p = Pair.of(ctx, a, b);
        double[] da = a.isDoubles() ? a.doubles() : a.toDoubles();
        double[] db = b.isDoubles() ? b.doubles() : b.toDoubles();
        double[] r = new double[p.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(da[p.a(i)], db[p.b(i)]);
        }
        return Tensor.ofDoubles(out, p.shape(), r);
    }

    /** Broadcasting zip over longs, result wrapped to {@code out}. */
    public static Tensor zipLong(EvalContext ctx, Tensor a, Tensor b, ElementType out, LongBinaryOperator f) {
        Pair p = Pair.of(ctx, a, b);
        long[] la = a.longs();
        long[] lb = b.longs();
        long[] r = new long[p.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsLong(la[p.a(i)], lb[p.b(i)]);
        }
        return Tensor.ofLongs(out, p.shape(), r);
    }

    /** Broadcasting comparison of two float tensors into a boolean tensor. */
    public static Tensor compareDouble(EvalContext ctx, Tensor a, Tensor b, DoubleTest t) {
        Pair p = Pair.of(ctx, a, b);
        double[] da = a.doubles();
        double[] db = b.doubles();
        long[] r = new long[p.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = t.test(da[p.a(i)], db[p.b(i)]) ? 1 : 0;
        }
        return Tensor.ofLongs(BoolType.I1, p.shape(), r);
    }

    /** Broadcasting comparison of two integer/bool tensors into a boolean tensor. */
    public static Tensor compareLong(EvalContext ctx, Tensor a, Tensor b, LongTest t) {
        return zipLong(ctx, a, b, BoolType.I1, (x, y) -> t.test(x, y) ? 1 : 0);
    }

    /** Requires a float tensor, else an error naming the op's allowed types. */
    public static Tensor requireFloat(EvalContext ctx, Tensor t, String what) {
        if (!t.elementType().isFloat()) {
            throw ctx.error(what + " must be a float tensor, got " + t.elementType().spelling());
        }
        return t;
    }

    /** Requires a boolean tensor. */
    public static Tensor requireBool(EvalContext ctx, Tensor t, String what) {
        if (t.elementType() != BoolType.I1) {
            throw ctx.error(what + " must be a bool tensor, got " + t.elementType().spelling());
        }
        return t;
    }

    /** Requires an integer tensor (signed or unsigned, not bool). */
    public static Tensor requireInteger(EvalContext ctx, Tensor t, String what) {
        if (!(t.elementType() instanceof IntegerType)) {
            throw ctx.error(what + " must be an integer tensor, got " + t.elementType().spelling());
        }
        return t;
    }

    /** Requires a float or integer tensor (not bool, string or fixed point). */
    public static Tensor requireNumeric(EvalContext ctx, Tensor t, String what) {
        ElementType e = t.elementType();
        if (!(e instanceof FloatType) && !(e instanceof IntegerType)) {
            throw ctx.error(what + " must be a numeric tensor, got " + e.spelling());
        }
        return t;
    }

    /** Requires both tensors to have the same element type (ONNX's single type variable T). */
    public static void requireSameType(EvalContext ctx, Tensor a, Tensor b) {
        if (!a.elementType().equals(b.elementType())) {
            throw ctx.error("operands must have the same element type, got " + a.elementType().spelling()
                    + " and " + b.elementType().spelling());
        }
    }

    /**
     * Opset 1-6 broadcasting: with {@code broadcast=1} and an {@code axis}, B's shape matches a
     * contiguous run of A's dimensions starting at axis; returns B reshaped so that numpy
     * broadcasting gives that meaning. Otherwise returns B unchanged (suffix matching and equal
     * shapes are already numpy broadcasting).
     */
    public static Tensor alignLegacy(EvalContext ctx, Tensor a, Tensor b) {
        int[] s = legacyShape(ctx.attrs(), ctx.opset(), a.shape(), b.shape());
        return s == null ? b : b.reshape(s);
    }

    /**
     * The shape of B under opset 1-6 axis broadcasting, or null when that rule does not apply
     * (from opset 7 on, ONNX dropped {@code broadcast}/{@code axis}: stray ones must not switch it on).
     */
    public static int[] legacyShape(dev.nnc.ir.spec.OpAttributes attrs, int opset, int[] a, int[] b) {
        if (opset >= 7 || attrs.getInt("broadcast", 0) == 0 || !attrs.has("axis")) {
            return null;
        }
        int axis = attrs.getInt32("axis");
        if (axis < 0) {
            axis += a.length;
        }
        if (axis < 0 || axis + b.length > a.length) {
            return null;
        }
        int[] s = new int[a.length - axis];
        Arrays.fill(s, 1);
        System.arraycopy(b, 0, s, 0, b.length);
        return s;
    }

    /**
     * A double converted to integer storage as C does for in-range values: truncated toward zero
     * (u64 values at or above 2^63 keep their unsigned bits). The caller's {@link Tensor#ofLongs}
     * then wraps to the width, which is what the ONNX tests expect for narrow targets.
     */
    public static long truncateToLong(double v, ElementType target) {
        if (Unsigned.isU64(target) && v >= 0x1p63) {
            return v >= 0x1p64 ? -1L : (long) (v - 0x1p63) ^ Long.MIN_VALUE;
        }
        return (long) v;
    }

    /** True for the string element type. */
    public static boolean isString(ElementType t) {
        return t == StringType.STR;
    }
}
